import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { assertOwnAgency, CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { annualReportWorkflowId } from '@lep/workflows';
import { AgencyTree } from '../aggregates/agency-tree';
import { StatisticsAccess } from '../aggregates/statistics-access';
import { AnnualReportWorkflows } from './annual-report-workflows';
import type { Response } from 'express';
import { reportCsv } from './report-content';
import { writeReportXlsx, xlsxDisposition } from './report-xlsx';
import {
  AnnualReportView,
  NarrativeDto,
  ReportIdParam,
  ReportSubmissionView,
  SubmissionDto,
  ReportRunView,
  ReportsQueryDto,
  StartReportRunDto,
} from './reports.dto';
import { AnnualReportRow, ReportSubmissionRow, ReportsService } from './reports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 行政执法统计年报: the platform drafts it, the agency edits the narrative, its leader approves it (which publishes
 * it), staff export it and record where it was submitted; platform admins may start a year's run by hand.
 */
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

  @Put(':id/narrative')
  @Roles('agency-admin', 'leader')
  @ApiOkResponse({
    type: AnnualReportView,
    description: '修改平台起草的情况说明（审批前可改；审批后 409 REPORT_NOT_EDITABLE）',
  })
  async editNarrative(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ReportIdParam,
    @Body() dto: NarrativeDto,
  ): Promise<AnnualReportView> {
    await this.ownAgency(principal, params.id);
    return toView(await this.reports.editNarrative(params.id, dto.narrative, principal.subject, new Date()));
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Roles('leader')
  @ApiOkResponse({ type: AnnualReportView, description: '本单位负责人审批统计年报，审批后即公开' })
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ReportIdParam,
  ): Promise<AnnualReportView> {
    await this.ownAgency(principal, params.id);
    const approved = await this.reports.approve(params.id, principal.subject, new Date());
    await this.workflows.confirmed(approved.year, approved.id);
    return toView(approved);
  }

  @Post(':id/submissions')
  @Roles('agency-admin', 'leader')
  @ApiCreatedResponse({
    type: ReportSubmissionView,
    description: '登记已公开的统计年报报送本级人民政府或上级主管部门的情况（晚于次年1月31日的标为逾期）',
  })
  async recordSubmission(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ReportIdParam,
    @Body() dto: SubmissionDto,
  ): Promise<ReportSubmissionView> {
    await this.ownAgency(principal, params.id);
    return toSubmissionView(
      await this.reports.recordSubmission(params.id, dto, principal.subject, new Date()),
    );
  }

  @Get(':id/submissions')
  @ApiOkResponse({ type: [ReportSubmissionView], description: '统计年报的报送登记' })
  async submissions(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ReportIdParam,
  ): Promise<ReportSubmissionView[]> {
    await this.scoped(principal, params.id);
    return (await this.reports.submissions(params.id)).map(toSubmissionView);
  }

  /**
   * Editing, approving and recording the submissions of a report are for its own agency's staff (谁执法谁公示:
   * an upper level reads its reports but does not sign them); a platform admin passes, as everywhere.
   */
  private async ownAgency(principal: Principal, id: string): Promise<AnnualReportRow> {
    const report = await this.reports.get(id);
    assertOwnAgency(principal, report.agency_code);
    return report;
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
    ...(row.confirmed_by ? { approvedBy: row.confirmed_by, approvedAt: iso(row.confirmed_at) } : {}),
    ...(row.narrative_edited_by
      ? { narrativeEditedBy: row.narrative_edited_by, narrativeEditedAt: iso(row.narrative_edited_at) }
      : {}),
    ...(row.published_at ? { publishedAt: iso(row.published_at) } : {}),
    content: row.content,
  };
}

function toSubmissionView(row: ReportSubmissionRow): ReportSubmissionView {
  return {
    id: row.id,
    recipient: row.recipient,
    recipientName: row.recipient_name,
    submittedOn: row.submitted_on,
    late: row.late,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
