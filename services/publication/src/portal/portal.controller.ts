import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lep/auth';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import {
  AnnualReportParams,
  findAnnualReport,
  listAnnualReports,
} from '../pre-disclosure/public-annual-reports.controller';
import { annualReportBody, annualReportListBody, PublishedReport } from './pages/annual-report-page';
import { html, page } from './pages/html';

// The package's portal/ folder, from src/portal (tests) and dist/portal (built) alike; read once, served from memory.
const asset = (name: string): string =>
  readFileSync(path.join(__dirname, '..', '..', 'portal', name), 'utf8');

const HOME: [string, string] = ['首页', '/portal'];
const REPORTS: [string, string] = ['统计年报', '/portal/annual-reports'];

/**
 * The public portal (行政执法公示平台): the decision search (static HTML and a small script calling the public
 * API) and server-rendered pages that need no script (the annual reports).
 */
@ApiExcludeController()
@Controller()
@Public()
export class PortalController {
  private readonly html = asset('index.html');
  private readonly script = asset('portal.js');
  private readonly styles = asset('portal.css');

  constructor(private readonly dataSource: DataSource) {}

  @Get(['portal', 'portal/'])
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  page(): string {
    return this.html;
  }

  @Get('portal/portal.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  js(): string {
    return this.script;
  }

  @Get('portal/portal.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  css(): string {
    return this.styles;
  }

  @Get('portal/annual-reports')
  @Header('content-type', 'text/html; charset=utf-8')
  async annualReports(): Promise<string> {
    const { rows } = await listAnnualReports(this.dataSource, { page: 1, pageSize: 100 });
    return page({
      title: '行政执法统计年报',
      trail: [HOME, REPORTS],
      body: annualReportListBody(rows.map((row) => row.data as unknown as PublishedReport)),
    });
  }

  @Get('portal/annual-reports/:agency/:year')
  @Header('content-type', 'text/html; charset=utf-8')
  async annualReport(
    @Param() params: AnnualReportParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const row = await findAnnualReport(this.dataSource, params.agency, params.year);
    if (!row) {
      response.status(404);
      return page({
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
    return page({
      title: `${report.agencyName}${report.year}年度行政执法统计年报`,
      trail: [HOME, REPORTS, [`${report.year}年度 ${report.agencyName}`, '']],
      body: annualReportBody(report),
    });
  }
}
