import path from 'node:path';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { replayInputs, WORKER_BUNDLES, WORKFLOWS_SRC, type CorpusEntry, type WorkerBundle } from './corpus';

const TRACING_INTERCEPTORS =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

export interface ReplayOutcome {
  file: string;
  /** Why the history did not replay (a DeterminismViolationError when the code took another path), if it did not. */
  error?: Error;
}

/**
 * Replays `entries` (histories of `bundle`'s workflow types) in Temporal's SDK core, with no server, against that
 * worker's workflow code: the sources its tests bundle (nest-kit's workflowCode), so a change shows here before it
 * is built; `traced`: with the tracing interceptors, as a worker whose process records traces runs them
 * (scripts/bundle.js makes both bundles). `options` changes how the code is bundled (the guard test swaps one phase
 * for a variant).
 */
export async function replayBundle(
  bundle: WorkerBundle,
  entries: CorpusEntry[],
  { traced = false, ...options }: Partial<ReplayWorkerOptions> & { traced?: boolean } = {},
): Promise<ReplayOutcome[]> {
  const outcomes: ReplayOutcome[] = [];
  const results = Worker.runReplayHistories(
    {
      workflowsPath: path.join(WORKFLOWS_SRC, WORKER_BUNDLES[bundle].folder),
      interceptors: { workflowModules: traced ? [TRACING_INTERCEPTORS] : [] },
      // The interceptors' span sink must be there, though a replay records nothing (sinks are not called while
      // replaying).
      sinks: { exporter: { export: { fn: () => undefined } } },
      ...options,
    },
    replayInputs(entries),
  );
  // Results come one per history, in the order given.
  let index = 0;
  for await (const result of results) {
    outcomes.push({ file: entries[index].file, error: result.error });
    index += 1;
  }
  return outcomes;
}

/** One line per history that failed: the file and how it diverged, as a failing test prints them. */
export function divergences(outcomes: ReplayOutcome[]): string[] {
  return outcomes
    .filter((outcome) => outcome.error)
    .map((outcome) => `${outcome.file}: ${outcome.error!.name}: ${outcome.error!.message}`);
}
