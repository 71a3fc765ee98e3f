import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { assertAgencyAccess, CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { annualReportWorkflowId } from '@lep/workflows';
import { AgencyTree } from '../aggregates/agency-tree';
import { StatisticsAccess } from '../aggregates/statistics-access';
import { AnnualReportWorkflows } from './annual-report-workflows';
import type { Response } from 'express';
import { reportCsv } from './report-content';
import { writeReportXlsx, xlsxDisposition } from './report-xlsx';
import {
  AnnualReportView,
  ReportIdParam,
  ReportRunView,
  ReportsQueryDto,
  StartReportRunDto,
} from './reports.dto';
import { AnnualReportRow, ReportsService } from './reports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 行政执法统计年报: read, confirm (agency admin), export; platform admins may start a year's run by hand. */
@ApiTags('reports')
@Controller('api/v1/reports')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly workflows: AnnualReportWorkflows,
    private readonly tree: AgencyTree,
    private readonly access: StatisticsAccess,
  ) {}

  @Get()
  @ApiOkResponse({ type: [AnnualReportView], description: '本级及下级执法主体的统计年报' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportsQueryDto,
  ): Promise<AnnualReportView[]> {
    await this.access.assert(principal, query.agency);
    const agencies = await this.tree.withDescendants(query.agency);
    return (await this.reports.list(agencies, query.year)).map(toView);
  }

  @Post('runs')
  @HttpCode(200)
  @Roles('platform-admin')
  @ApiOkResponse({
    type: ReportRunView,
    description:
      '启动某年度统计年报编制流程（定时计划 lep-annual-report 每年1月1日自动启动上一年度；此处用于补建，已启动则不重复）',
  })
  async start(@Body() dto: StartReportRunDto): Promise<ReportRunView> {
    return { workflowId: annualReportWorkflowId(dto.year), started: await this.workflows.start(dto.year) };
  }

  @Get(':id')
  @ApiOkResponse({ type: AnnualReportView })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ReportIdParam,
  ): Promise<AnnualReportView> {
    return toView(await this.scoped(principal, params.id));
  }

  @Get(':id/export.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: '统计年报 CSV（UTF-8，带 BOM）' })
  async exportCsv(@CurrentPrincipal() principal: Principal, @Param() params: ReportIdParam): Promise<string> {
    return reportCsv((await this.scoped(principal, params.id)).content);
  }

  @Get(':id/export.xlsx')
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '统计年报 Excel 工作簿（每个项目一张工作表，列同 CSV）' })
  async exportXlsx(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ReportIdParam,
    @Res() response: Response,
  ): Promise<void> {
    const { content } = await this.scoped(principal, params.id);
    response.status(200);
    response.setHeader('content-type', XLSX);
    response.setHeader('content-disposition', xlsxDisposition(content));
    // Written sheet by sheet into the response as exceljs zips it, not built in memory first.
    await writeReportXlsx(content, response);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('agency-admin')
  @ApiOkResponse({ type: AnnualReportView, description: '本单位管理员确认统计年报，确认后即公开' })
  async confirm(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ReportIdParam,
  ): Promise<AnnualReportView> {
    const report = await this.reports.get(params.id);
    await assertAgencyAccess(principal, report.agency_code, this.tree);
    const confirmed = await this.reports.confirm(params.id, principal.subject, new Date());
    await this.workflows.confirmed(confirmed.year, confirmed.id);
    return toView(confirmed);
  }

  private async scoped(principal: Principal, id: string): Promise<AnnualReportRow> {
    const report = await this.reports.get(id);
    await this.access.assert(principal, report.agency_code);
    return report;
  }
}

function toView(row: AnnualReportRow): AnnualReportView {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : undefined);
  return {
    id: row.id,
    agencyCode: row.agency_code,
    year: row.year,
    status: row.status,
    reminderLevel: row.reminder_level,
    overdue: row.overdue,
    builtAt: new Date(row.built_at).toISOString(),
    ...(row.confirmed_by ? { confirmedBy: row.confirmed_by, confirmedAt: iso(row.confirmed_at) } : {}),
    ...(row.published_at ? { publishedAt: iso(row.published_at) } : {}),
    content: row.content,
  };
}
