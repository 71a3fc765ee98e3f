import { caseUpdates, type CaseActor } from '@lep/contracts';
import type { WorkflowHandle } from '@temporalio/client';
import { AGENCY, HANDLER_ACTOR, startCaseHarness, type CaseHarness } from './support/case-harness';
import { act, draft, eventually, underInvestigation } from './support/case-steps';

// On the Temporal dev server (real time, with visibility): what an operator types in the Web UI finds the cases.
let harness: CaseHarness;
let handler: CaseActor;

beforeAll(async () => {
  harness = await startCaseHarness({ server: 'dev-server' });
  handler = HANDLER_ACTOR(harness.people.handlers[0]);
}, 120_000);

afterAll(() => harness?.close());

/** The workflow ids a Web UI query lists, once visibility has caught up with `expected` (it lags the workflow). */
async function listed(query: string, expected: string[]): Promise<string[]> {
  return eventually(
    async () => {
      const ids: string[] = [];
      for await (const execution of harness.env.client.workflow.list({ query }))
        ids.push(execution.workflowId);
      return ids.sort();
    },
    (ids) => JSON.stringify(ids) === JSON.stringify([...expected].sort()),
    `visibility to list ${expected.join(', ')} for ${query}`,
  );
}

async function investigating(handle: WorkflowHandle): Promise<void> {
  await underInvestigation(harness, handle, handler.id);
}

describe('operators find cases in the Temporal Web UI by LEP’s search attributes', () => {
  it('by agency, stage, major and category, following each case as it moves, and by its next deadline', async () => {
    const major = await harness.startCase();
    const minor = await harness.startCase();
    await investigating(major);
    await investigating(minor);
    const agencyInvestigating = `LepAgency = "${AGENCY}" AND LepStage = "investigating"`;
    expect(await listed(agencyInvestigating, [major.workflowId, minor.workflowId])).toHaveLength(2);

    await act(major, caseUpdates.draftDecision, draft(handler, 50_000));
    const notified = await act(major, caseUpdates.notify, { actor: handler, hearingRights: true });
    await act(minor, caseUpdates.draftDecision, draft(handler, 200));

    expect(
      await listed(
        `LepAgency = "${AGENCY}" AND LepStage = "notified" AND LepMajor = true AND LepCategory = "penalty"`,
        [major.workflowId],
      ),
    ).toEqual([major.workflowId]);
    expect(await listed(`${agencyInvestigating}`, [])).toEqual([]);
    expect(
      await listed(`LepAgency = "${AGENCY}" AND LepStage = "drafting" AND LepMajor = false`, [
        minor.workflowId,
      ]),
    ).toEqual([minor.workflowId]);

    // The hearing window is the major case's next deadline: found by a date range, as for "due this week".
    const window = notified.deadlines.find(
      (deadline) => deadline.kind === 'hearing-window' && !deadline.fired,
    );
    expect(window).toBeDefined();
    const due = Date.parse(window!.dueAt);
    const around = (ms: number) => new Date(ms).toISOString();
    expect(
      await listed(
        `LepAgency = "${AGENCY}" AND LepNextDeadline >= "${around(due - 60_000)}" AND LepNextDeadline <= "${around(due + 60_000)}"`,
        [major.workflowId],
      ),
    ).toEqual([major.workflowId]);

    await harness.endCase(major);
    await harness.endCase(minor);
  });
});
