import { Kafka, logLevel } from 'kafkajs';
import { ALL_TOPICS, TOPICS } from '@lep/contracts';
import { Client as S3Client } from 'minio';
import { Client as PgClient } from 'pg';
import {
  peersGlobalSetup,
  peersGlobalTeardown,
  peersOptionsFromEnvironment,
  startPeers,
  testPeers,
  useTestDatabase,
} from '../src';
import { children } from '../src/process-tree';
import { SHARED_ENGINES_VARIABLE } from '@lep/engines';

async function databaseNames(serverUrl: string, prefix: string): Promise<string[]> {
  const client = new PgClient({ connectionString: serverUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${prefix}_%`,
    ]);
    return result.rows.map((row: { datname: string }) => row.datname);
  } finally {
    await client.end();
  }
}

/**
 * What a service's jest config gets from `globalSetup: peersGlobalSetup({...})`: peers started once, their
 * addresses in LEP_TEST_* variables, and a database of its own for each test file.
 */
describe('jest wiring', () => {
  const environmentBefore = { ...process.env };
  const extraTopic = { name: 'harness.extra', partitions: 3 };
  let databaseServerUrl: string;

  beforeAll(async () => {
    // This file tests starting our own engines; engines the environment names are tested below by name.
    for (const name of [
      'TEST_DATABASE_URL',
      'KAFKA_BROKERS',
      'S3_ENDPOINT',
      'TEMPORAL_ADDRESS',
      SHARED_ENGINES_VARIABLE,
    ])
      delete process.env[name];
    await peersGlobalSetup({ postgres: true, kafka: { extraTopics: [extraTopic] }, s3: true })();
    databaseServerUrl = testPeers().databaseServerUrl;
  });

  afterAll(async () => {
    // By now the file's own database has been dropped by useTestDatabase's afterAll.
    expect(await databaseNames(databaseServerUrl, 'wiring')).toEqual([]);
    await peersGlobalTeardown();
    process.env = environmentBefore;
  });

  it('hands each peer to test files through LEP_TEST_* variables', async () => {
    expect(process.env.LEP_TEST_DATABASE_URL).toMatch(/^postgres:\/\/.+@127\.0\.0\.1:\d+\/postgres$/);
    expect(process.env.LEP_TEST_KAFKA_BROKERS).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(process.env.LEP_TEST_S3_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env.LEP_TEST_S3_ACCESS_KEY).toBeTruthy();
    expect(process.env.LEP_TEST_S3_SECRET_KEY).toBeTruthy();
    expect(() => testPeers().temporalAddress).toThrow(/LEP_TEST_TEMPORAL_ADDRESS is not set/);

    const kafka = new Kafka({ brokers: testPeers().kafkaBrokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [extraTopic.name] });
    await admin.disconnect();
    expect(metadata.topics[0].partitions).toHaveLength(extraTopic.partitions);

    const s3 = new S3Client(testPeers().s3);
    await s3.makeBucket('wiring', testPeers().s3.region);
    expect((await s3.listBuckets()).map((bucket) => bucket.name)).toEqual(['wiring']);
  });

  describe('a test file', () => {
    const databaseUrl = useTestDatabase('wiring');

    it('gets an empty database of its own', async () => {
      expect(new URL(databaseUrl()).pathname).toMatch(/^\/wiring_[0-9a-f]{8}$/);
      expect(await databaseNames(databaseServerUrl, 'wiring')).toEqual([
        new URL(databaseUrl()).pathname.slice(1),
      ]);
      const client = new PgClient({ connectionString: databaseUrl() });
      await client.connect();
      const tables = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public'");
      await client.end();
      expect(tables.rows).toEqual([]);
    });
  });

  it('uses the peers the environment names (the real stack) as they are, starting none', async () => {
    const { databaseServerUrl: url, kafkaBrokers, s3Endpoint, s3 } = testPeers();
    const options = peersOptionsFromEnvironment(
      { postgres: true, kafka: true, s3: true },
      {
        TEST_DATABASE_URL: url,
        KAFKA_BROKERS: kafkaBrokers.join(','),
        S3_ENDPOINT: s3Endpoint,
        S3_ACCESS_KEY: s3.accessKey,
        S3_SECRET_KEY: s3.secretKey,
        S3_REGION: 'cn-north-1',
      },
    );
    const processesBefore = children(process.pid);
    const external = await startPeers(options);
    expect(children(process.pid)).toEqual(processesBefore);
    expect(external.describe()).toEqual([
      expect.stringMatching(
        /^PostgreSQL: external at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres$/,
      ),
      `Kafka: external at ${kafkaBrokers.join(',')}`,
      `S3: external at ${s3Endpoint}`,
    ]);
    expect(external.s3).toEqual({ ...s3, region: 'cn-north-1' });
    expect(external.postgres?.directory).toBeUndefined();
    await external.stop();
    // Stopping external peers leaves them serving.
    const client = new PgClient({ connectionString: url });
    await client.connect();
    expect((await client.query('SELECT 1 AS up')).rows).toEqual([{ up: 1 }]);
    await client.end();
  });

  it('empties a broker shared by several projects in turn (LEP_ENGINES_SHARED): topics and groups of the last one go', async () => {
    const brokers = testPeers().kafkaBrokers;
    const kafka = new Kafka({ clientId: 'wiring-shared', brokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.caseDecision.name,
      messages: [{ key: 'a', value: 'from the last project' }],
    });
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    // Only its deletion is checked: no need to wait for a leader (kafkajs's wait fails on a KRaft broker that has
    // not caught up, see createTopics in @lep/engines).
    await admin.createTopics({
      waitForLeaders: false,
      topics: [{ topic: 'left.by.last.project', numPartitions: 1 }],
    });
    await admin.setOffsets({
      groupId: 'lep-publication',
      topic: TOPICS.caseDecision.name,
      partitions: [{ partition: 0, offset: '1' }],
    });

    const shared = await startPeers(
      peersOptionsFromEnvironment(
        { kafka: true },
        { KAFKA_BROKERS: brokers.join(','), [SHARED_ENGINES_VARIABLE]: '1' },
      ),
    );
    expect(shared.kafka?.embedded).toBe(false);
    await admin.disconnect();
    const after = kafka.admin();
    await after.connect();
    const topics = await after.listTopics();
    expect(topics).not.toContain('left.by.last.project');
    expect(topics).toEqual(expect.arrayContaining(ALL_TOPICS.map((topic) => topic.name)));
    const offsets = await after.fetchTopicOffsets(TOPICS.caseDecision.name);
    expect(offsets.every((partition) => partition.high === '0')).toBe(true);
    expect((await after.listGroups()).groups).toEqual([]);
    await after.disconnect();
    await shared.stop();
  });
});
