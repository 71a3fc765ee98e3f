import {
  ActivityFailure,
  ApplicationFailure,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
} from '@temporalio/workflow';
import type { CaseActivities } from './activities';

const RETRY = { initialInterval: '1 second', maximumInterval: '30 seconds' } as const;

/** The case workflows' activities as server activities: how every call ran before 'local-case-steps'. */
const serverActivities = proxyActivities<CaseActivities>({
  // A dead worker's attempt is retried after 10 s.
  startToCloseTimeout: '10 seconds',
  retry: RETRY,
});

/**
 * The steps run as local activities, in the worker that runs the workflow task: each is one or a few database or
 * registry round trips, idempotent (applyStep by its entry key, the claims by the task's state, the rest read
 * only), and as a server activity each cost a schedule, a poll, a completion and a new workflow task through the
 * server (issue #22: filing 100 cases took 8.8 s with them, 4.8 s without, and Temporal's CPU 7× more). A local
 * step is retried inside the workflow task for a few seconds only: one that still fails (the database or registry
 * down) goes on as the same activity on the server, where it is retried as before and case-api's `waitingOn`
 * names it with its attempts and last failure (local activities never appear among a workflow's pending ones).
 */
const localActivities = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '3 seconds',
  scheduleToCloseTimeout: '3 seconds',
  retry: RETRY,
});

type LocalStep =
  'checkFiling' | 'prepareDraft' | 'workingDaysEnd' | 'agencyRegion' | 'applyStep' | 'applyTaskClaim';

/**
 * One step: local first, behind the patch 'local-case-steps' asked per call, so a workflow replaying a history
 * recorded before it schedules the server activities its history holds (its later calls, past the history, run
 * locally). A refusal the activity means (non-retryable) or a cancellation is the step's answer, not a reason to
 * try on the server.
 */
function localFirst<K extends LocalStep>(name: K): CaseActivities[K] {
  type Call = (...args: unknown[]) => Promise<unknown>;
  const server = serverActivities[name] as unknown as Call;
  const local = localActivities[name] as unknown as Call;
  const step: Call = async (...args) => {
    if (!patched('local-case-steps')) return server(...args);
    try {
      return await local(...args);
    } catch (error) {
      const meant =
        error instanceof ActivityFailure &&
        error.cause instanceof ApplicationFailure &&
        error.cause.nonRetryable;
      if (!(error instanceof ActivityFailure) || meant || isCancellation(error)) throw error;
      return server(...args);
    }
  };
  return step as unknown as CaseActivities[K];
}

/**
 * The case workflows' activities. The registry's checks of who acts (officers, reviewers, the principal leader)
 * stay server activities: an action waits on them before anything else, and case-api's 202 answer names them
 * with their attempt and last failure while the registry is down (bounded-actions.spec). Sealing the dossier
 * hashes the whole record and may take longer than a local step is given.
 */
export const caseActivities: CaseActivities = {
  checkFiling: localFirst('checkFiling'),
  prepareDraft: localFirst('prepareDraft'),
  workingDaysEnd: localFirst('workingDaysEnd'),
  agencyRegion: localFirst('agencyRegion'),
  applyStep: localFirst('applyStep'),
  applyTaskClaim: localFirst('applyTaskClaim'),
  checkReviewer: serverActivities.checkReviewer,
  checkPrincipalLeader: serverActivities.checkPrincipalLeader,
  checkActingOfficers: serverActivities.checkActingOfficers,
  sealDossier: serverActivities.sealDossier,
  issueDecisionDocument: serverActivities.issueDecisionDocument,
  voidDocument: serverActivities.voidDocument,
};
