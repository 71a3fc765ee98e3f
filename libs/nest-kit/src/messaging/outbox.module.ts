import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KafkaClient } from '../kafka';
import { OutboxRelay } from './outbox-relay';

/** Runs the outbox relay of a service that has both a database and Kafka. */
@Global()
@Module({})
export class OutboxModule {
  static register(): DynamicModule {
    return {
      module: OutboxModule,
      providers: [
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, kafka: KafkaClient) => new OutboxRelay(dataSource, kafka),
          inject: [DataSource, KafkaClient],
        },
      ],
      exports: [OutboxRelay],
    };
  }
}
