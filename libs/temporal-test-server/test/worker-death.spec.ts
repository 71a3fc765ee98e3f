import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { createWorker, replayAll, startTarget, type Target } from './environment';
import * as wf from './workflows';

let target: Target;

beforeAll(async () => {
  target = await startTarget();
});

afterAll(async () => {
  await target?.stop();
});

describe('a worker that dies mid-task', () => {
  it('re-dispatches the workflow task after its timeout so a second worker finishes the workflow', async () => {
    const workflowId = `abandoned-${randomUUID()}`;
    const handle = await target.env.client.workflow.start(wf.shortTimer, {
      taskQueue: target.taskQueue,
      workflowId,
      args: [target.long(1)],
      workflowTaskTimeout: '1 second',
    });
    target.started.push(handle);
    // A "worker" that takes the first workflow task and never answers, as a crashed process would.
    const service = target.env.connection.workflowService;
    const taken = await service.pollWorkflowTaskQueue({
      namespace: 'default',
      taskQueue: { name: target.taskQueue },
      identity: 'dies-mid-task',
    });
    expect(taken.workflowExecution?.workflowId).toBe(workflowId);
    // An operator sees the task held by the dead worker, as `temporal workflow describe` shows it.
    const { raw } = await handle.describe();
    expect(raw.pendingWorkflowTask).toMatchObject({
      state: temporal.api.enums.v1.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED,
      attempt: 1,
    });

    const survivor = await createWorker(target, { identity: 'survivor' });
    const result = await survivor.runUntil(handle.result());
    expect(result).toBe('survived');
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.filter((event) => event.workflowTaskTimedOutEventAttributes)).toHaveLength(1);
    await expect(replayAll(target)).resolves.toEqual([]);
  });
});
