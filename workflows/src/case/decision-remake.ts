import type { DecisionRemakeClaim } from '@lep/contracts';

/**
 * The claim of a decision withdrawn to be re-made after archive by the one case re-making it (domain.md P9). The
 * claim is this workflow's id (remakeWorkflowId), which Temporal gives to one start only, so two cases started at
 * once for the same decision cannot both take it; the workflow itself has nothing to do but answer the case it
 * was claimed for (also in its memo, which case-api reads without a worker).
 */
export async function decisionRemake(claim: DecisionRemakeClaim): Promise<string> {
  return claim.caseId;
}
