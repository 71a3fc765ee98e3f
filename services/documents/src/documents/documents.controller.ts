import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal, Roles } from '@lep/auth';
import { DocumentIdParam, PurposeQuery } from '../common/params';
import { AGENCY_READERS, ISSUERS } from '../common/roles';
import { type CallerCredential, CurrentCredential } from '../upstream/caller-credential';
import { CaseDocumentsQuery, DocumentView, IssueDocumentDto, VoidDocumentDto } from './documents.dto';
import { DocumentsService } from './documents.service';

@ApiTags('documents')
@Controller('api/v1/documents')
@Roles(...AGENCY_READERS)
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @Roles(...ISSUERS)
  @ApiCreatedResponse({
    type: DocumentView,
    description:
      '按现行式样出具文书：编文号、生成 PDF、以其 SHA-256 存入证据库并记入案件全过程记录。' +
      '同一请求标识重复提交时返回首次出具的文书',
  })
  issue(
    @CurrentPrincipal() principal: Principal,
    @CurrentCredential() credential: CallerCredential,
    @Body() dto: IssueDocumentDto,
  ): Promise<DocumentView> {
    return this.documents.issue(principal, credential, dto);
  }

  @Get()
  @ApiOkResponse({ type: [DocumentView], description: '案件的全部文书（含已作废的）' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CaseDocumentsQuery,
  ): Promise<DocumentView[]> {
    return this.documents.listOfCase(principal, query.caseId);
  }

  @Get(':id')
  @ApiOkResponse({ type: DocumentView })
  get(@CurrentPrincipal() principal: Principal, @Param() params: DocumentIdParam): Promise<DocumentView> {
    return this.documents.get(principal, params.id);
  }

  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: '证据库中保存的文书 PDF（与送达当事人的为同一文件），响应头 x-content-sha256 为其哈希',
  })
  pdf(
    @CurrentPrincipal() principal: Principal,
    @CurrentCredential() credential: CallerCredential,
    @Param() params: DocumentIdParam,
    @Query() query: PurposeQuery,
    @Res() response: Response,
  ): Promise<void> {
    return this.documents.download(principal, credential, params.id, query.purpose, response);
  }

  @Get(':id/masked-pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: '隐去个人信息的公开版 PDF，用于行政执法公示' })
  maskedPdf(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DocumentIdParam,
    @Res() response: Response,
  ): Promise<void> {
    return this.documents.maskedPdf(principal, params.id, response);
  }

  @Post(':id/void')
  @Roles('leader', 'agency-admin')
  @HttpCode(200)
  @ApiOkResponse({ type: DocumentView, description: '作废文书：文号记为作废并注明理由，不再使用' })
  void(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DocumentIdParam,
    @Body() dto: VoidDocumentDto,
  ): Promise<DocumentView> {
    return this.documents.void(principal, params.id, dto.reason);
  }
}
