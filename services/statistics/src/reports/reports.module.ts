import { Module } from '@nestjs/common';
import { AggregatesModule } from '../aggregates/aggregates.module';
import { WarningsModule } from '../warnings/warnings.module';
import { AnnualReportSchedule } from './annual-report-schedule';
import { AnnualReportWorkflows } from './annual-report-workflows';
import { StatisticsReportApproval1764400300000 } from './report-approval.migration';
import { ReportsController } from './reports.controller';
import { StatisticsAnnualReports1764400200000 } from './reports.migration';
import { ReportsService } from './reports.service';

export const REPORT_MIGRATIONS = [
  StatisticsAnnualReports1764400200000,
  StatisticsReportApproval1764400300000,
];

/** Annual reports: routes and the workflow client (the worker that runs their activities: statistics-worker.ts). */
@Module({
  imports: [AggregatesModule, WarningsModule],
  controllers: [ReportsController],
  providers: [ReportsService, AnnualReportWorkflows],
  exports: [ReportsService, AnnualReportWorkflows],
})
export class ReportsModule {}

/**
 * Keeps the Temporal Schedule that opens each year's annual report (created or put back at start-up). Apart from
 * the worker because Temporal's time-skipping test server has no Schedules: tests of the report workflows on it
 * run without this module, tests of the Schedule run on the dev server.
 */
@Module({
  providers: [AnnualReportSchedule],
  exports: [AnnualReportSchedule],
})
export class ReportScheduleModule {}
