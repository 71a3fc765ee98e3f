// What history a workflow task carries (this server's choice: not a conformance scenario, since a real Temporal
// gives the normal queue full histories and a worker's sticky queue the increment).
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { TemporalTestServer } from '../src';
import { activities } from './activities';
import { quietRuntime } from './environment';
import * as wf from './workflows';

const { EventType } = temporal.api.enums.v1;

let server: TemporalTestServer;
let connection: Connection;

beforeAll(async () => {
  quietRuntime();
  server = await TemporalTestServer.start({ timeSkipping: false });
  connection = await Connection.connect({ address: server.address });
});

afterAll(async () => {
  await connection?.close();
  await server?.stop();
});

describe('the history a workflow task carries', () => {
  it('is the whole history on the first task, then only what came after the last completed task', async () => {
    const service = connection.workflowService;
    const taskQueue = `history-${randomUUID()}`;
    const workflowId = `history-${randomUUID()}`;
    await service.startWorkflowExecution({
      namespace: 'default',
      workflowId,
      workflowType: { name: 'handWritten' },
      taskQueue: { name: taskQueue },
      requestId: randomUUID(),
    });
    const poll = () =>
      service.pollWorkflowTaskQueue({
        namespace: 'default',
        taskQueue: { name: taskQueue },
        identity: 'test',
      });

    const first = await poll();
    expect(first.history?.events?.[0]?.eventId?.toString()).toBe('1');
    await service.respondWorkflowTaskCompleted({
      taskToken: first.taskToken,
      commands: [],
      identity: 'test',
    });
    await service.signalWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId },
      signalName: 'approve',
      requestId: randomUUID(),
    });

    const second = await poll();
    expect(second.previousStartedEventId?.toString()).toBe(first.startedEventId?.toString());
    expect(second.history?.events?.map((event) => event.eventType)).toEqual([
      EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
      EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
    ]);
    expect(second.history?.events?.[0]?.eventId?.toString()).toBe(String(Number(first.startedEventId) + 1));
  });

  it('lets a worker without the run in its cache fetch the rest and finish it', async () => {
    const taskQueue = `history-${randomUUID()}`;
    const client = new Client({ connection });
    const handle = await client.workflow.start(wf.waitForApproval, { taskQueue, workflowId: randomUUID() });
    const worker = async () =>
      Worker.create({
        connection: await NativeConnection.connect({ address: server.address }),
        taskQueue,
        workflowsPath: require.resolve('./workflows'),
        activities,
      });
    // The first worker runs the workflow to its wait and goes away with the run in its cache; the next task
    // carries only the signal, so the second worker must fetch the history from the start to replay it.
    const first = await worker();
    await first.runUntil(async () => {
      while ((await handle.fetchHistory()).events?.length !== 4) await new Promise((r) => setTimeout(r, 50));
    });
    await handle.signal(wf.approve, 'yes');
    const second = await worker();
    await expect(second.runUntil(handle.result())).resolves.toBe('yes');
  });
});
