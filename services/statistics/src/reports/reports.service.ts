import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import {
  createCloudEvent,
  ReportPublishedData,
  STATISTICS_EVENT_SOURCE,
  STATISTICS_EVENT_TYPES,
  TOPICS,
} from '@lep/contracts';
import { ApiError, enqueueEvent } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { powersOf } from '../aggregates/agency-powers';
import { StatisticsQueryService } from '../aggregates/statistics-query.service';
import { WarningsService } from '../warnings/warnings.service';
import { AnnualReportContent, buildReportContent } from './report-content';

export type ReportStatus = 'awaiting-confirmation' | 'confirmed' | 'published';

export interface AnnualReportRow {
  id: string;
  agency_code: string;
  year: number;
  status: ReportStatus;
  content: AnnualReportContent;
  built_at: Date;
  reminder_level: number;
  overdue: boolean;
  /** The leader who approved the report (审批); the approval is what publishes it. */
  confirmed_by: string | null;
  confirmed_at: Date | null;
  published_at: Date | null;
  narrative_edited_by: string | null;
  narrative_edited_at: Date | null;
}

/** T1: the report goes to the government at the agency's own level and to its superior department. */
export const SUBMISSION_RECIPIENTS = ['government', 'superior-department'] as const;
export type SubmissionRecipient = (typeof SUBMISSION_RECIPIENTS)[number];

export interface ReportSubmissionRow {
  id: string;
  report_id: string;
  recipient: SubmissionRecipient;
  recipient_name: string;
  submitted_on: string;
  late: boolean;
  recorded_by: string;
  recorded_at: Date;
}

/** The last day of the period to disclose and submit the report of `year` (T1: 31 January of the next year). */
export const reportDueOn = (year: number): string => `${year + 1}-01-31`;

const REMINDER_MESSAGES: Record<number, (year: number) => string> = {
  1: (year) => `${year}年度行政执法统计年报尚未审批，请于1月31日前审批公开`,
  2: (year) => `${year}年度行政执法统计年报仍未审批，距1月31日截止不足一周`,
  3: (year) => `${year}年度行政执法统计年报仍未审批，明日（1月31日）截止，请立即审批`,
};

const notFound = () => new ApiError(HttpStatus.NOT_FOUND, 'REPORT_NOT_FOUND', '统计年报不存在');

