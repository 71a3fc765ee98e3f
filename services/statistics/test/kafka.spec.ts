import { parseCloudEvent, STATISTICS_EVENT_TYPES, TOPICS } from '@lep/contracts';
import { testPeers } from '@lep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { caseFiled, caseRef, deadlineFired } from './support/events';
import { AGENCY_EVENTS, SHI_2 } from './support/scenario';
import { until, useStatisticsApp } from './support/statistics-app';

describe('Kafka in and out', () => {
  const statistics = useStatisticsApp('stat_kafka', { consumeKafka: true });
  const kafka = new Kafka({
    clientId: 'statistics-kafka-test',
    brokers: testPeers().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  it('counts a case filed on the lifecycle topic once, though delivered twice, and announces its warning', async () => {
    const ref = caseRef(`K-${Date.now()}`, SHI_2, 'coercion');
    const filed = caseFiled(ref, '2026-06-01');
    const warning = deadlineFired(ref, 'decision-limit-warning', '2026-08-20T02:00:00Z');
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.registryDisclosure.name,
      messages: AGENCY_EVENTS.map((event) => ({ key: event.subject, value: JSON.stringify(event) })),
    });
    await producer.send({
      topic: TOPICS.caseLifecycle.name,
      messages: [filed, filed, warning].map((event) => ({ key: ref.caseId, value: JSON.stringify(event) })),
    });
    await producer.disconnect();

    const totals = await until(async () => {
      const { body } = await statistics()
        .staff(['leader'], SHI_2)
        .get('/api/v1/statistics')
        .query({ agency: SHI_2, year: 2026 })
        .expect(200);
      return body.totals['cases.filed'] ? body.totals : undefined;
    }, 60_000);
    expect(totals).toEqual({ 'cases.filed': 1 });

    const consumer = kafka.consumer({ groupId: `statistics-warning-reader-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.statisticsWarning.name, fromBeginning: true });
    const seen: Array<{ key: string; type: string; subject: string }> = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = parseCloudEvent(message.value);
        seen.push({
          key: String(message.key),
          type: event.type,
          subject: (event.data as { subject: string }).subject,
        });
      },
    });
    try {
      const raised = await until(async () => seen.find((entry) => entry.subject === ref.caseId), 60_000);
      expect(raised).toEqual({ key: SHI_2, type: STATISTICS_EVENT_TYPES.warningRaised, subject: ref.caseId });
    } finally {
      await consumer.disconnect();
    }
  });
});
