import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Consumer, Kafka, KafkaConfig, logLevel } from 'kafkajs';
import type { DependencyProbe } from '../health/dependency-probe';
import { kafkaJsonLogCreator } from '../logging/library-loggers';

export const KAFKA_PROBE = 'KAFKA_PROBE';

export interface KafkaModuleOptions {
  clientId: string;
  brokers: string[];
  /** TLS and SASL towards the brokers (see `kafkaSecurity`). */
  security?: Pick<KafkaConfig, 'ssl' | 'sasl'>;
}

/**
 * The group session of every LEP consumer. A consumer that crashed cannot leave its group: the group (and so the
 * restarted process, which answers /health once it has joined) waits for the dead member's session to expire —
 * about 28 s with kafkajs' default of 30 s, 10 s with 10 s, 6 s with 6 s (bench/consumer-restart, bench/worker-restart,
 * docs/operations.md). 6 s is the least a broker accepts by default (`group.min.session.timeout.ms`).
 * kafkajs heartbeats only between fetches, and a fetch on an idle topic waits `maxWaitTimeInMs` (5 s by default)
 * for data: so an idle member, too, heartbeats each second only with a fetch wait of 1 s (a message still arrives at
 * once). A handler heartbeats while it runs (whileHeartbeating). Only a process stalled for 5 s on end — not a slow
 * handler, not a quiet topic — is taken for a dead member.
 */
export const CONSUMER_SESSION = {
  sessionTimeout: 6_000,
  heartbeatInterval: 1_000,
  maxWaitTimeInMs: 1_000,
} as const;

/** Runs `work` while heartbeating the group every heartbeat interval. */
export async function whileHeartbeating<T>(
  heartbeat: () => Promise<void>,
  work: () => Promise<T>,
): Promise<T> {
  // A heartbeat refused during a rebalance is harmless here: the consumer loop rejoins after this message.
  const beating = setInterval(
    () => void heartbeat().catch(() => undefined),
    CONSUMER_SESSION.heartbeatInterval,
  );
  try {
    return await work();
  } finally {
    clearInterval(beating);
  }
}

/** The service's kafkajs client; consumers and producers are created from it by the modules that need them. */
@Injectable()
export class KafkaClient implements OnApplicationShutdown {
  readonly kafka: Kafka;
  /** A separate client without retries so /health answers within its timeout. */
  private readonly probeClient: Kafka;
  /** For metric scrapes: a few quick retries (a group's coordinator may move), all within the scrape's timeout. */
  private readonly metricsClient: Kafka;
  private readonly closers: Array<() => Promise<void>> = [];
  /** The consumer groups this process runs, for the consumer-lag metric. */
  readonly consumerGroups = new Set<string>();
  private metricsAdmin?: Promise<Admin>;

  constructor(@Inject('KAFKA_OPTIONS') options: KafkaModuleOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ...options.security,
      logLevel: logLevel.WARN,
      logCreator: kafkaJsonLogCreator,
    });
    this.probeClient = new Kafka({
      clientId: `${options.clientId}-health`,
      brokers: options.brokers,
      ...options.security,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2_000,
      retry: { retries: 0 },
    });
    this.metricsClient = new Kafka({
      clientId: `${options.clientId}-metrics`,
      brokers: options.brokers,
      ...options.security,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 500 },
    });
  }

  /** A member of consumer group `groupId`, with LEP's group session (CONSUMER_SESSION). */
  consumer(groupId: string): Consumer {
    this.consumerGroups.add(groupId);
    return this.kafka.consumer({ groupId, ...CONSUMER_SESSION });
  }

  /**
   * An admin connection kept for metric scrapes (offsets), on a client with short retries so that a scrape
   * answers promptly while Kafka is away; a failed connection is dropped and made again on the next scrape.
   */
  async admin(): Promise<Admin> {
    if (!this.metricsAdmin) {
      const admin = this.metricsClient.admin();
      this.metricsAdmin = admin.connect().then(() => admin);
      this.metricsAdmin.catch(() => (this.metricsAdmin = undefined));
      this.closers.push(() => admin.disconnect());
    }
    return this.metricsAdmin;
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
