import type { Logger } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { parseCloudEvent, type CloudEvent } from '@lep/contracts';
import type { Consumer, KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { setAsideMessage, UnprocessableEventError } from '../messaging/dead-letter';
import { contextOfEvent, type TraceExtension } from '../tracing/trace-context';
import { lepTracer } from '../tracing/tracing-setup';
import { whileHeartbeating, type KafkaClient } from './kafka.module';

export interface CloudEventConsumerOptions {
  groupId: string;
  topics: string[];
  /** Partitions handled in parallel (order is kept within each); default one at a time. */
  partitionsConsumedConcurrently?: number;
  /**
   * Throws to have the message redelivered (e.g. a dependency is down), or UnprocessableEventError when the
   * event breaks its contract (then it is set aside, given `deadLetters`).
   */
  handle(event: CloudEvent): Promise<unknown>;
  /** Where messages that can never be processed are kept (`dead_letter_event`), under this consumer name. */
  deadLetters?: { dataSource: DataSource; consumer: string };
}

/**
 * Starts a consumer group that hands every CloudEvent on `topics` to `handle`, reading a new group's topics from
 * the beginning. A message that can never be handled — not a CloudEvent, or refused by the handler as
 * unprocessable — is logged and set aside (kept in `dead_letter_event` when `deadLetters` is given): retrying it
 * would stall its partition. Returns the consumer, for the caller to disconnect on shutdown.
 */
export async function startCloudEventConsumer(
  kafka: KafkaClient,
  logger: Logger,
  options: CloudEventConsumerOptions,
): Promise<Consumer> {
  const consumer = kafka.consumer(options.groupId);
  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    eachMessage: ({ topic, partition, message, heartbeat }) =>
      whileHeartbeating(heartbeat, async () => {
        const setAside = async (reason: string, eventId?: string) => {
          logger.error(`setting aside ${topic}/${partition}@${message.offset}: ${reason}`);
          if (options.deadLetters)
            await setAsideMessage(options.deadLetters.dataSource, {
              consumer: options.deadLetters.consumer,
              topic,
              partition,
              offset: message.offset,
              eventId,
              payload: payloadOf(message),
              reason,
            });
        };
        let event: CloudEvent;
        try {
          event = parseCloudEvent(message.value);
        } catch (error) {
          await setAside(`not a CloudEvent: ${(error as Error).message}`);
          return;
        }
        try {
          await handleInSpan(options, topic, event);
        } catch (error) {
          if (!(error instanceof UnprocessableEventError)) throw error;
          await setAside(`event ${event.id} (${event.type}) is unprocessable: ${error.message}`, event.id);
        }
      }),
  });
  return consumer;
}

/** Runs the handler in a consumer span that continues the trace the event carries (`traceparent`), if any. */
async function handleInSpan(
  options: CloudEventConsumerOptions,
  topic: string,
  event: CloudEvent,
): Promise<void> {
  const producer = contextOfEvent(event as CloudEvent & TraceExtension);
  const span = lepTracer().startSpan(
    `${topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': options.groupId,
        'messaging.message.id': event.id,
        'cloudevents.event_type': event.type,
      },
    },
    producer,
  );
  try {
    await context.with(trace.setSpan(producer, span), () => options.handle(event));
  } catch (error) {
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    });
    throw error;
  } finally {
    span.end();
  }
}

function payloadOf(message: KafkaMessage): string {
  return message.value?.toString('utf8') ?? '';
}
