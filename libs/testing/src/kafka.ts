import { createTopics, KafkaBroker, resetTopics, TopicPartitions } from '@lep/engines';
import { stopOnce } from './cleanup';

export type { TopicPartitions };

export interface KafkaPeer {
  brokers: string[];
  embedded: boolean;
  /** Embedded only: the broker JVM is killed (an outage) until brokersUp() starts it again on the same port. */
  brokersDown(): Promise<void>;
  brokersUp(): Promise<void>;
  /** Embedded only: the broker's JVM pid while it runs. */
  pid(): number | undefined;
  /** Embedded only: the broker's temporary folder (its log directory), removed by stop(). */
  directory?: string;
  stop(): Promise<void>;
}

export interface StartKafkaOptions {
  /** Comma-separated brokers of a running cluster (KAFKA_BROKERS); its topics are then its own business … */
  brokers?: string;
  /** … unless it is ours to empty: then every topic and group is deleted and the contract topics made again. */
  reset?: boolean;
  /** Topics besides those @lep/contracts declares. */
  extraTopics?: TopicPartitions[];
  /** Our own broker only: its port. */
  port?: number;
}

/**
 * The cluster named by `brokers`, else an Apache Kafka broker of our own (KRaft, one node, from the engine cache)
 * with every contract topic created as production creates them (services never auto-create topics).
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<KafkaPeer> {
  if (options.brokers) {
    const brokers = options.brokers.split(',').map((broker) => broker.trim());
    if (options.reset) await resetTopics(brokers, options.extraTopics);
    const notEmbedded = async () => {
      throw new Error('brokersDown/brokersUp need a broker of our own (KAFKA_BROKERS names another)');
    };
    return {
      brokers,
      embedded: false,
      brokersDown: notEmbedded,
      brokersUp: notEmbedded,
      pid: () => undefined,
      stop: async () => undefined,
    };
  }
  const broker = await KafkaBroker.start({ port: options.port });
  try {
    await createTopics(broker.brokers, options.extraTopics);
  } catch (error) {
    await broker.remove();
    throw error;
  }
  return {
    brokers: broker.brokers,
    embedded: true,
    directory: broker.dataDir,
    brokersDown: () => broker.kill(),
    brokersUp: () => broker.up(),
    pid: () => broker.pid,
    stop: stopOnce(() => broker.remove()),
  };
}
