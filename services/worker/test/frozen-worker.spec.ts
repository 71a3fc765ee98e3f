import { createHash } from 'node:crypto';
import { caseSignals, caseUpdates, type CaseActor } from '@lep/contracts';
import type { ServiceProcess } from '@lep/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { HANDLER_ACTOR, startCaseHarness, type CaseHarness } from './support/case-harness';
import { act, draft, eventually, underInvestigation } from './support/case-steps';
import { startWorkerProcess } from './support/worker-process';

/**
 * A worker that holds a workflow task past its 10 s timeout — starved of CPU or paused by its host, here frozen
 * with SIGSTOP — while a signal and an update come for the case, and whose record step then waits on a slow
 * database. The server gives the task to a second attempt that reaches the same worker while it still works on
 * the first; the history that comes of it must be one every worker can replay (docs/operations.md: with the steps
 * as local activities it was not, and the case stopped).
 */
const FROZEN_MS = 6_000;
/**
 * How long the record step then waits on the case's chain lock: past the 10 s at which the server gives the task
 * to its second attempt, and before the worker's own 8 s heartbeat of the task, counted from when it carried on.
 */
const SLOW_STEP_MS = 6_000;
/** Room for the restarted worker to replay the case and run the next action on a loaded machine. */
const NEXT_ACTION_MS = 60_000;

let harness: CaseHarness;
let handler: CaseActor;
let worker: ServiceProcess | undefined;

beforeAll(async () => {
  // On the dev server, in real time: the task timeout and the worker's own pollers are what this is about.
  harness = await startCaseHarness({ externalWorker: true, server: 'dev-server' });
  handler = HANDLER_ACTOR(harness.people.handlers[0]);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await harness?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why the case's workflow tasks fail, as the Web UI shows it: the last WorkflowTaskFailed of its history. */
async function lastTaskFailure(handle: WorkflowHandle): Promise<string> {
  const { events } = await handle.fetchHistory();
  const failed = (events ?? []).filter((event) => event.workflowTaskFailedEventAttributes).pop();
  return failed?.workflowTaskFailedEventAttributes?.failure?.message ?? 'no workflow task failed';
}

/** The action's answer within `ms`; if it fails or takes longer, the error says why the case's tasks fail. */
async function carriesOn<T>(handle: WorkflowHandle, ms: number, action: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([action, timeout]);
  } catch (error) {
    throw new Error(
      `${(error as Error).message}; the case's last failed workflow task: ${await lastTaskFailure(handle)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

describe('a worker frozen past the workflow task timeout while a signal and an update come', () => {
  it('carries the case on, and a restarted worker replays it and runs the next action', async () => {
    worker = await startWorkerProcess(harness);
    const handle = await harness.startCase();
    await underInvestigation(harness, handle, handler.id);
    // The case waits on its deadline timer; the worker's pollers wait on the server.
    await sleep(1_000);

    // The database is slow for this case: its record chain's lock (applyCaseStep) is held elsewhere for a while.
    const chainLock = harness.dataSource.createQueryRunner();
    await chainLock.connect();
    await chainLock.query(`SELECT pg_advisory_lock(hashtext($1))`, [handle.workflowId]);
    const frozen = worker.freeze(FROZEN_MS);
    // The server hands the signal's task to the frozen worker's waiting poll: started, held, timed out at 10 s.
    await handle.signal(caseSignals.evidenceStored, {
      evidenceId: `photo-${handle.workflowId}`,
      sha256: createHash('sha256').update(`photo-${handle.workflowId}`).digest('hex'),
      kind: 'photo',
      stage: 'investigating',
      capturedBy: handler.id,
      storedAt: new Date().toISOString(),
    });
    await sleep(2_000);
    // Admitted while the first attempt is held: the second attempt carries it.
    const drafted = act(handle, caseUpdates.draftDecision, draft(handler, 500));
    await frozen;
    await sleep(SLOW_STEP_MS);
    await chainLock.query(`SELECT pg_advisory_unlock(hashtext($1))`, [handle.workflowId]);
    await chainLock.release();
    const state = await carriesOn(handle, NEXT_ACTION_MS, drafted);
    expect(state.stage).toBe('drafting');
    await eventually(
      () => harness.state(handle),
      (s) => s.evidence.length === 2,
      'the photo linked',
    );

    // A worker without the case in its cache replays the whole history before the next action.
    await worker.kill();
    worker = await startWorkerProcess(harness);
    const noticed = await carriesOn(
      handle,
      NEXT_ACTION_MS,
      act(handle, caseUpdates.notify, { actor: handler, hearingRights: false }),
    );
    expect(noticed.stage).toBe('notified');
  });
});
