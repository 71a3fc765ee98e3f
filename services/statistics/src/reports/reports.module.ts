import { Global, Module } from '@nestjs/common';
import { hostedWorkerProbe } from '@lep/nest-kit';
import { AggregatesModule } from '../aggregates/aggregates.module';
import { WarningsModule } from '../warnings/warnings.module';
import { AnnualReportSchedule } from './annual-report-schedule';
import { AnnualReportWorkflows } from './annual-report-workflows';
import { ReportsController } from './reports.controller';
import { StatisticsAnnualReports1764400200000 } from './reports.migration';
import { ReportsService } from './reports.service';
import { StatisticsWorkerHost } from './statistics-worker.host';

export const REPORT_MIGRATIONS = [StatisticsAnnualReports1764400200000];
export const STATISTICS_WORKER_PROBE = 'STATISTICS_WORKER_PROBE';

/** Annual reports: routes, the workflow client, and the worker that runs the report activities. */
@Module({
  imports: [AggregatesModule, WarningsModule],
  controllers: [ReportsController],
  providers: [ReportsService, AnnualReportWorkflows],
  exports: [ReportsService, AnnualReportWorkflows],
})
export class ReportsModule {}

/** Hosts the worker of the report and certificate sweep workflows; /health reports it down unless it polls. */
@Global()
@Module({
  imports: [ReportsModule, WarningsModule],
  providers: [
    StatisticsWorkerHost,
    {
      provide: STATISTICS_WORKER_PROBE,
      useFactory: (host: StatisticsWorkerHost) => hostedWorkerProbe(host),
      inject: [StatisticsWorkerHost],
    },
  ],
  exports: [STATISTICS_WORKER_PROBE],
})
export class ReportWorkerModule {}

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
