import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { PerClientThrottlerGuard } from './per-client-throttler.guard';
import { Public } from '@lep/auth';
import {
  DecisionIdParam,
  PublicDecisionPage,
  PublicDecisionQuery,
  PublicDecisionView,
} from './public-decision.dto';
import { PublicDecisionsService } from './public-decisions.service';
import { PublicDocumentService } from './public-document.service';

@ApiTags('public')
@Controller('api/v1/public/decisions')
@Public()
@UseGuards(PerClientThrottlerGuard)
@ApiTooManyRequestsResponse({ description: '同一来源请求过于频繁（429 TOO_MANY_REQUESTS）' })
export class PublicDecisionsController {
  constructor(
    private readonly decisions: PublicDecisionsService,
    private readonly documents: PublicDocumentService,
  ) {}

  @Get()
  @ApiOkResponse({ type: PublicDecisionPage, description: '行政执法决定公示检索（脱敏）' })
  search(@Query() query: PublicDecisionQuery): Promise<PublicDecisionPage> {
    return this.decisions.search(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PublicDecisionView })
  get(@Param() params: DecisionIdParam): Promise<PublicDecisionView> {
    return this.decisions.get(params.id);
  }

  @Get(':id/document')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description:
      '决定书公开版 PDF（隐去个人信息），仅当公示记录载有 document 时提供；响应头 x-content-sha256 即记录所载哈希',
  })
  @ApiNotFoundResponse({
    description: '未公示、已撤回、已过公示期或不公开全文（404 DOCUMENT_NOT_PUBLISHED）',
  })
  async document(@Param() params: DecisionIdParam, @Res() response: Response): Promise<void> {
    const document = await this.documents.get(params.id);
    response.status(200);
    response.setHeader('content-type', 'application/pdf');
    response.setHeader('content-length', String(document.pdf.length));
    response.setHeader('x-content-sha256', document.sha256);
    response.setHeader(
      'content-disposition',
      `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    );
    // A withdrawal takes the document off at once: no copy is kept on the way.
    response.setHeader('cache-control', 'no-store');
    response.end(document.pdf);
  }
}
