import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { HISTORIES_DIR, historyToJSON, type RecordedHistory } from '../corpus';

const EventType = temporal.api.enums.v1.EventType;

/** A running workflow is idle when the last of these is a completed task (none scheduled or started after it). */
const WORKFLOW_TASK_EVENTS = new Set<temporal.api.enums.v1.EventType>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
]);

/**
 * Writes a workflow's history as it stands into the corpus, as
 * `workflows/test/replay/histories/<workflowType>/<scenario>.json`. A workflow still running (waiting on a timer, a
 * signal or staff) is recorded once it is idle: its last workflow task completed and no activity pending, and the
 * history unchanged over a few looks; the replay test then replays it up to that point, as a worker picking up
 * an open case after a deploy does.
 */
export async function recordHistory(client: Client, workflowId: string, scenario: string): Promise<string> {
  const handle = client.workflow.getHandle(workflowId);
  const deadline = Date.now() + 60_000;
  let last = -1;
  let stableLooks = 0;
  for (;;) {
    const [description, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
    const events = history.events ?? [];
    const lastEvent = events[events.length - 1];
    const lastTaskEvent = events.filter((event) => WORKFLOW_TASK_EVENTS.has(event.eventType!)).pop();
    const settled =
      description.status.name !== 'RUNNING' ||
      (lastTaskEvent?.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED &&
        (description.raw.pendingActivities?.length ?? 0) === 0);
    stableLooks = settled && events.length === last ? stableLooks + 1 : 0;
    last = events.length;
    if (stableLooks >= 3) {
      const recorded: RecordedHistory = {
        workflowId,
        workflowType: description.type,
        scenario,
        history: historyToJSON(history),
      };
      const file = path.join(HISTORIES_DIR, description.type, `${scenario}.json`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(recorded, null, 2));
      // Formatted as `prettier --check .` (part of npm test) expects the committed files; prettier's API loads its
      // plugins by dynamic import, which jest refuses, so its command line does it.
      execFileSync(process.execPath, [
        require.resolve('prettier/bin/prettier.cjs'),
        '--write',
        '--log-level=warn',
        file,
      ]);
      return file;
    }
    if (Date.now() > deadline)
      throw new Error(`${workflowId} (${scenario}) did not settle: last event ${lastEvent?.eventType}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
