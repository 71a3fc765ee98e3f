import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, KafkaConfig, logLevel } from 'kafkajs';
import type { DependencyProbe } from '../health/dependency-probe';

export const KAFKA_PROBE = 'KAFKA_PROBE';

export interface KafkaModuleOptions {
  clientId: string;
  brokers: string[];
  /** TLS and SASL towards the brokers (see `kafkaSecurity`). */
  security?: Pick<KafkaConfig, 'ssl' | 'sasl'>;
}

/** The service's kafkajs client; consumers and producers are created from it by the modules that need them. */
@Injectable()
export class KafkaClient implements OnApplicationShutdown {
  readonly kafka: Kafka;
  /** A separate client without retries so /health answers within its timeout. */
  private readonly probeClient: Kafka;
  private readonly closers: Array<() => Promise<void>> = [];

  constructor(@Inject('KAFKA_OPTIONS') options: KafkaModuleOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ...options.security,
      logLevel: logLevel.WARN,
    });
    this.probeClient = new Kafka({
      clientId: `${options.clientId}-health`,
      brokers: options.brokers,
      ...options.security,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2_000,
      retry: { retries: 0 },
    });
  }

  /** Registers something to disconnect when the service stops. */
  onShutdown(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  async describeCluster(): Promise<void> {
    const admin = this.probeClient.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.closers.map((close) => close()));
  }
}

@Global()
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        { provide: 'KAFKA_OPTIONS', useValue: options },
        KafkaClient,
        {
          provide: KAFKA_PROBE,
          useFactory: (client: KafkaClient): DependencyProbe => ({
            name: 'kafka',
            probe: () => client.describeCluster(),
          }),
          inject: [KafkaClient],
        },
      ],
      exports: [KafkaClient, KAFKA_PROBE],
    };
  }
}
