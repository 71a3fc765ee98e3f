import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ALL_TOPICS, TopicSpec } from '@lep/contracts';
import { stopOnce } from './cleanup';
import { kafkaMockBinary } from './kafka-mock-binary';

export interface KafkaPeer {
  brokers: string[];
  embedded: boolean;
  /** Embedded only: every broker stops answering, as in an outage, until brokersUp(). */
  brokersDown(): Promise<void>;
  brokersUp(): Promise<void>;
  stop(): Promise<void>;
}

/** What the mock cluster needs to pre-create a topic. */
export type TopicPartitions = Pick<TopicSpec, 'name' | 'partitions'>;

export interface StartKafkaOptions {
  /** Comma-separated brokers of a real cluster (KAFKA_BROKERS); topics are then the cluster's business. */
  brokers?: string;
  /** Topics besides those @lep/contracts declares. */
  extraTopics?: TopicPartitions[];
  brokerCount?: number;
}

/**
 * librdkafka's mock cluster with every contract topic pre-created (its CreateTopics is unreliable, and
 * services never auto-create topics).
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<KafkaPeer> {
  if (options.brokers) {
    const notEmbedded = async () => {
      throw new Error('brokersDown/brokersUp need the embedded Kafka mock cluster');
    };
    return {
      brokers: options.brokers.split(',').map((broker) => broker.trim()),
      embedded: false,
      brokersDown: notEmbedded,
      brokersUp: notEmbedded,
      stop: async () => undefined,
    };
  }
  const topics = [...ALL_TOPICS, ...(options.extraTopics ?? [])].map(
    (topic) => `${topic.name}:${topic.partitions}`,
  );
  const child = spawn(kafkaMockBinary(), [String(options.brokerCount ?? 1), ...topics], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  const firstLine = new Promise<string>((resolve, reject) => {
    waiting.push(resolve);
    child.once('exit', (code) => reject(new Error(`kafka mock exited with code ${code}`)));
  });
  lines.on('line', (line) => waiting.shift()?.(line));
  const bootstrap = await firstLine;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  async function command(name: 'down' | 'up'): Promise<void> {
    const answered = new Promise<string>((resolve) => waiting.push(resolve));
    child.stdin!.write(`${name}\n`);
    await answered;
  }

  return {
    brokers: bootstrap.replace(/^bootstrap /, '').split(','),
    embedded: true,
    brokersDown: () => command('down'),
    brokersUp: () => command('up'),
    stop: stopOnce(async () => {
      child.stdin!.end();
      child.kill('SIGTERM');
      await exited;
    }),
  };
}
