import { Kafka, logLevel } from 'kafkajs';
import { Client as S3Client } from 'minio';
import { Client as PgClient } from 'pg';
import { TOPICS } from '@lep/contracts';
import { alive, createDatabase, dropDatabase, Peers, startPeers } from '../src';

/** Every embedded peer, started the way tests and `npm start` start them, exercised with the real clients. */
describe('embedded peers', () => {
  let peers: Peers;

  beforeAll(async () => {
    peers = await startPeers({ postgres: true, kafka: true, s3: true });
  });

  afterAll(() => peers.stop());

  it('describes each peer in one line for npm start', () => {
    expect(peers.describe()).toEqual([
      expect.stringMatching(
        /^PostgreSQL: embedded server at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres$/,
      ),
      expect.stringMatching(/^Kafka: Apache Kafka broker \(KRaft\) at 127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^S3: MinIO at http:\/\/127\.0\.0\.1:\d+$/),
    ]);
  });

  it('gives each test file its own PostgreSQL database, and drops it', async () => {
    const first = await createDatabase(peers.databaseUrl, 'spec');
    const second = await createDatabase(peers.databaseUrl, 'spec');
    expect(first).not.toBe(second);
    const client = new PgClient({ connectionString: first });
    await client.connect();
    await client.query('CREATE TABLE probe (id int)');
    await client.query('INSERT INTO probe VALUES (1)');
    expect((await client.query('SELECT count(*)::int AS n FROM probe')).rows[0].n).toBe(1);
    await client.end();
    await dropDatabase(first);
    await dropDatabase(second);
    const admin = new PgClient({ connectionString: peers.databaseUrl });
    await admin.connect();
    const left = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'spec_%'");
    await admin.end();
    expect(left.rows).toEqual([]);
  });

  it('has every contract topic with its partitions, and carries messages through a consumer group', async () => {
    const kafka = new Kafka({
      clientId: 'harness-test',
      brokers: peers.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [TOPICS.caseDecision.name] });
    await admin.disconnect();
    expect(metadata.topics[0].partitions).toHaveLength(TOPICS.caseDecision.partitions);

    const producer = kafka.producer();
    await producer.connect();
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    await producer.send({
      topic: TOPICS.caseDecision.name,
      messages: keys.map((key) => ({ key, value: `decision-${key}` })),
    });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: 'harness-test' });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.caseDecision.name, fromBeginning: true });
    const received: string[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push(message.value!.toString());
          if (received.length === keys.length) resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(received.sort()).toEqual(keys.map((key) => `decision-${key}`));
  });

  it('can kill the broker JVM and start it again on the same port and log directory, as in an outage', async () => {
    const kafka = new Kafka({
      clientId: 'outage-test',
      brokers: peers.kafkaBrokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 1_000,
    });
    const jvm = peers.kafka!.pid()!;
    await peers.kafka!.brokersDown();
    expect(alive(jvm)).toBe(false);
    const producer = kafka.producer();
    await expect(
      producer
        .connect()
        .then(() => producer.send({ topic: TOPICS.caseLifecycle.name, messages: [{ value: 'x' }] })),
    ).rejects.toThrow();
    await producer.disconnect().catch(() => undefined);
    await peers.kafka!.brokersUp();
    const again = kafka.producer();
    await again.connect();
    await again.send({ topic: TOPICS.caseLifecycle.name, messages: [{ value: 'y' }] });
    await again.disconnect();
    expect(peers.kafka!.pid()).not.toBe(jvm);
  });

  it('stores and returns objects in S3 through the minio client', async () => {
    const s3 = new S3Client(peers.s3);
    await s3.makeBucket('harness-test', peers.s3.region);
    await s3.putObject('harness-test', 'a/b.txt', Buffer.from('执法记录'), undefined, {
      'Content-Type': 'text/plain',
    });
    expect((await s3.statObject('harness-test', 'a/b.txt')).size).toBe(Buffer.byteLength('执法记录'));
    const chunks: Buffer[] = [];
    for await (const chunk of await s3.getObject('harness-test', 'a/b.txt')) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('执法记录');
  });
});
