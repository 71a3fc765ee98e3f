import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { TASK_QUEUES } from '@lep/contracts';
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
export class TemporalWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerHost.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(WorkerConfig) private readonly config: WorkerConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: TASK_QUEUES.cases,
      workflowsPath: require.resolve('@lep/workflows'),
      activities: createCaseActivities({
        dataSource: this.dataSource,
        registry: new RegistryClient(this.config.REGISTRY_URL, registryCredential(this.config)),
        reviewSla: {
          workingDays: this.config.REVIEW_SLA_WORKING_DAYS,
          extensionWorkingDays: this.config.REVIEW_EXTENSION_WORKING_DAYS,
        },
      }),
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`Temporal worker stopped: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.logger.log(`polling task queue ${TASK_QUEUES.cases} on ${this.config.TEMPORAL_ADDRESS}`);
  }

  /** RUNNING while the worker polls; anything else means /health must report it down. */
  state(): string {
    return this.worker?.getState() ?? 'INITIALIZED';
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
