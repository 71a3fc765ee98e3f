import { applyCaseSteps, readCaseRecord, type CaseStep } from '@lep/case-store';
import { CASE_EVENT_TYPES, type CaseActor } from '@lep/contracts';
import { HANDLER_ACTOR, startCaseHarness, type CaseHarness } from './support/case-harness';

/**
 * The applySteps activity's store side (applyCaseSteps): several steps of one case in one transaction, as filing
 * records 立案 and the move into investigation since case-steps-on-server — in order, chained, once, all or none.
 */
let harness: CaseHarness;
let handler: CaseActor;

beforeAll(async () => {
  harness = await startCaseHarness();
  handler = HANDLER_ACTOR(harness.people.handlers[0]);
}, 120_000);

afterAll(() => harness?.close());

function step(caseId: string, n: number, action: string, extras: Partial<CaseStep> = {}): CaseStep {
  return {
    caseId,
    entryKey: `case-${n}`,
    entry: {
      at: new Date().toISOString(),
      actor: handler,
      stage: 'investigating',
      action,
      title: action,
      details: {},
      evidence: [],
    },
    ...extras,
  };
}

const outboxTypes = async (caseId: string): Promise<string[]> =>
  (
    await harness.dataSource.query(
      `SELECT event->>'type' AS type FROM outbox_event WHERE event->>'subject' = $1 ORDER BY id`,
      [caseId],
    )
  ).map((row: { type: string }) => row.type);

describe('several steps of a case recorded in one transaction', () => {
  it('records them in order on the chain, and a retried call writes nothing twice', async () => {
    const caseId = `record-steps-${Date.now()}`;
    const event = {
      topic: 'caseLifecycle' as const,
      key: caseId,
      type: CASE_EVENT_TYPES.filed,
      data: { caseId },
    };
    const steps = [step(caseId, 1, 'filed', { events: [event] }), step(caseId, 2, 'stage:investigating')];

    const first = await applyCaseSteps(harness.dataSource, steps);
    expect(first.map(({ sequence, applied }) => ({ sequence, applied }))).toEqual([
      { sequence: 1, applied: true },
      { sequence: 2, applied: true },
    ]);
    const again = await applyCaseSteps(harness.dataSource, steps);
    expect(again).toEqual(first.map((applied) => ({ ...applied, applied: false })));

    const record = await readCaseRecord(harness.dataSource, caseId);
    expect(record.verification.valid).toBe(true);
    expect(record.entries.map((entry) => entry.content.action)).toEqual(['filed', 'stage:investigating']);
    expect(await outboxTypes(caseId)).toEqual([CASE_EVENT_TYPES.filed]);
  });

  it('records none of them when one fails', async () => {
    const caseId = `record-steps-failing-${Date.now()}`;
    // An event for a topic that does not exist cannot be queued: the second step fails inside the transaction.
    const broken = { topic: 'noSuchTopic', key: caseId, type: 'x', data: {} } as unknown as NonNullable<
      CaseStep['events']
    >[number];
    await expect(
      applyCaseSteps(harness.dataSource, [
        step(caseId, 1, 'filed'),
        step(caseId, 2, 'broken', { events: [broken] }),
      ]),
    ).rejects.toThrow();
    expect((await readCaseRecord(harness.dataSource, caseId)).entries).toEqual([]);
  });
});
