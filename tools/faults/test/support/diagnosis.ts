import { readFile } from 'node:fs/promises';
import { Connection, WorkflowClient } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { caseQueries } from '@lep/contracts';
import { testDataConverter } from '@lep/testing';
import { SERVICE_NAMES, type Stack } from './stack';

const LOG_TAIL_LINES = 80;
const HISTORY_TAIL_EVENTS = 40;
const QUERY_DEADLINE_MS = 10_000;

/**
 * What an operator would look at when a case stalls: each service's last words, and for every case still in
 * flight its workflow as Temporal holds it (pending activities with their last failure, the end of its history).
 * Printed when the run fails, so a failure that happens once in several runs can be understood from that run.
 */
export async function describeFailure(stack: Stack, casesInFlight: string[]): Promise<string> {
  const sections = [
    ...(await Promise.all(SERVICE_NAMES.map((service) => logTail(stack.logFile(service), service)))),
    ...(await workflowsOf(stack.temporal.address, casesInFlight)),
  ];
  return sections.join('\n');
}

async function logTail(file: string, service: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines = text.trimEnd().split('\n');
  return `── ${service}: last ${Math.min(lines.length, LOG_TAIL_LINES)} of ${lines.length} log lines (${file})\n${lines.slice(-LOG_TAIL_LINES).join('\n')}`;
}

async function workflowsOf(address: string, workflowIds: string[]): Promise<string[]> {
  const connection = await Connection.connect({ address });
  try {
    // The stack's services encrypt with this test file's keys: describe() decodes the memo with them.
    const client = new WorkflowClient({ connection, dataConverter: testDataConverter() });
    return await Promise.all(workflowIds.map((id) => describeWorkflow(client, id)));
  } finally {
    await connection.close();
  }
}

async function describeWorkflow(client: WorkflowClient, workflowId: string): Promise<string> {
  try {
    const handle = client.getHandle(workflowId);
    const { raw, status } = await handle.describe();
    const pending = (raw.pendingActivities ?? []).map(
      (activity) =>
        `  pending ${activity.activityType?.name} attempt ${activity.attempt} ${temporal.api.enums.v1.PendingActivityState[activity.state ?? 0]}: ${activity.lastFailure?.message ?? 'no failure'}`,
    );
    const task = raw.pendingWorkflowTask;
    // Straight to Temporal, past case-api: does a worker answer the case's query at all?
    const queried = await client.connection
      .withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(caseQueries.state))
      .then(
        () => 'answered',
        (error: unknown) => `no answer (${error instanceof Error ? error.message : String(error)})`,
      );
    const { events } = await handle.fetchHistory();
    const tail = (events ?? []).slice(-HISTORY_TAIL_EVENTS).map((event) => {
      const failure =
        event.workflowTaskFailedEventAttributes?.failure?.message ??
        event.activityTaskFailedEventAttributes?.failure?.message ??
        event.workflowExecutionUpdateRejectedEventAttributes?.failure?.message;
      const type = temporal.api.enums.v1.EventType[event.eventType ?? 0];
      return `  #${event.eventId} ${type}${failure ? `: ${failure}` : ''}`;
    });
    return [
      `── workflow ${workflowId}: ${status.name}, ${events?.length ?? 0} events, pending workflow task: ${task ? `${temporal.api.enums.v1.PendingWorkflowTaskState[task.state ?? 0]} attempt ${task.attempt}` : 'none'}, query: ${queried}`,
      ...pending,
      ...tail,
    ].join('\n');
  } catch (error) {
    return `── workflow ${workflowId}: cannot describe (${error instanceof Error ? error.message : String(error)})`;
  }
}
