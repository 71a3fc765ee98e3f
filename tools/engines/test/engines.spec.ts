import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { Client as MinioClient } from 'minio';
import { TOPICS } from '@lep/contracts';
import {
  createEvidenceBuckets,
  createTopics,
  KafkaBroker,
  MinioServer,
  registerNamespace,
  TemporalDevServer,
} from '../src';

/** Each engine killed outright and started again keeps what it held, as the fault suite relies on. */
describe('the engines, killed and started again', () => {
  it('Kafka keeps acknowledged messages and every topic in its log directory', async () => {
    const broker = await KafkaBroker.start();
    try {
      await createTopics(broker.brokers);
      const kafka = new Kafka({
        clientId: 'engines-test',
        brokers: broker.brokers,
        logLevel: logLevel.NOTHING,
      });
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({
        topic: TOPICS.caseDecision.name,
        acks: -1,
        messages: [{ key: 'k', value: '决定' }],
      });
      await producer.disconnect();
      const jvm = broker.pid;

      await broker.kill();
      await broker.up();

      expect(broker.pid).not.toBe(jvm);
      const admin = kafka.admin();
      await admin.connect();
      const offsets = await admin.fetchTopicOffsets(TOPICS.caseDecision.name);
      await admin.disconnect();
      expect(offsets.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(1);
    } finally {
      await broker.remove();
    }
  }, 180_000);

  it('MinIO keeps stored objects and the evidence bucket’s object lock on its drive', async () => {
    const minio = await MinioServer.start();
    try {
      const buckets = {
        evidence: 'evidence',
        retention: { mode: 'GOVERNANCE', days: 30 },
      } as const;
      await createEvidenceBuckets(minio.connection, buckets);
      // Safe to run again, as the deployment's init job.
      await createEvidenceBuckets(minio.connection, buckets);
      const s3 = new MinioClient(minio.connection);
      const content = Buffer.from('证据');
      // Object lock wants a checksum of every write.
      await s3.putObject('evidence', 'a', content, content.length, {
        'Content-MD5': createHash('md5').update(content).digest('base64'),
      });

      await minio.kill();
      await minio.up();

      expect((await s3.statObject('evidence', 'a')).size).toBe(content.length);
      expect(await s3.getObjectLockConfig('evidence')).toMatchObject({
        mode: 'GOVERNANCE',
        unit: 'Days',
        validity: 30,
      });
    } finally {
      await minio.remove();
    }
  }, 120_000);

  it('the Temporal dev server keeps running workflows, the namespace and its search attributes in its SQLite file', async () => {
    const server = await TemporalDevServer.start({ uiPort: null });
    try {
      await registerNamespace(server.address, 'lep-engines-test');
      const connect = () => Connection.connect({ address: server.address });
      let connection = await connect();
      const started = await new Client({ connection, namespace: 'lep-engines-test' }).workflow.start(
        'anything',
        {
          taskQueue: 'nobody-polls',
          workflowId: 'survives-a-crash',
          searchAttributes: { LepStage: ['investigating'] },
        },
      );
      await connection.close();

      // The file is in write-ahead-log mode (SQLite's header: file format versions 2 at offsets 18 and 19), the
      // mode in which a killed server still keeps every transaction it committed — as this test shows next.
      const header = Buffer.alloc(20);
      const file = await open(server.dbFile, 'r');
      await file.read(header, 0, 20, 0);
      await file.close();
      expect([header[18], header[19]]).toEqual([2, 2]);

      await server.kill();
      await server.up();
      // Registering again changes nothing (the dev stack does it on every start).
      await registerNamespace(server.address, 'lep-engines-test');

      connection = await connect();
      try {
        const client = new Client({ connection, namespace: 'lep-engines-test' });
        const described = await client.workflow.getHandle('survives-a-crash').describe();
        expect(described.runId).toBe(started.firstExecutionRunId);
        expect(described.status.name).toBe('RUNNING');
        expect(described.searchAttributes).toMatchObject({ LepStage: ['investigating'] });
      } finally {
        await connection.close();
      }
    } finally {
      await server.remove();
    }
  }, 120_000);
});
