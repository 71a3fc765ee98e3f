import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KafkaClient } from '../kafka';
import { OutboxRelay } from './outbox-relay';
import { DEFAULT_RETENTION, OutboxRetention } from './outbox-retention';

export interface OutboxModuleOptions {
  /** Days published rows are kept (OUTBOX_RETENTION_DAYS); default 7. */
  retentionDays?: number;
}

/** Runs the outbox relay, and the removal of published rows, of a service that has both a database and Kafka. */
@Global()
@Module({})
export class OutboxModule {
  static register(options: OutboxModuleOptions = {}): DynamicModule {
    return {
      module: OutboxModule,
      providers: [
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, kafka: KafkaClient) => new OutboxRelay(dataSource, kafka),
          inject: [DataSource, KafkaClient],
        },
        {
          provide: OutboxRetention,
          useFactory: (dataSource: DataSource) =>
            new OutboxRetention(dataSource, {
              ...DEFAULT_RETENTION,
              retentionDays: options.retentionDays ?? 7,
            }),
          inject: [DataSource],
        },
      ],
      exports: [OutboxRelay, OutboxRetention],
    };
  }
}
