import type { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import { startCloudEventConsumer, type CloudEventConsumerOptions } from './cloud-event-consumer';
import type { KafkaClient } from './kafka.module';

/**
 * A consumer group a service runs for its whole life: joined once the application has started, and drained —
 * in-flight messages handled, offsets committed, the group left at once for the next member — before the
 * service's connections close (the shutdown order of createServiceApp). A subclass names what it consumes and
 * how it handles each event (`subscription`).
 */
export abstract class ServiceConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: Consumer;

  protected constructor(
    private readonly kafka: KafkaClient,
    protected readonly logger: Logger,
  ) {}

  protected abstract subscription(): CloudEventConsumerOptions;

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await startCloudEventConsumer(this.kafka, this.logger, this.subscription());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
