import { Logger } from '@nestjs/common';
import { createCloudEvent, TOPICS, type CloudEvent } from '@lep/contracts';
import { testPeers } from '@lep/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { CONSUMER_SESSION, KafkaClient, startCloudEventConsumer } from '../src';

const TOPIC = TOPICS.statisticsReport.name;
/** Longer than the group session: a member silent for this long is expelled by the broker. */
const SLOW_MS = CONSUMER_SESSION.sessionTimeout * 1.5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const slowEvent = (): CloudEvent =>
  createCloudEvent({ source: '/lep/test', type: 'cn.lep.test.slow.v1', subject: 's', data: {} });

async function send(event: CloudEvent): Promise<void> {
  const producer = new Kafka({ brokers: testPeers().kafkaBrokers, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  await producer.send({ topic: TOPIC, messages: [{ key: 's', value: JSON.stringify(event) }] });
  await producer.disconnect();
}

/** Group joins after the consumer's first one, i.e. rebalances it went through. */
function rejoins(consumer: Consumer): () => number {
  let joins = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => (joins += 1));
  return () => joins;
}

/** On the real broker, with LEP's group session (CONSUMER_SESSION): a consumer's membership while its handler is slow. */
describe('a CloudEvent consumer (startCloudEventConsumer)', () => {
  it('keeps its group membership through a handler slower than the group session: no rebalance, handled once', async () => {
    const kafka = new KafkaClient({ clientId: 'slow-handler', brokers: testPeers().kafkaBrokers });
    const handled: string[] = [];
    let release!: () => void;
    const finished = new Promise<void>((resolve) => (release = resolve));
    // Other specs' events on the topic are read too (a new group starts at the beginning) and passed over.
    const event = slowEvent();
    // The consumer's first join happens before startCloudEventConsumer returns (kafkajs joins in run()).
    const consumer = await startCloudEventConsumer(kafka, new Logger('slow-handler'), {
      groupId: `slow-handler-${process.pid}`,
      topics: [TOPIC],
      handle: async (received: CloudEvent) => {
        if (received.id !== event.id) return;
        await sleep(SLOW_MS);
        handled.push(received.id);
        release();
      },
    });
    const joins = rejoins(consumer);
    try {
      await send(event);
      await finished;
      // A member that stopped heartbeating would have been expelled and the message handed out again (the
      // control below shows it): wait one more session for that to show.
      await sleep(CONSUMER_SESSION.sessionTimeout);
      expect(handled).toEqual([event.id]);
      expect(joins()).toBe(0);
    } finally {
      await consumer.disconnect();
      await kafka.onApplicationShutdown();
    }
  }, 120_000);

  it('control: the same slow handler without heartbeats is taken for a dead member — rebalanced, its message redelivered', async () => {
    const kafka = new KafkaClient({ clientId: 'silent-handler', brokers: testPeers().kafkaBrokers });
    const consumer = kafka.consumer(`silent-handler-${process.pid}`);
    const handled: string[] = [];
    let redelivered!: () => void;
    const again = new Promise<void>((resolve) => (redelivered = resolve));
    const event = slowEvent();
    const expected = event.id;
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
    await consumer.run({
      // kafkajs heartbeats only between messages; this handler never calls the payload's heartbeat().
      eachMessage: async ({ message }) => {
        const id = (JSON.parse(message.value?.toString() ?? '{}') as { id?: string }).id;
        if (id !== expected) return;
        handled.push(id);
        if (handled.length === 1) await sleep(SLOW_MS);
        else redelivered();
      },
    });
    const joins = rejoins(consumer);
    try {
      await send(event);
      await again;
      expect(handled).toEqual([expected, expected]);
      expect(joins()).toBeGreaterThanOrEqual(1);
    } finally {
      await consumer.disconnect();
      await kafka.onApplicationShutdown();
    }
  }, 120_000);
});
