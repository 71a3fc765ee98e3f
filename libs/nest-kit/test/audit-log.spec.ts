import { runMigrations, useTestDatabase } from '@lep/testing';
import type { DataSource } from 'typeorm';
import {
  appendAudit,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  verifyAuditLog,
  type AuditRecord,
} from '../src';

const databaseUrl = useTestDatabase('audit_log');
let dataSource: DataSource;
let other: DataSource;

const entry = (subject: string): AuditRecord => ({
  at: '2026-12-04T23:00:00.000Z',
  outcome: 'applied',
  method: 'POST',
  path: '/api/v1/cases',
  status: 201,
  actor: { kind: 'staff', subject, agencyCode: 'BT01', roles: ['handler'] },
});

beforeAll(async () => {
  const options = {
    type: 'postgres' as const,
    url: databaseUrl(),
    entities: MESSAGING_ENTITIES,
    migrations: MESSAGING_MIGRATIONS,
    migrationsTableName: 'lep_migrations',
  };
  dataSource = await runMigrations(options);
  // A second replica of the same service: its own pool, the same database.
  other = await runMigrations(options);
});

afterAll(async () => {
  await dataSource.destroy();
  await other.destroy();
});

describe('the audit log under concurrent requests', () => {
  it('gives every entry its own place in one unbroken chain, from two replicas appending at once', async () => {
    const subjects = Array.from({ length: 120 }, (_, index) => `officer-${index}`);
    const sequences = await Promise.all(
      subjects.map((subject, index) => appendAudit(index % 2 === 0 ? dataSource : other, entry(subject))),
    );
    expect([...sequences].sort((a, b) => a - b)).toEqual(subjects.map((_, index) => index + 1));
    // Each caller's sequence holds that caller's entry.
    const rows: { sequence: number; subject: string }[] = await dataSource.query(
      `SELECT sequence, content->'actor'->>'subject' AS subject FROM audit_entry ORDER BY sequence`,
    );
    const bySequence = new Map(rows.map((row) => [row.sequence, row.subject]));
    subjects.forEach((subject, index) => expect(bySequence.get(sequences[index]!)).toBe(subject));
    expect(await verifyAuditLog(dataSource)).toMatchObject({ valid: true, length: 120 });
  });

  it('fails the entries of an append that cannot be written, and appends the next ones', async () => {
    await dataSource.query(
      `ALTER TABLE audit_entry ADD CONSTRAINT audit_test_refuse CHECK (content->>'status' <> '599')`,
    );
    try {
      await expect(appendAudit(dataSource, { ...entry('refused'), status: 599 })).rejects.toThrow(
        /audit_test_refuse/,
      );
    } finally {
      await dataSource.query(`ALTER TABLE audit_entry DROP CONSTRAINT audit_test_refuse`);
    }
    const next = await appendAudit(dataSource, entry('after'));
    expect(next).toBe(121);
    expect(await verifyAuditLog(dataSource)).toMatchObject({ valid: true, length: 121 });
  });

  it('fails only the refused entry among entries appended at the same time', async () => {
    await dataSource.query(
      `ALTER TABLE audit_entry ADD CONSTRAINT audit_test_refuse CHECK (content->>'status' <> '599')`,
    );
    let outcomes: PromiseSettledResult<number>[];
    try {
      outcomes = await Promise.allSettled(
        Array.from({ length: 30 }, (_, index) =>
          appendAudit(dataSource, { ...entry(`batch-${index}`), status: index === 17 ? 599 : 201 }),
        ),
      );
    } finally {
      await dataSource.query(`ALTER TABLE audit_entry DROP CONSTRAINT audit_test_refuse`);
    }
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    expect(outcomes[17]!.status).toBe('rejected');
    expect(String((outcomes[17] as PromiseRejectedResult).reason)).toMatch(/audit_test_refuse/);
    const written = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect([...written].sort((a, b) => a - b)).toEqual(Array.from({ length: 29 }, (_, index) => 122 + index));
    expect(await verifyAuditLog(dataSource)).toMatchObject({ valid: true, length: 150 });
  });
});
