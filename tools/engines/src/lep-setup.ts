// What production's one-shot init jobs do (deploy/kafka/create-topics.sh, deploy/temporal/create-namespace.sh,
// deploy/minio/create-buckets.sh), done with the clients against engines started here.
import { ALL_TOPICS, SEARCH_ATTRIBUTES, SearchAttributeName, TopicSpec } from '@lep/contracts';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Kafka, logLevel } from 'kafkajs';
import { Client as MinioClient } from 'minio';
import type { S3Connection } from './minio-server';

/** Retries `attempt` until it resolves (a new namespace reaches every service within its cache refresh). */
async function eventually<T>(what: string, attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A topic to create: its name and partition count (replication is 1 on a single broker). */
export type TopicPartitions = Pick<TopicSpec, 'name' | 'partitions'>;

function admin(brokers: string[]) {
  return new Kafka({ clientId: 'lep-engines-setup', brokers, logLevel: logLevel.NOTHING }).admin();
}

/**
 * Creates every contract topic (and `extra`) with its partition count; existing topics are left as they are.
 * Resolves once the broker leads every partition of them (a producer started next is not told NOT_LEADER).
 */
export async function createTopics(brokers: string[], extra: TopicPartitions[] = []): Promise<void> {
  const wanted = [...ALL_TOPICS, ...extra];
  const client = admin(brokers);
  await client.connect();
  try {
    const existing = new Set(await client.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic.name));
    // kafkajs waits for leaders by retrying LEADER_NOT_AVAILABLE only, while a KRaft broker whose metadata has not
    // caught up with the creation (often right after a deletion) answers UNKNOWN_TOPIC_OR_PARTITION and kafkajs
    // gives up; the wait below retries both.
    if (missing.length > 0)
      await client.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: 1,
        })),
      });
  } finally {
    await client.disconnect();
  }
  // Listing offsets is answered by a partition's leader only, once its log exists; a fresh client each round, so
  // no metadata of topics deleted a moment ago stays cached.
  await eventually('topics not led by the broker', async () => {
    const probe = admin(brokers);
    await probe.connect();
    try {
      for (const topic of wanted) await probe.fetchTopicOffsets(topic.name);
    } finally {
      await probe.disconnect();
    }
  });
}

/**
 * Deletes every topic and consumer group on the broker, then creates the contract topics again: a broker shared
 * by several test projects in turn starts each one empty, as a broker of its own would.
 */
export async function resetTopics(brokers: string[], extra: TopicPartitions[] = []): Promise<void> {
  const client = admin(brokers);
  await client.connect();
  try {
    const groups = (await client.listGroups()).groups.map((group) => group.groupId);
    if (groups.length > 0) await client.deleteGroups(groups);
    const topics = (await client.listTopics()).filter((topic) => !topic.startsWith('__'));
    if (topics.length > 0) await client.deleteTopics({ topics });
    // Deletion completes in the background; a topic is created again only once it is gone.
    const deadline = Date.now() + 30_000;
    while ((await client.listTopics()).some((topic) => topics.includes(topic))) {
      if (Date.now() > deadline)
        throw new Error(`topics still being deleted after 30 s: ${topics.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.disconnect();
  }
  await createTopics(brokers, extra);
}

const { IndexedValueType } = temporal.api.enums.v1;
const NOT_FOUND = 5; // gRPC status code
const INDEXED_VALUE_TYPES = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

/** LEP's search attributes (SEARCH_ATTRIBUTES of @lep/contracts) as the operator service registers them. */
export function lepSearchAttributes(
  names: SearchAttributeName[] = Object.keys(SEARCH_ATTRIBUTES) as SearchAttributeName[],
): Record<string, temporal.api.enums.v1.IndexedValueType> {
  return Object.fromEntries(names.map((name) => [name, INDEXED_VALUE_TYPES[SEARCH_ATTRIBUTES[name]]]));
}

/**
 * Registers the namespace (unless it exists) and every LEP search attribute on it (those missing), on the
 * Temporal server at `address`, as deploy/temporal/create-namespace.sh does. Resolves once the namespace takes
 * workflows and its search attributes answer queries.
 */
export async function registerNamespace(
  address: string,
  namespace: string,
  retentionDays = 1,
): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const exists = await connection.workflowService
      .describeNamespace({ namespace })
      .then(() => true)
      .catch((error: { code?: number }) => {
        if (error.code === NOT_FOUND) return false;
        throw error;
      });
    if (!exists)
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
      });
    const { customAttributes } = await eventually(`namespace ${namespace} not visible`, () =>
      connection.operatorService.listSearchAttributes({ namespace }),
    );
    const missing = (Object.keys(SEARCH_ATTRIBUTES) as SearchAttributeName[]).filter(
      (name) => !(name in (customAttributes ?? {})),
    );
    if (missing.length > 0)
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: lepSearchAttributes(missing),
      });
    await eventually(`search attributes of ${namespace} not usable`, () =>
      connection.workflowService.listWorkflowExecutions({
        namespace,
        pageSize: 1,
        query: Object.keys(SEARCH_ATTRIBUTES)
          .map((name) => `${name} IS NULL`)
          .join(' AND '),
      }),
    );
  } finally {
    await connection.close();
  }
}

export interface EvidenceBuckets {
  evidence: string;
  /** The public bucket production creates too (docker-compose.yml's minio-init); left out when absent. */
  public?: string;
  /** Default retention of every object in the evidence bucket. */
  retention: { mode: 'GOVERNANCE' | 'COMPLIANCE'; days: number };
}

/**
 * The buckets as deploy/minio/create-buckets.sh makes them: evidence with object lock (only possible at creation)
 * and a default retention, so no stored version can be overwritten or deleted before it ends. Buckets that exist
 * are left as they are.
 */
export async function createEvidenceBuckets(
  connection: S3Connection,
  buckets: EvidenceBuckets,
): Promise<void> {
  const client = new MinioClient(connection);
  if (!(await client.bucketExists(buckets.evidence))) {
    await client.makeBucket(buckets.evidence, connection.region, { ObjectLocking: true });
    await client.setObjectLockConfig(buckets.evidence, {
      mode: buckets.retention.mode,
      unit: 'Days',
      validity: buckets.retention.days,
    });
  }
  if (buckets.public && !(await client.bucketExists(buckets.public)))
    await client.makeBucket(buckets.public, connection.region);
}
