import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
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
        history: historyToJSON(
          await decodedPayloads(history, client.options.loadedDataConverter.payloadCodecs),
        ),
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

type Payload = temporal.api.common.v1.IPayload;

/**
 * `value` with every payload in it decoded by `codecs` (last first, as the SDK does), so the corpus is written as
 * the workflows saw their data: a harness whose client encrypts payloads (issue #21's codec) still writes plaintext
 * histories, which replay with the default data converter. A codec leaves payloads it did not encode as they are.
 */
export async function decodedPayloads<T>(value: T, codecs: PayloadCodec[]): Promise<T> {
  if (codecs.length === 0) return value;
  const decode = async (payloads: Payload[]) => {
    let decoded = payloads;
    for (const codec of [...codecs].reverse()) decoded = await codec.decode(decoded);
    return decoded;
  };
  const isPayload = (candidate: unknown): candidate is Payload =>
    typeof candidate === 'object' && candidate !== null && 'metadata' in candidate && 'data' in candidate;
  const walk = async (node: unknown): Promise<unknown> => {
    if (Array.isArray(node))
      return node.length > 0 && node.every(isPayload) ? decode(node) : Promise.all(node.map(walk));
    if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) return node;
    if (isPayload(node)) return (await decode([node]))[0];
    const entries = await Promise.all(
      Object.entries(node).map(async ([key, child]) => [key, await walk(child)] as const),
    );
    return Object.fromEntries(entries);
  };
  return (await walk(value)) as T;
}
