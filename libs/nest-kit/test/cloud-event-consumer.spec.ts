import { Logger } from '@nestjs/common';
import { createCloudEvent, TOPICS, type CloudEvent } from '@lep/contracts';
import { testPeers } from '@lep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { CONSUMER_SESSION, KafkaClient, startCloudEventConsumer } from '../src';

/** On the real broker: a LEP consumer's group membership while its handler is slow. */
describe('a CloudEvent consumer (startCloudEventConsumer)', () => {
  it('keeps its group membership through a handler slower than the group session: no rebalance, handled once', async () => {
    const kafka = new KafkaClient({ clientId: 'slow-handler', brokers: testPeers().kafkaBrokers });
    const handled: string[] = [];
    let joins = 0;
    const slowMs = CONSUMER_SESSION.sessionTimeout * 1.5;
    let release!: () => void;
    const finished = new Promise<void>((resolve) => (release = resolve));
    const consumer = await startCloudEventConsumer(kafka, new Logger('slow-handler'), {
      groupId: `slow-handler-${process.pid}`,
      topics: [TOPICS.statisticsReport.name],
      handle: async (event: CloudEvent) => {
        await new Promise((resolve) => setTimeout(resolve, slowMs));
        handled.push(event.id);
        release();
      },
    });
    consumer.on(consumer.events.GROUP_JOIN, () => (joins += 1));
    try {
      const producer = new Kafka({
        brokers: testPeers().kafkaBrokers,
        logLevel: logLevel.NOTHING,
      }).producer();
      await producer.connect();
      const event = createCloudEvent({
        source: '/lep/test',
        type: 'cn.lep.test.slow.v1',
        subject: 's',
        data: {},
      });
      await producer.send({
        topic: TOPICS.statisticsReport.name,
        messages: [{ key: 's', value: JSON.stringify(event) }],
      });
      await producer.disconnect();
      await finished;
      // A member that stopped heartbeating would have been expelled and the message handed out again.
      await new Promise((resolve) => setTimeout(resolve, CONSUMER_SESSION.sessionTimeout));
      expect(handled).toEqual([event.id]);
      expect(joins).toBe(0);
    } finally {
      await consumer.disconnect();
      await kafka.onApplicationShutdown();
    }
  }, 120_000);
});
