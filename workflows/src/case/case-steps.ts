import { isCancellation, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from './activities';

const RETRY = { initialInterval: '1 second', maximumInterval: '30 seconds' } as const;

/**
 * The case workflows' activities as server activities: how every call ran before 'local-case-steps', and runs
 * again since 'case-steps-on-server'.
 */
const serverActivities = proxyActivities<CaseActivities>({
  // A dead worker's attempt is retried after 10 s.
  startToCloseTimeout: '10 seconds',
  retry: RETRY,
});

/**
 * The steps as local activities, in the worker that runs the workflow task ('local-case-steps', issue #22: filing
 * took half the time). Only histories recorded between 'local-case-steps' and 'case-steps-on-server' still take
 * this path. A local step is tried three times inside the workflow task: one that still fails goes on as the same
 * activity on the server.
 */
const localActivities = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '3 seconds',
  // Three attempts (at 0, 1 and 3 s when each fails at once). Attempts, not a schedule-to-close timeout: the SDK
  // went on retrying a local activity past its schedule-to-close timeout (seen 15 s after a 3 s one).
  retry: { ...RETRY, maximumAttempts: 3 },
});

type LocalStep =
  'checkFiling' | 'prepareDraft' | 'workingDaysEnd' | 'agencyRegion' | 'applyStep' | 'applyTaskClaim';

/** The patch that moved the steps back to the server (docs/workflow-versioning.md). */
const CASE_STEPS_ON_SERVER = 'case-steps-on-server';

/**
 * Whether this workflow runs its steps on the server under CASE_STEPS_ON_SERVER, where several steps may go in one
 * activity (applySteps): false while replaying a history recorded before it, which holds one activity per step.
 */
export function stepsOnServer(): boolean {
  return patched(CASE_STEPS_ON_SERVER);
}

/**
 * One step, as the server activity it is again since CASE_STEPS_ON_SERVER. A workflow task that runs local
 * activities spans several activations; when its worker holds it past the task's timeout (starved of CPU or
 * paused), the SDK's core applies the server's next attempt — with the signals and updates that arrived
 * meanwhile — to the same run after the first activations, and the history it completes cannot be replayed: the
 * core puts those signals and updates in the task's first activation on replay, the workflow's commands come in
 * another order, and the case stops on a nondeterminism error (seen in the fault suite; services/worker's
 * frozen-worker.spec reproduces it; docs/operations.md). A server activity ends the task it is scheduled in, so a
 * task is one activation and nothing can arrive in its middle.
 *
 * The patches are asked per call, newest first: a history recorded before 'local-case-steps' holds server
 * activities and no marker of either; one recorded under it holds its marker and local markers, and replays
 * locally; every call past the end of a history records CASE_STEPS_ON_SERVER and goes to the server. These steps
 * refuse nothing by failing (a refusal is a value they answer), so a local failure is an outage: it waits on the
 * server; a cancellation is passed on.
 */
function caseStep<K extends LocalStep>(name: K): CaseActivities[K] {
  type Call = (...args: unknown[]) => Promise<unknown>;
  const server = serverActivities[name] as unknown as Call;
  const local = localActivities[name] as unknown as Call;
  const step: Call = async (...args) => {
    if (stepsOnServer() || !patched('local-case-steps')) return server(...args);
    try {
      return await local(...args);
    } catch (error) {
      // The SDK hands a local activity's last failure over as it is (an ApplicationFailure, not wrapped in an
      // ActivityFailure as a server activity's is): whatever it is, only a cancellation stops the step here.
      if (isCancellation(error)) throw error;
      return server(...args);
    }
  };
  return step as unknown as CaseActivities[K];
}

/**
 * The case workflows' activities: the steps above; applySteps, several steps in one activity, only ever on the
 * server (stepsOnServer); and the registry's checks of who acts (officers, reviewers, the principal leader),
 * sealing the dossier and the documents service's calls, which were server activities under every patch (case-api's
 * 202 answer names a check with its attempt and last failure while the registry is down, bounded-actions.spec).
 */
export const caseActivities: CaseActivities = {
  checkFiling: caseStep('checkFiling'),
  prepareDraft: caseStep('prepareDraft'),
  workingDaysEnd: caseStep('workingDaysEnd'),
  agencyRegion: caseStep('agencyRegion'),
  applyStep: caseStep('applyStep'),
  applyTaskClaim: caseStep('applyTaskClaim'),
  applySteps: serverActivities.applySteps,
  checkReviewer: serverActivities.checkReviewer,
  checkPrincipalLeader: serverActivities.checkPrincipalLeader,
  checkActingOfficers: serverActivities.checkActingOfficers,
  sealDossier: serverActivities.sealDossier,
  issueDecisionDocument: serverActivities.issueDecisionDocument,
  voidDocument: serverActivities.voidDocument,
};
