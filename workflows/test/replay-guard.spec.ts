import path from 'node:path';
import {
  DefaultLogger,
  makeTelemetryFilterString,
  Runtime,
  type ReplayWorkerOptions,
} from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { NormalModuleReplacementPlugin } from 'webpack';
import { readCorpus, WORKFLOWS_SRC, type CorpusEntry } from './replay/corpus';
import { divergences, replayBundle } from './replay/replay-corpus';

/**
 * Proof that the replay test (replay.spec.ts) guards: the recorded case histories replayed against caseLifecycle
 * with one phase changed — 送达 first waits an hour for the service receipt (test/replay/variants), swapped in
 * for workflows/src/case/case-execution.ts when the case worker's code is bundled. Shipped as is, the change
 * breaks exactly the recorded cases that were served; behind `patched(...)` it breaks none.
 */
// The failures below are expected: core's warning for each failed workflow task would only be noise.
Runtime.install({
  logger: new DefaultLogger('ERROR'),
  telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } },
});

const CASE_SRC = path.join(WORKFLOWS_SRC, 'case');
const cases = readCorpus().filter((entry) => entry.workflowType === 'caseLifecycle');
const BUNDLING_TIMEOUT = 300_000;

/** The case worker's code with case-lifecycle's `./case-execution` replaced by `variant` (a variants/ module). */
function withCaseExecution(variant: string): Partial<ReplayWorkerOptions> {
  return {
    bundlerOptions: {
      webpackConfigHook: (config) => ({
        ...config,
        plugins: [
          ...(config.plugins ?? []),
          new NormalModuleReplacementPlugin(
            /^\.\/case-execution$/,
            (resource: { context: string; request: string }) => {
              if (resource.context === CASE_SRC)
                resource.request = path.join(__dirname, 'replay/variants', variant);
            },
          ),
        ],
      }),
    },
  };
}

/** Whether the case was served (its history accepted a `serve` update): the changed phase ran in it. */
function served(entry: CorpusEntry): boolean {
  const events = (
    entry.history as {
      events: {
        workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest?: { input?: { name?: string } } };
      }[];
    }
  ).events;
  return events.some(
    (event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'serve',
  );
}

describe('a change to one phase of caseLifecycle (a timer before 送达)', () => {
  it(
    'unpatched, fails the replay of every recorded case that was served, with a determinism violation',
    async () => {
      const servedCases = cases.filter(served).map((entry) => entry.file);
      expect(servedCases.length).toBeGreaterThan(0);
      const outcomes = await replayBundle('case', cases, withCaseExecution('unpatched-case-execution.ts'));
      const failed = outcomes.filter((outcome) => outcome.error);
      expect(failed.map((outcome) => outcome.file)).toEqual(servedCases);
      for (const { error } of failed) {
        expect(error).toBeInstanceOf(DeterminismViolationError);
        // Core names the command the history did not expect: the new timer.
        expect(error!.message).toMatch(/Nondeterminism|nondeterminism/);
      }
    },
    BUNDLING_TIMEOUT,
  );

  it(
    'behind patched("serve-waits-for-receipt"), replays every recorded case cleanly',
    async () => {
      const outcomes = await replayBundle('case', cases, withCaseExecution('patched-case-execution.ts'));
      expect(outcomes).toHaveLength(cases.length);
      expect(divergences(outcomes)).toEqual([]);
    },
    BUNDLING_TIMEOUT,
  );
});
