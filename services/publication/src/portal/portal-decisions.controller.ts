import { Controller, Get, Header, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lep/auth';
import { DECISION_ID_PATTERN } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PerClientThrottlerGuard } from '../public-api/per-client-throttler.guard';
import type { Request, Response } from 'express';
import { PublicDecisionQuery } from '../public-api/public-decision.dto';
import { PublicDecisionsService } from '../public-api/public-decisions.service';
import { decisionBody, decisionListBody } from './pages/decision-pages';
import { html } from './pages/html';
import { HOME, renderPage } from './portal-pages';

const DECISIONS: [string, string] = ['执法决定', '/portal/decisions'];

const QUERY_LABELS: Record<string, string> = {
  agency: '执法主体代码',
  category: '决定类别',
  from: '决定日期起',
  to: '决定日期止',
  party: '行政相对人',
  keyword: '关键词',
  status: '公示状态',
  page: '页码',
  pageSize: '每页条数',
};

/**
 * The decision pages: a search that is a link (GET form), results with a page each, and a decision's own page
 * at /portal/decisions/<decision id>, the same address for everyone, to share or print.
 */
@ApiExcludeController()
@Controller('portal/decisions')
@Public()
@UseGuards(PerClientThrottlerGuard)
export class PortalDecisionsController {
  constructor(private readonly decisions: PublicDecisionsService) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async search(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Query() raw: Record<string, unknown>,
  ): Promise<string> {
    // A form sends its empty fields too: they mean "any", not a bad value.
    const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
    const query = plainToInstance(PublicDecisionQuery, given);
    const problems = validateSync(query, { whitelist: true }).map(
      (error) => `${QUERY_LABELS[error.property] ?? error.property}的格式不正确`,
    );
    if (problems.length > 0) response.status(400);
    const result = problems.length > 0 ? null : await this.decisions.search(query);
    return renderPage(request, {
      title: '执法决定公示',
      trail: [HOME, DECISIONS],
      body: decisionListBody(query, result, problems),
    });
  }

  @Get(':id')
  @Header('content-type', 'text/html; charset=utf-8')
  async decision(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Param('id') id: string,
  ): Promise<string> {
    const item = DECISION_ID_PATTERN.test(id) ? await this.decisions.get(id).catch(notFoundAsNull) : null;
    if (!item) {
      response.status(404);
      return renderPage(request, {
        title: '未找到该公示信息',
        trail: [HOME, DECISIONS, ['未找到', '']],
        body: html`<p>该执法决定不存在或已超过公示期限。<a href="/portal/decisions">查询其他执法决定</a></p>`,
      });
    }
    const record = item.record as { documentNumber?: string; agencyName?: string };
    return renderPage(request, {
      title: `${record.agencyName ?? ''} ${record.documentNumber ?? ''}`.trim(),
      trail: [HOME, DECISIONS, [String(record.documentNumber ?? ''), '']],
      body: decisionBody(item),
    });
  }
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof ApiError && error.getStatus() === 404) return null;
  throw error;
}
