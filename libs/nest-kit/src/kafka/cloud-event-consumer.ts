import type { Logger } from '@nestjs/common';
import { parseCloudEvent, type CloudEvent } from '@lep/contracts';
import type { Consumer } from 'kafkajs';
import type { KafkaClient } from './kafka.module';

export interface CloudEventConsumerOptions {
  groupId: string;
  topics: string[];
  /** Partitions handled in parallel (order is kept within each); default one at a time. */
  partitionsConsumedConcurrently?: number;
  /** Throws to have the message redelivered (e.g. a dependency is down). */
  handle(event: CloudEvent): Promise<unknown>;
}

/**
 * Starts a consumer group that hands every CloudEvent on `topics` to `handle`, reading a new group's topics from
 * the beginning. A message that is not a CloudEvent is logged and skipped: it can never be handled, and retrying
 * it would stall its partition. Returns the consumer, for the caller to disconnect on shutdown.
 */
export async function startCloudEventConsumer(
  kafka: KafkaClient,
  logger: Logger,
  options: CloudEventConsumerOptions,
): Promise<Consumer> {
  const consumer = kafka.kafka.consumer({ groupId: options.groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    eachMessage: async ({ message }) => {
      let event: CloudEvent;
      try {
        event = parseCloudEvent(message.value);
      } catch (error) {
        logger.error(`skipping a message that is not a CloudEvent: ${(error as Error).message}`);
        return;
      }
      await options.handle(event);
    },
  });
  return consumer;
}
