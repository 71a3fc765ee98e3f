import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RELAY_TUNING, loadConfig, REFUSED_FOR_GOOD, ServiceEnv, WithKafka } from '../src';

const doc = readFileSync(path.resolve(__dirname, '../../../docs/topics.md'), 'utf8').replace(/\s+/g, ' ');
const section = (title: string) =>
  doc.slice(doc.indexOf(`## ${title}`), doc.indexOf('## ', doc.indexOf(`## ${title}`) + 3));

class KafkaEnv extends WithKafka(ServiceEnv) {}
const kafkaEnv = (retention?: string) =>
  loadConfig(KafkaEnv, { PORT: '3000', KAFKA_BROKERS: 'kafka:9092', OUTBOX_RETENTION_DAYS: retention });

describe('docs/topics.md on delivery and retention', () => {
  const delivery = section('Delivery');
  const retention = section('Retention');

  it('names the test that shows per-key order, and that test exists', () => {
    const [, title, file] = /Shown by the test "([^"]+)" \(`([^`]+)`/.exec(delivery) ?? [];
    const source = readFileSync(path.resolve(__dirname, '../../..', file), 'utf8').replace(/\s+/g, ' ');
    expect(source.includes(`it('${title}',`) || source.includes(`it( '${title}',`)).toBe(true);
  });

  it('states the relay’s backoff and size limit, and the errors it gives up on, as the code has them', () => {
    expect(delivery).toContain(
      `doubling backoff (${DEFAULT_RELAY_TUNING.firstBackoffMs / 1000} s up to ${DEFAULT_RELAY_TUNING.maxBackoffMs / 1000} s)`,
    );
    expect(delivery).toContain(
      `larger than ${DEFAULT_RELAY_TUNING.maxMessageBytes.toLocaleString('en')} bytes`,
    );
    const refused = /refused by Kafka for good \(([^)]+)\)/.exec(delivery)?.[1] ?? '';
    expect(refused.split(', ').map((type) => type.replace(/`/g, ''))).toEqual(REFUSED_FOR_GOOD);
  });

  it('states the outbox retention’s default and bounds as the configuration checks them', () => {
    const [, fallback, low, high] =
      /`OUTBOX_RETENTION_DAYS` \(default (\d+), (\d+) to (\d+)/.exec(retention) ?? [];
    expect(kafkaEnv().OUTBOX_RETENTION_DAYS).toBe(Number(fallback));
    expect(kafkaEnv(low).OUTBOX_RETENTION_DAYS).toBe(Number(low));
    expect(kafkaEnv(high).OUTBOX_RETENTION_DAYS).toBe(Number(high));
    expect(() => kafkaEnv(String(Number(low) - 1))).toThrow(/OUTBOX_RETENTION_DAYS must be at least 1/);
    expect(() => kafkaEnv(String(Number(high) + 1))).toThrow(/OUTBOX_RETENTION_DAYS must be at most 3650/);
    expect(() => kafkaEnv('7d')).toThrow(/OUTBOX_RETENTION_DAYS must be a whole number of days/);
  });
});
