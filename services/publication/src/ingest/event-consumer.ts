import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { TOPICS } from '@lep/contracts';
import { KafkaClient, startCloudEventConsumer } from '@lep/nest-kit';
import type { Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CONSUMER_NAME, EventHandler } from './event-handler';

export const CONSUMER_GROUP = 'lep-publication';

/**
 * Feeds decisions (TOPICS.caseDecision), pre-disclosure (TOPICS.registryDisclosure), double-random inspections
 * (TOPICS.registryInspection), loaded calendar years (TOPICS.registryCalendar), the annual reports
 * (TOPICS.statisticsReport) and the case records' daily tree heads (TOPICS.caseRecordAnchor) to the EventHandler.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private consumer?: Consumer;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly handler: EventHandler,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await startCloudEventConsumer(this.kafka, this.logger, {
      groupId: CONSUMER_GROUP,
      topics: [
        TOPICS.caseDecision.name,
        TOPICS.registryDisclosure.name,
        TOPICS.registryInspection.name,
        TOPICS.registryCalendar.name,
        TOPICS.statisticsReport.name,
        TOPICS.caseRecordAnchor.name,
      ],
      // Partitions in parallel: order matters only within a decision (one key, one partition), and each message
      // waits on a database transaction and a workflow start (bench/publication: about 70 ms in sequence).
      partitionsConsumedConcurrently: TOPICS.caseDecision.partitions,
      handle: (event) => this.handler.handle(event),
      deadLetters: { dataSource: this.dataSource, consumer: CONSUMER_NAME },
    });
  }

  // Drains before the connections close (shutdown order: createServiceApp).
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
