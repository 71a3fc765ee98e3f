import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  type InjectionToken,
  type ModuleMetadata,
} from '@nestjs/common';
import { HostedWorker, hostedWorkerProbe, type HostedWorkerOptions } from './hosted-worker';

/** The /health probe token of the service's hosted worker (pass it to dependencyModules' extraProbes). */
export const HOSTED_WORKER_PROBE = 'HOSTED_WORKER_PROBE';
const HOSTED_WORKER_OPTIONS = 'HOSTED_WORKER_OPTIONS';
const HOSTED_WORKER_NAME = 'HOSTED_WORKER_NAME';

export interface HostedWorkerModuleOptions {
  /** Names the worker in the logs. */
  name: string;
  /** Modules whose providers the factory needs (global ones need not be named). */
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  /** Where to connect, which task queue and workflows to poll, and the activities, from the injected providers. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...deps: any[]) => HostedWorkerOptions | Promise<HostedWorkerOptions>;
}

/**
 * Runs the worker with the application: polling once the application has started, drained before the
 * connections close (shutdown order: createServiceApp).
 */
@Injectable()
export class HostedWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker: HostedWorker;

  constructor(
    @Inject(HOSTED_WORKER_OPTIONS) private readonly options: HostedWorkerOptions,
    @Inject(HOSTED_WORKER_NAME) name: string,
  ) {
    this.worker = new HostedWorker(new Logger(name));
  }

  onApplicationBootstrap(): Promise<void> {
    return this.worker.start(this.options);
  }

  state(): string {
    return this.worker.state();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}

/**
 * A Temporal worker hosted by a service beside its HTTP API (the worker service's cases, publication's
 * disclosure deadlines, statistics' reports): each service says what to poll and builds its activities; this
 * module starts, drains and probes it the same way everywhere.
 */
@Global()
@Module({})
export class HostedWorkerModule {
  static register(options: HostedWorkerModuleOptions): DynamicModule {
    return {
      module: HostedWorkerModule,
      imports: options.imports ?? [],
      providers: [
        { provide: HOSTED_WORKER_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        { provide: HOSTED_WORKER_NAME, useValue: options.name },
        HostedWorkerHost,
        {
          provide: HOSTED_WORKER_PROBE,
          inject: [HostedWorkerHost],
          useFactory: (host: HostedWorkerHost) => hostedWorkerProbe(host),
        },
      ],
      exports: [HOSTED_WORKER_PROBE, HostedWorkerHost],
    };
  }
}
