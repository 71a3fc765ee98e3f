import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lep/auth';
import { PerClientThrottlerGuard } from '../public-api/per-client-throttler.guard';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import {
  AnnualReportParams,
  findAnnualReport,
  listAnnualReports,
} from '../pre-disclosure/public-annual-reports.controller';
import { annualReportBody, annualReportListBody, PublishedReport } from './pages/annual-report-page';
import { helpBody, homeBody } from './pages/home-pages';
import { DISPLAY_COOKIE, html } from './pages/html';
import { HOME, renderPage } from './portal-pages';

// The package's portal/ folder, from src/portal (tests) and dist/portal (built) alike; read once, served from memory.
const asset = (name: string): string =>
  readFileSync(path.join(__dirname, '..', '..', 'portal', name), 'utf8');

const REPORTS: [string, string] = ['统计年报', '/portal/annual-reports'];
/** Where the display switches may send the reader back to: a portal address, never another site. */
const PORTAL_ADDRESS = /^\/portal(?:[/?][A-Za-z0-9\-._~%/?=&:+,]*)?$/;
const DISPLAY_CHOICES = new Set(['large', 'contrast']);

/**
 * The public portal (行政执法公示平台): server-rendered pages that need no script (GB/T 37668), readable at any
 * text size, with display switches for older readers. The home page, help, display choices and annual reports
 * live here; decisions and pre-disclosure have their own controllers.
 */
@ApiExcludeController()
@Controller('portal')
@Public()
@UseGuards(PerClientThrottlerGuard)
export class PortalController {
  private readonly styles = asset('portal.css');

  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  home(@Req() request: Request): string {
    return renderPage(request, { title: '行政执法公示平台', trail: [HOME], body: homeBody() });
  }

  @Get('portal.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  css(): string {
    return this.styles;
  }

  @Get('help')
  @Header('content-type', 'text/html; charset=utf-8')
  help(@Req() request: Request): string {
    return renderPage(request, { title: '使用帮助', trail: [HOME, ['使用帮助', '']], body: helpBody() });
  }

  /** Keeps the reader's choice of larger text and stronger contrast for a year, then goes back to the page. */
  @Get('display')
  display(@Res() response: Response, @Query('set') set: unknown, @Query('back') back: unknown): void {
    const chosen = (typeof set === 'string' ? set.split(',') : []).filter((choice) =>
      DISPLAY_CHOICES.has(choice),
    );
    response.cookie(DISPLAY_COOKIE, chosen.join(','), {
      path: '/portal',
      maxAge: 365 * 24 * 3600 * 1000,
      sameSite: 'lax',
      httpOnly: true,
    });
    response.redirect(303, typeof back === 'string' && PORTAL_ADDRESS.test(back) ? back : '/portal');
  }

  @Get('annual-reports')
  @Header('content-type', 'text/html; charset=utf-8')
  async annualReports(@Req() request: Request): Promise<string> {
    const { rows } = await listAnnualReports(this.dataSource, { page: 1, pageSize: 100 });
    return renderPage(request, {
      title: '行政执法统计年报',
      trail: [HOME, REPORTS],
      body: annualReportListBody(rows.map((row) => row.data as unknown as PublishedReport)),
    });
  }

  @Get('annual-reports/:agency/:year')
  @Header('content-type', 'text/html; charset=utf-8')
  async annualReport(
    @Req() request: Request,
    @Param() params: AnnualReportParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const row = await findAnnualReport(this.dataSource, params.agency, params.year);
    if (!row) {
      response.status(404);
      return renderPage(request, {
        title: '未找到该统计年报',
        trail: [HOME, REPORTS, ['未找到', '']],
        body: html`<p>
          ${params.agency} ${params.year} 年度的统计年报尚未公开。<a href="/portal/annual-reports"
            >查看已公开的统计年报</a
          >
        </p>`,
      });
    }
    const report = row.data as unknown as PublishedReport;
    return renderPage(request, {
      title: `${report.agencyName}${report.year}年度行政执法统计年报`,
      trail: [HOME, REPORTS, [`${report.year}年度 ${report.agencyName}`, '']],
      body: annualReportBody(report),
    });
  }
}
