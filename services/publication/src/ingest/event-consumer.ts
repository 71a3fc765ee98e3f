import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { parseCloudEvent, TOPICS } from '@lep/contracts';
import { KafkaClient } from '@lep/nest-kit';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { EventHandler } from './event-handler';

export const CONSUMER_GROUP = 'lep-publication';

/**
 * Feeds decisions (TOPICS.caseDecision), pre-disclosure (TOPICS.registryDisclosure) and double-random inspections
 * (TOPICS.registryInspection) to the EventHandler.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private consumer?: Consumer;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly handler: EventHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = this.kafka.kafka.consumer({ groupId: CONSUMER_GROUP });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({
      topics: [TOPICS.caseDecision.name, TOPICS.registryDisclosure.name, TOPICS.registryInspection.name],
      fromBeginning: true,
    });
    // Partitions in parallel: order matters only within a decision (one key, one partition), and each message
    // waits on a database transaction and a workflow start (bench/publication: about 70 ms in sequence).
    await consumer.run({
      partitionsConsumedConcurrently: TOPICS.caseDecision.partitions,
      eachMessage: ({ message }) => this.handleMessage(message),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async handleMessage(message: KafkaMessage): Promise<void> {
    let event;
    try {
      event = parseCloudEvent(message.value);
    } catch (error) {
      // A message that is not a CloudEvent can never be handled; retrying it would stall the partition.
      this.logger.error(`skipping a message that is not a CloudEvent: ${(error as Error).message}`);
      return;
    }
    await this.handler.handle(event);
  }
}
