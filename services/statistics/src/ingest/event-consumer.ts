import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { TOPICS } from '@lep/contracts';
import { KafkaClient, startCloudEventConsumer } from '@lep/nest-kit';
import type { Consumer } from 'kafkajs';
import { EventHandler } from './event-handler';

export const CONSUMER_GROUP = 'lep-statistics';

/** Every domain topic statistics count from. */
export const STATISTICS_INPUT_TOPICS = [
  TOPICS.caseLifecycle,
  TOPICS.caseDecision,
  TOPICS.caseReview,
  TOPICS.evidenceStored,
  TOPICS.registryDisclosure,
  TOPICS.registryInspection,
  TOPICS.publicationDisclosure,
  TOPICS.registryCalendar,
].map((topic) => topic.name);

/** Feeds the domain topics to the EventHandler, one consumer group for the whole service. */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private consumer?: Consumer;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly handler: EventHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await startCloudEventConsumer(this.kafka, this.logger, {
      groupId: CONSUMER_GROUP,
      topics: STATISTICS_INPUT_TOPICS,
      handle: (event) => this.handler.handle(event),
    });
  }

  // Drains before the connections close (shutdown order: createServiceApp).
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
