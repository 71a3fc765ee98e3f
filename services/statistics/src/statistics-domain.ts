import type { DynamicModule, Type } from '@nestjs/common';
import { AGGREGATE_MIGRATIONS, AggregatesModule } from './aggregates/aggregates.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { IngestModule, KafkaIngestModule } from './ingest/ingest.module';
import { REPORT_MIGRATIONS, ReportScheduleModule, ReportsModule } from './reports/reports.module';
import { ReportWorkerModule } from './reports/statistics-worker';
import { WARNING_MIGRATIONS, WarningsModule } from './warnings/warnings.module';

export const STATISTICS_MIGRATIONS = [...AGGREGATE_MIGRATIONS, ...WARNING_MIGRATIONS, ...REPORT_MIGRATIONS];

/**
 * The statistics service's bounded contexts: Kafka in, figures, warnings, annual reports with their worker and
 * Schedule, and the dashboard page.
 */
export function statisticsModules(): Array<Type | DynamicModule> {
  return [
    AggregatesModule,
    WarningsModule,
    IngestModule,
    KafkaIngestModule,
    ReportsModule,
    ReportWorkerModule,
    ReportScheduleModule,
    DashboardModule,
  ];
}
