import path from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { CalendarClient } from '@lep/calendar';
import { TASK_QUEUES } from '@lep/contracts';
import { HostedWorker, temporalTls } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { createCaseActivities } from './activities/case-activities';
import { RegistryClient } from './activities/registry-client';
import { registryCredential } from './activities/registry-credential';
import { WorkerConfig } from './config';

/**
 * Runs the one Temporal worker of the platform inside the Nest application: it polls the cases task
 * queue with the workflows of @lep/workflows and the case activities. Shutdown drains in-flight tasks
 * before the process exits.
 */
@Injectable()
export class TemporalWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker = new HostedWorker(new Logger(TemporalWorkerHost.name));
  private readonly calendarLogger = new Logger('Calendar');

  constructor(
    @Inject(WorkerConfig) private readonly config: WorkerConfig,
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start({
      address: this.config.TEMPORAL_ADDRESS,
      tls: temporalTls(this.config),
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: TASK_QUEUES.cases,
      workflowBundlePath: path.join(path.dirname(require.resolve('@lep/workflows')), 'bundles', 'case.js'),
      activities: createCaseActivities({
        dataSource: this.dataSource,
        registry: new RegistryClient(this.config.REGISTRY_URL, registryCredential(this.config)),
        calendar: this.calendar,
        warn: (message) => this.calendarLogger.warn(message),
        reviewSla: {
          workingDays: this.config.REVIEW_SLA_WORKING_DAYS,
          extensionWorkingDays: this.config.REVIEW_EXTENSION_WORKING_DAYS,
        },
      }),
    });
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
