import { DefaultLogger, Runtime } from '@temporalio/worker';
import * as workflows from '../src';
import { bundleOf, readCorpus, WORKER_BUNDLES, type WorkerBundle } from './replay/corpus';
import { divergences, replayBundle } from './replay/replay-corpus';

/**
 * The gate for workflow changes (docs/workflow-versioning.md): every recorded history in test/replay/histories —
 * real runs of every workflow type, finished and still waiting — replays against the current code. A change that
 * would make running workflows take another path (an activity, timer or child added, removed or reordered without
 * `patched`) fails here, naming the history and the divergence; Temporal would fail those workflows' tasks in
 * production the same way.
 */
Runtime.install({ logger: new DefaultLogger('ERROR') });

const corpus = readCorpus();
// Replay bundles the workers' workflow code with webpack, as a worker does at start: tens of seconds each.
const BUNDLING_TIMEOUT = 300_000;

describe('the history corpus', () => {
  it('holds histories of every workflow type the workers run, each type with a worker', () => {
    const exported = Object.entries(workflows)
      .filter(([, value]) => typeof value === 'function' && value.constructor.name === 'AsyncFunction')
      .map(([name]) => name)
      .sort();
    const hosted = Object.values(WORKER_BUNDLES)
      .flatMap((bundle) => bundle.workflowTypes)
      .sort();
    expect(hosted).toEqual(exported);
    const recorded = new Set(corpus.map((entry) => entry.workflowType));
    expect(exported.filter((type) => !recorded.has(type))).toEqual([]);
    expect(corpus.filter((entry) => bundleOf(entry.workflowType) === undefined)).toEqual([]);
  });

  it('keeps each history under its workflow type, from a real run that got past its first task', () => {
    for (const entry of corpus) {
      expect(entry.file.startsWith(`${entry.workflowType}/`)).toBe(true);
      const events = (entry.history as { events: { eventType: string }[] }).events;
      expect(events[0].eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
      expect(events.some((event) => event.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED')).toBe(true);
    }
  });
});

// Workers run the bundles without the tracing interceptors unless their process records traces: both replay.
describe.each(
  (Object.keys(WORKER_BUNDLES) as WorkerBundle[]).flatMap((bundle) => [
    [bundle, 'without tracing', false] as const,
    [bundle, 'with the tracing interceptors', true] as const,
  ]),
)('the %s worker %s', (bundle, _, traced) => {
  const entries = corpus.filter((entry) => bundleOf(entry.workflowType) === bundle);

  it(
    'replays every recorded history of its workflows against the current code',
    async () => {
      expect(entries.length).toBeGreaterThan(0);
      const outcomes = await replayBundle(bundle, entries, { traced });
      expect(outcomes.map((outcome) => outcome.file)).toEqual(entries.map((entry) => entry.file));
      expect(divergences(outcomes)).toEqual([]);
    },
    BUNDLING_TIMEOUT,
  );
});
