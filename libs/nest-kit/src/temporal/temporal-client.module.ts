import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { TemporalConnectionOptions } from '../config/temporal-connection';
import type { DependencyProbe } from '../health/dependency-probe';
import { tracingClientInterceptors } from './temporal-tracing';

export const TEMPORAL_PROBE = 'TEMPORAL_PROBE';

/** temporalConnection(config) in services; the test harnesses build the same with their test key ring. */
export type TemporalClientOptions = TemporalConnectionOptions;

/**
 * A lazily connected Temporal client: the service starts even while Temporal is still coming up, and
 * /health reports it down until it answers.
 */
@Injectable()
export class TemporalClient implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;
  /** Aborted on shutdown so no retried call outlives the connection. */
  private readonly shutdown = new AbortController();

  constructor(@Inject('TEMPORAL_OPTIONS') options: TemporalClientOptions) {
    this.connection = Connection.lazy({ address: options.address, tls: options.tls });
    this.client = new Client({
      connection: this.connection,
      namespace: options.namespace,
      dataConverter: options.dataConverter,
      interceptors: tracingClientInterceptors(),
    });
  }

  /** One bounded call: the client's own retries stop at the deadline instead of outliving /health. */
  async probe(deadlineMs = 2_500): Promise<void> {
    await this.connection.withAbortSignal(this.shutdown.signal, () =>
      this.connection.withDeadline(Date.now() + deadlineMs, () =>
        this.connection.workflowService.getSystemInfo({}),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.connection.close();
  }
}

@Global()
@Module({})
export class TemporalClientModule {
  static forRoot(options: TemporalClientOptions): DynamicModule {
    return {
      module: TemporalClientModule,
      providers: [
        { provide: 'TEMPORAL_OPTIONS', useValue: options },
        TemporalClient,
        {
          provide: TEMPORAL_PROBE,
          useFactory: (temporal: TemporalClient): DependencyProbe => ({
            name: 'temporal',
            probe: () => temporal.probe(),
          }),
          inject: [TemporalClient],
        },
      ],
      exports: [TemporalClient, TEMPORAL_PROBE],
    };
  }
}
