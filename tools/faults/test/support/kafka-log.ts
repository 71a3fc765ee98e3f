import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export interface LoggedEvent {
  key: string | null;
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Every message on `topics` from the beginning to the end as it stands now, read by a fresh consumer group:
 * what any downstream system subscribing to LEP would receive.
 */
export async function readTopics(brokers: string[], topics: string[]): Promise<Map<string, LoggedEvent[]>> {
  const kafka = new Kafka({ clientId: 'lep-faults-reader', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, number>();
  for (const topic of topics)
    for (const partition of await admin.fetchTopicOffsets(topic)) {
      const end = Number(partition.high);
      if (end > 0) remaining.set(`${topic}/${partition.partition}`, end);
    }
  await admin.disconnect();

  const read = new Map<string, LoggedEvent[]>(topics.map((topic) => [topic, []]));
  if (remaining.size === 0) return read;
  const consumer = kafka.consumer({ groupId: `lep-faults-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ topic, partition, message }) => {
          const event = JSON.parse(message.value?.toString() ?? '{}');
          read.get(topic)!.push({
            key: message.key?.toString() ?? null,
            id: event.id,
            type: event.type,
            data: event.data ?? {},
          });
          const slot = `${topic}/${partition}`;
          if (Number(message.offset) + 1 >= (remaining.get(slot) ?? 0)) remaining.delete(slot);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return read;
}
