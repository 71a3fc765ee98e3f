import { isCancellation, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
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
 * server (issue #22, bench/README.md: filing 11–18 % faster, an update's record steps 10–16 %). A local
 * step is tried three times inside the workflow task: one that still fails (the database or registry
 * down) goes on as the same activity on the server, where it is retried as before and case-api's `waitingOn`
 * names it with its attempts and last failure (local activities never appear among a workflow's pending ones).
 */
const localActivities = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '3 seconds',
  // Three attempts (at 0, 1 and 3 s when each fails at once). Attempts, not a schedule-to-close timeout: the SDK
  // went on retrying a local activity past its schedule-to-close timeout (seen 15 s after a 3 s one).
  retry: { ...RETRY, maximumAttempts: 3 },
});

type LocalStep =
  'checkFiling' | 'prepareDraft' | 'workingDaysEnd' | 'agencyRegion' | 'applyStep' | 'applyTaskClaim';

/**
 * One step: local first, behind the patch 'local-case-steps' asked per call, so a workflow replaying a history
 * recorded before it schedules the server activities its history holds (its later calls, past the history, run
 * locally). These steps refuse nothing by failing (a refusal is a value they answer), so a failure left after the
 * local attempts is an outage, and the step waits on the server; a cancellation is passed on.
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
      // The SDK hands a local activity's last failure over as it is (an ApplicationFailure, not wrapped in an
      // ActivityFailure as a server activity's is): whatever it is, only a cancellation stops the step here.
      if (isCancellation(error)) throw error;
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
