import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { CalendarClient, CalendarUnavailableError } from '@lep/calendar';
import { TASK_QUEUES, WORKFLOW_TASK_TIMEOUT } from '@lep/contracts';
import {
  HostedWorkerModule,
  OutboxRelay,
  TemporalClient,
  temporalConnection,
  workflowCode,
} from '@lep/nest-kit';
import { CERTIFICATE_SWEEP_WORKFLOW_ID, certificateSweepWorkflow } from '@lep/workflows';
import { CalendarCheck } from '../warnings/calendar-check';
import { CertificateSweep } from '../warnings/certificate-sweep';
import { WithdrawalWatch } from '../warnings/withdrawal-watch';
import { WarningsModule } from '../warnings/warnings.module';
import { StatisticsConfig } from '../config';
import { createAnnualReportActivities } from './report-activities';
import { ReportsModule } from './reports.module';
import { ReportsService } from './reports.service';

/**
 * The statistics service's own Temporal worker on `lep-statistics`: the report and certificate sweep activities
 * write the statistics database and outbox, which only this service owns. It loads only the workflows of
 * @lep/workflows/statistics, bundled at build time (the Schedule that opens each year's annual report is ReportScheduleModule's).
 */
const StatisticsWorkerModule = HostedWorkerModule.register({
  name: 'StatisticsWorker',
  imports: [ReportsModule, WarningsModule],
  inject: [
    StatisticsConfig,
    ReportsService,
    OutboxRelay,
    CertificateSweep,
    CalendarClient,
    CalendarCheck,
    WithdrawalWatch,
  ],
  useFactory: (
    config: StatisticsConfig,
    reports: ReportsService,
    relay: OutboxRelay,
    sweep: CertificateSweep,
    calendar: CalendarClient,
    calendarCheck: CalendarCheck,
    withdrawals: WithdrawalWatch,
  ) => {
    const logger = new Logger('StatisticsWorker');
    return {
      ...temporalConnection(config),
      taskQueue: TASK_QUEUES.statistics,
      workflows: workflowCode(require.resolve('@lep/workflows'), 'statistics', 'statistics'),
      activities: {
        ...createAnnualReportActivities({ reports, calendar, afterCommit: () => relay.nudge() }),
        ...sweep.activities(() => relay.nudge()),
        checkCalendarYears: async (at: string) => {
          try {
            const changed = await calendarCheck.check(at);
            relay.nudge();
            return changed;
          } catch (error) {
            // The registry down must not hold the certificate sweep: tomorrow's check looks again.
            if (!(error instanceof CalendarUnavailableError)) throw error;
            logger.warn(`calendar check skipped: ${error.message}`);
            return 0;
          }
        },
        sweepWithdrawals: async (at: string) => {
          try {
            const raised = await withdrawals.sweep(at);
            relay.nudge();
            return raised;
          } catch (error) {
            // Without the calendar no limit can be counted: tomorrow's sweep looks again.
            if (!(error instanceof CalendarUnavailableError)) throw error;
            logger.warn(`withdrawal check skipped: ${error.message}`);
            return 0;
          }
        },
      },
    };
  },
});

/** One certificate sweep workflow for the whole deployment: every instance tries at start-up, the first starts it. */
@Injectable()
export class CertificateSweepStarter implements OnApplicationBootstrap {
  constructor(private readonly temporal: TemporalClient) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.temporal.client.workflow.start(certificateSweepWorkflow, {
        workflowId: CERTIFICATE_SWEEP_WORKFLOW_ID,
        taskQueue: TASK_QUEUES.statistics,
        workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}

/** Hosts the worker of the report and certificate sweep workflows and starts the sweep. */
@Module({ imports: [StatisticsWorkerModule], providers: [CertificateSweepStarter] })
export class ReportWorkerModule {}
