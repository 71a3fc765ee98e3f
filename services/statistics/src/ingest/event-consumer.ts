import { Injectable, Logger } from '@nestjs/common';
import { TOPICS, type CloudEvent } from '@lep/contracts';
import { KafkaClient, ServiceConsumer } from '@lep/nest-kit';
import { EventHandler } from './event-handler';

export const CONSUMER_GROUP = 'lep-statistics';

/** Every domain topic statistics count from. */
export const STATISTICS_INPUT_TOPICS = [
  TOPICS.caseLifecycle,
  TOPICS.caseDecision,
  TOPICS.caseReview,
  TOPICS.caseEvaluation,
  TOPICS.evidenceStored,
  TOPICS.registryDisclosure,
  TOPICS.registryInspection,
  TOPICS.publicationDisclosure,
  TOPICS.registryCalendar,
].map((topic) => topic.name);

/** Feeds the domain topics to the EventHandler, one consumer group for the whole service. */
@Injectable()
export class EventConsumer extends ServiceConsumer {
  constructor(
    kafka: KafkaClient,
    private readonly handler: EventHandler,
  ) {
    super(kafka, new Logger(EventConsumer.name));
  }

  protected subscription() {
    return {
      groupId: CONSUMER_GROUP,
      topics: STATISTICS_INPUT_TOPICS,
      handle: (event: CloudEvent) => this.handler.handle(event),
    };
  }
}