/**
 * Builds (the platform's draft), lets the agency edit the narrative, approves, publishes, reminds and records the
 * submissions of the annual reports; each change commits with its announcements.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: StatisticsQueryService,
    private readonly warnings: WarningsService,
  ) {}

  /** Builds the report of every registered agency once; returns the ids not yet published. */
  async buildAll(year: number, at: Date): Promise<string[]> {
    const agencies: Array<{ code: string; name: string; level: string }> = await this.dataSource.query(
      `SELECT code, name, level FROM stat_agency WHERE NOT removed ORDER BY code`,
    );
    for (const agency of agencies) {
      const view = await this.figures.figures({ agency: agency.code, year, rollup: true });
      const content = buildReportContent(
        {
          agencyCode: agency.code,
          agencyName: agency.name,
          level: agency.level,
          year,
          agencies: view.agencies,
        },
        view.byCategory,
        await powersOf(this.dataSource, view.agencies),
      );
      await this.dataSource.query(
        `INSERT INTO annual_report (id, agency_code, year, status, content, built_at)
         VALUES ($1, $2, $3, 'awaiting-confirmation', $4, $5) ON CONFLICT (agency_code, year) DO NOTHING`,
        [randomUUID(), agency.code, year, JSON.stringify(content), at],
      );
    }
    const open: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM annual_report WHERE year = $1 AND status <> 'published' ORDER BY agency_code`,
      [year],
    );
    return open.map((row) => row.id);
  }

  async get(id: string): Promise<AnnualReportRow> {
    const [row] = (await this.dataSource.query(`SELECT * FROM annual_report WHERE id = $1`, [id])) as
      AnnualReportRow[] | [];
    if (!row) throw notFound();
    return row;
  }

  list(agencyCodes: string[], year: number): Promise<AnnualReportRow[]> {
    return this.dataSource.query(
      `SELECT * FROM annual_report WHERE agency_code = ANY($1) AND year = $2 ORDER BY agency_code`,
      [agencyCodes, year],
    );
  }

  /**
   * The narrative (情况说明) as the agency writes it over the platform's draft: only while the report awaits
   * approval, so what the leader approves is what is published.
   */
  async editNarrative(id: string, narrative: string, editedBy: string, at: Date): Promise<AnnualReportRow> {
    const [rows] = (await this.dataSource.query(
      `UPDATE annual_report
          SET content = jsonb_set(content, '{narrative}', to_jsonb($2::text)),
              narrative_edited_by = $3, narrative_edited_at = $4
        WHERE id = $1 AND status = 'awaiting-confirmation' RETURNING *`,
      [id, narrative, editedBy, at],
    )) as [AnnualReportRow[], number];
    if (rows.length > 0) return rows[0];
    await this.get(id);
    throw new ApiError(HttpStatus.CONFLICT, 'REPORT_NOT_EDITABLE', '统计年报已审批，不能再修改情况说明');
  }

  /** The leader's approval: recorded once; a published report cannot be approved again. */
  async approve(id: string, approvedBy: string, at: Date): Promise<AnnualReportRow> {
    const [rows] = (await this.dataSource.query(
      `UPDATE annual_report SET status = 'confirmed', confirmed_by = $2, confirmed_at = $3
        WHERE id = $1 AND status = 'awaiting-confirmation' RETURNING *`,
      [id, approvedBy, at],
    )) as [AnnualReportRow[], number];
    if (rows.length > 0) return rows[0];
    const existing = await this.get(id);
    if (existing.status === 'published') {
      throw new ApiError(HttpStatus.CONFLICT, 'REPORT_ALREADY_PUBLISHED', '统计年报已公开，不能再次审批');
    }
    return existing;
  }

  /**
   * Records that the published report was submitted (报送) to `recipient` on `submittedOn`; late when after
   * 31 January. Only a published report is submitted: what goes up is what the public sees.
   */
  async recordSubmission(
    id: string,
    submission: { recipient: SubmissionRecipient; recipientName: string; submittedOn: string },
    recordedBy: string,
    at: Date,
  ): Promise<ReportSubmissionRow> {
    const report = await this.get(id);
    if (report.status !== 'published')
      throw new ApiError(HttpStatus.CONFLICT, 'REPORT_NOT_PUBLISHED', '统计年报公开后方可登记报送情况');
    const [row] = (await this.dataSource.query(
      `INSERT INTO annual_report_submission
         (id, report_id, recipient, recipient_name, submitted_on, late, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        randomUUID(),
        id,
        submission.recipient,
        submission.recipientName,
        submission.submittedOn,
        submission.submittedOn > reportDueOn(report.year),
        recordedBy,
        at,
      ],
    )) as ReportSubmissionRow[];
    return row;
  }

  submissions(id: string): Promise<ReportSubmissionRow[]> {
    return this.dataSource.query(
      `SELECT id, report_id, recipient, recipient_name, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on,
              late, recorded_by, recorded_at
         FROM annual_report_submission WHERE report_id = $1 ORDER BY submitted_on, recorded_at`,
      [id],
    );
  }

  /** Publishes a confirmed report: the report event goes out and its reminder warning clears. */
  async publish(id: string, at: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE annual_report SET status = 'published', published_at = $2
          WHERE id = $1 AND status = 'confirmed' RETURNING *`,
        [id, at],
      )) as [AnnualReportRow[], number];
      const report = rows[0];
      if (!report) return (await this.get(id)).status === 'published';
      const data: ReportPublishedData = {
        reportId: report.id,
        agencyCode: report.agency_code,
        agencyName: report.content.agencyName,
        year: report.year,
        rollup: true,
        publishedAt: at.toISOString(),
        confirmedBy: report.confirmed_by as string,
        approvedBy: report.confirmed_by as string,
        narrativeEditedBy: report.narrative_edited_by,
        content: report.content,
      };
      await enqueueEvent(
        manager,
        TOPICS.statisticsReport,
        report.agency_code,
        createCloudEvent({
          id: `${report.id}:published`,
          source: STATISTICS_EVENT_SOURCE,
          type: STATISTICS_EVENT_TYPES.reportPublished,
          subject: report.id,
          time: at,
          data,
        }),
      );
      await this.warnings.apply(manager, [
        { action: 'clear', kind: 'annual-report', subject: report.id, at: at.toISOString() },
      ]);
      return true;
    });
  }

  /** Raises (then strengthens) the reminder warning of every report still unconfirmed. */
  async remind(year: number, level: number, at: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE annual_report SET reminder_level = $2
          WHERE year = $1 AND status = 'awaiting-confirmation' AND reminder_level < $2 RETURNING *`,
        [year, level],
      )) as [AnnualReportRow[], number];
      const message = (REMINDER_MESSAGES[level] ?? REMINDER_MESSAGES[3])(year);
      await this.warnings.apply(
        manager,
        rows.map((row) => ({
          action: 'raise' as const,
          kind: 'annual-report' as const,
          subject: row.id,
          agencyCode: row.agency_code,
          severity: 'near' as const,
          message,
          dueAt: `${year + 1}-01-31`,
          at: at.toISOString(),
          escalates: true,
        })),
      );
      return rows.length;
    });
  }

  /** After 31 January: every unpublished report is overdue, and its warning says so. */
  async markOverdue(year: number, at: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE annual_report SET overdue = true
          WHERE year = $1 AND status <> 'published' AND NOT overdue RETURNING *`,
        [year],
      )) as [AnnualReportRow[], number];
      await this.warnings.apply(
        manager,
        rows.map((row) => ({
          action: 'raise' as const,
          kind: 'annual-report' as const,
          subject: row.id,
          agencyCode: row.agency_code,
          severity: 'past' as const,
          message: `${year}年度行政执法统计年报已超过1月31日公开期限，尚未公开`,
          dueAt: `${year + 1}-01-31`,
          at: at.toISOString(),
        })),
      );
      return rows.length;
    });
  }
}
