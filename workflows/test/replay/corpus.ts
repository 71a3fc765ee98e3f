import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

/** The recorded histories: `<workflowType>/<scenario>.json`, written by `npm run record-histories`. */
export const HISTORIES_DIR = path.join(__dirname, 'histories');

/** The workflow sources, as the tests' workers bundle them (jest maps @lep/workflows to them). */
export const WORKFLOWS_SRC = path.resolve(__dirname, '../../src');

/** One file of the corpus. */
export interface RecordedHistory {
  /** Histories carry no workflow id; the workflows derive ids from theirs (a case's review rounds), so it is kept. */
  workflowId: string;
  workflowType: string;
  scenario: string;
  /** The history as Temporal's JSON (historyToJSON; what `temporal workflow show --output json` prints). */
  history: unknown;
}

/**
 * Each worker's bundle (the folder of workflows/src it bundles: nest-kit's workflowCode, scripts/bundle.js) and
 * the workflow types its task queue runs: each history replays against the code of the worker that runs it.
 */
export const WORKER_BUNDLES = {
  case: {
    folder: '',
    workflowTypes: ['caseLifecycle', 'legalReview', 'decisionWithdrawal', 'decisionRemake'],
  },
  publication: { folder: 'publication', workflowTypes: ['disclosureDeadlineWorkflow'] },
  statistics: {
    folder: 'statistics',
    workflowTypes: ['annualReportScheduleWorkflow', 'annualReportWorkflow', 'certificateSweepWorkflow'],
  },
} as const;

export type WorkerBundle = keyof typeof WORKER_BUNDLES;

export interface CorpusEntry extends RecordedHistory {
  /** Relative to the histories folder, e.g. `caseLifecycle/minor-decided-archived.json`. */
  file: string;
}

export function readCorpus(): CorpusEntry[] {
  return readdirSync(HISTORIES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(HISTORIES_DIR, dir.name))
        .filter((name) => name.endsWith('.json'))
        .map((name) => {
          const file = `${dir.name}/${name}`;
          const recorded = JSON.parse(
            readFileSync(path.join(HISTORIES_DIR, file), 'utf8'),
          ) as RecordedHistory;
          return { ...recorded, file };
        }),
    )
    .sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Temporal's history JSON, read and written with the protobufjs that built @temporalio/proto's types. The SDK's own
 * historyToJSON / historyFromJSON (@temporalio/common/lib/proto-utils) use @temporalio/common's copy of protobufjs,
 * and npm installs separate copies here (the root keeps protobufjs 7 for @grpc/proto-loader), so they throw
 * "type must be a Type"; the conversion is the same otherwise.
 */
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }): unknown;
}
const protoJson: ProtoJson = createRequire(require.resolve('@temporalio/proto/package.json'))(
  'protobufjs/ext/protojson',
);
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

export function historyToJSON(history: proto.temporal.api.history.v1.IHistory): unknown {
  return protoJson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history));
}

export function historyFromJSON(json: unknown): proto.temporal.api.history.v1.IHistory {
  return protoJson.fromJson(historyType, json, {
    ignoreUnknownFields: true,
  }) as proto.temporal.api.history.v1.IHistory;
}

/** What Worker.runReplayHistories takes, one per entry, in the entries' order. */
export function replayInputs(entries: CorpusEntry[]): HistoryAndWorkflowId[] {
  return entries.map((entry) => ({ workflowId: entry.workflowId, history: historyFromJSON(entry.history) }));
}

export function bundleOf(workflowType: string): WorkerBundle | undefined {
  return (Object.keys(WORKER_BUNDLES) as WorkerBundle[]).find((bundle) =>
    (WORKER_BUNDLES[bundle].workflowTypes as readonly string[]).includes(workflowType),
  );
}
