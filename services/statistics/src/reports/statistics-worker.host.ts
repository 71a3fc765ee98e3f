import path from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { CalendarClient, CalendarUnavailableError } from '@lep/calendar';
import { TASK_QUEUES } from '@lep/contracts';
import { HostedWorker, OutboxRelay, TemporalClient, temporalTls } from '@lep/nest-kit';
import { CERTIFICATE_SWEEP_WORKFLOW_ID, certificateSweepWorkflow } from '@lep/workflows';
import { CalendarCheck } from '../warnings/calendar-check';
import { CertificateSweep } from '../warnings/certificate-sweep';
import { StatisticsConfig } from '../config';
import { createAnnualReportActivities } from './report-activities';
import { ReportsService } from './reports.service';

/**
 * The statistics service's own Temporal worker on `lep-statistics`: the report and certificate sweep activities
 * write the statistics database and outbox, which only this service owns. It loads only the workflows of
 * @lep/workflows/statistics (bundled at build time) and starts the daily certificate sweep if it is not running yet (the Schedule that opens
 * each year's annual report is ReportScheduleModule's).
 */
@Injectable()
export class StatisticsWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StatisticsWorkerHost.name);
  private readonly worker = new HostedWorker(this.logger);

  constructor(
    @Inject(StatisticsConfig) private readonly config: StatisticsConfig,
    private readonly reports: ReportsService,
    private readonly relay: OutboxRelay,
    private readonly sweep: CertificateSweep,
    private readonly temporal: TemporalClient,
    private readonly calendar: CalendarClient,
    private readonly calendarCheck: CalendarCheck,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start({
      address: this.config.TEMPORAL_ADDRESS,
      tls: temporalTls(this.config),
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: TASK_QUEUES.statistics,
      workflowBundlePath: path.join(
        path.dirname(require.resolve('@lep/workflows')),
        'bundles',
        'statistics.js',
      ),
      activities: {
        ...createAnnualReportActivities({
          reports: this.reports,
          calendar: this.calendar,
          afterCommit: () => this.relay.nudge(),
        }),
        ...this.sweep.activities(() => this.relay.nudge()),
        checkCalendarYears: async (at: string) => {
          try {
            const changed = await this.calendarCheck.check(at);
            this.relay.nudge();
            return changed;
          } catch (error) {
            // The registry down must not hold the certificate sweep: tomorrow's check looks again.
            if (!(error instanceof CalendarUnavailableError)) throw error;
            this.logger.warn(`calendar check skipped: ${error.message}`);
            return 0;
          }
        },
      },
    });
    await this.startCertificateSweep();
  }

  /** One sweep workflow for the whole deployment: every instance tries, the first one starts it. */
  private async startCertificateSweep(): Promise<void> {
    try {
      await this.temporal.client.workflow.start(certificateSweepWorkflow, {
        workflowId: CERTIFICATE_SWEEP_WORKFLOW_ID,
        taskQueue: TASK_QUEUES.statistics,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  state(): string {
    return this.worker.state();
  }

  // Nest runs every beforeApplicationShutdown before any onApplicationShutdown, where TypeORM closes the
  // database and the Kafka and Temporal clients disconnect: work in flight finishes while they are still there.
  beforeApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}
