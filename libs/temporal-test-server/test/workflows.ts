// Workflows the conformance suite runs against this server (and against a real Temporal when TEMPORAL_ADDRESS is set).
import {
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  executeChild,
  getExternalWorkflowHandle,
  isCancellation,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  ParentClosePolicy,
} from '@temporalio/workflow';
import { defineSearchAttributeKey, type Duration, SearchAttributeType } from '@temporalio/common';
import type { ConformanceActivities } from './activities';

const { flaky, echo } = proxyActivities<ConformanceActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 5 },
});
const { slow } = proxyActivities<ConformanceActivities>({
  startToCloseTimeout: '1 second',
  retry: { maximumAttempts: 2, initialInterval: '100 milliseconds' },
});
const { heartbeating } = proxyActivities<ConformanceActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '2 seconds',
  cancellationType: 'WAIT_CANCELLATION_COMPLETED',
});

export const approve = defineSignal<[string]>('approve');
export const status = defineQuery<string>('status');
export const addNote = defineUpdate<number, [string]>('addNote');

/** The "done when" case: a flaky activity, a 28-day timer, a signal, a query and a validated update. */
export async function caseLifecycle(key: string, deadline: Duration): Promise<string> {
  let state = 'started';
  let approvedBy = '';
  const notes: string[] = [];
  setHandler(status, () => state);
  setHandler(approve, (who) => {
    approvedBy = who;
  });
  setHandler(
    addNote,
    (note) => {
      notes.push(note);
      return notes.length;
    },
    {
      validator: (note) => {
        if (note.trim() === '') throw new Error('备注不能为空');
      },
    },
  );
  const fetched = await flaky(key, 2);
  state = 'waiting';
  await sleep(deadline);
  state = 'deadline passed';
  await condition(() => approvedBy !== '' && notes.length > 0);
  state = 'done';
  return `${fetched}/${approvedBy}/${notes.join(',')}`;
}

/** Waits for a signal; used by signal-with-start, cancel, terminate and list tests. */
export async function waitForApproval(): Promise<string> {
  let approvedBy = '';
  setHandler(status, () => (approvedBy ? 'approved' : 'waiting'));
  setHandler(approve, (who) => {
    approvedBy = who;
  });
  await condition(() => approvedBy !== '');
  return approvedBy;
}

export async function oneActivity(value: string): Promise<string> {
  return echo(value);
}

/** Start-to-close timeout on every attempt: fails with a timeout after the retries. */
export async function timesOut(): Promise<string> {
  try {
    await slow(5_000);
    return 'finished';
  } catch (error) {
    return `failed: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`;
  }
}

/** Cancels a heartbeating activity when the workflow is cancelled. */
export async function cancellable(): Promise<string> {
  try {
    await heartbeating(60_000);
    return 'completed';
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(() => echo('cleanup'));
      throw error;
    }
    throw error;
  }
}

export async function child(value: string, wait: Duration): Promise<string> {
  await sleep(wait);
  return `child:${value}`;
}

export async function parent(value: string, wait: Duration): Promise<string> {
  const result = await executeChild(child, {
    args: [value, wait],
    workflowId: `${workflowInfo().workflowId}-child`,
  });
  const abandoned = await startChild(waitForApproval, {
    workflowId: `${workflowInfo().workflowId}-terminated-on-close`,
    parentClosePolicy: ParentClosePolicy.TERMINATE,
  });
  return `${result}/${abandoned.workflowId}`;
}

/** Signals another workflow and then requests its cancellation. */
export async function signalsExternal(targetId: string): Promise<string> {
  await getExternalWorkflowHandle(targetId).signal(approve, 'external');
  try {
    await getExternalWorkflowHandle(`${targetId}-missing`).cancel();
    return 'cancelled a missing workflow';
  } catch (error) {
    return `missing: ${(error as Error).name}`;
  }
}

export async function countdown(remaining: number, wait: Duration): Promise<number> {
  if (remaining > 0) {
    await sleep(wait);
    await continueAsNew<typeof countdown>(remaining - 1, wait);
  }
  return workflowInfo().continuedFromExecutionRunId ? 0 : -1;
}

export const LepStage = defineSearchAttributeKey('LepStage', SearchAttributeType.KEYWORD);
export const LepMajor = defineSearchAttributeKey('LepMajor', SearchAttributeType.BOOL);

/** Marks its progress in custom search attributes (review until approved, then closed), for list and count queries. */
export async function indexed(major: boolean): Promise<string> {
  let approved = false;
  setHandler(approve, () => {
    approved = true;
  });
  upsertSearchAttributes([
    { key: LepStage, value: 'review' },
    { key: LepMajor, value: major },
  ]);
  await condition(() => approved);
  upsertSearchAttributes([{ key: LepStage, value: 'closed' }]);
  return 'indexed';
}

export async function failing(): Promise<never> {
  throw ApplicationFailure.nonRetryable('案件材料不全', 'Incomplete');
}

export async function sleeper(wait: Duration): Promise<void> {
  await sleep(wait);
}

/** A timer with a short workflow task timeout, for the worker-dies-mid-task test. */
export async function shortTimer(wait: Duration): Promise<string> {
  await sleep(wait);
  return 'survived';
}
