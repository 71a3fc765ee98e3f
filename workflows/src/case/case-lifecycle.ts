import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { caseQueries, nextCaseDeadline, type CaseState, type StartCaseInput } from '@lep/contracts';
import { CaseContext } from './case-context';
import { coercionMeasures } from './case-coercion';
import { coercionMeasureWithdrawal } from './case-measure-withdrawal';
import { deadlines } from './case-deadlines';
import { decision } from './case-decision';
import { executionAndClosure } from './case-execution';
import { file } from './case-filing';
import { handlerReplacement } from './case-handlers';
import { investigation } from './case-investigation';
import { noticeAndHearing } from './case-notice-hearing';
import { reviewConclusion, reviewDispute, reviewSubmission } from './case-review';
import { revocation } from './case-revocation';

/**
 * One enforcement case from filing to archive (domain.md §5). Staff drive it with updates that answer at once
 * (refusals carry a stable code and a Chinese reason); durable timers carry the hearing window and the
 * 90-day decision limit; each round of legal review is a child workflow. Every change is one step in the
 * whole-process record, written with the case index, the task inbox and the events in one transaction.
 *
 * The phases register their handlers on one CaseContext (case-context.ts); this function files the case, then
 * waits for what the handlers cannot do themselves — evidence to link, a review round that ended, a calendar
 * year loaded, the next deadline — each done in turn with the handlers. Workflows already running replay on
 * this code: the phases issue the same activities and timers in the same order as before they were split.
 */
export async function caseLifecycle(input: StartCaseInput): Promise<CaseState> {
  const ctx = new CaseContext(input);
  const { state, serially, evidenceInbox, finishedReviews } = ctx;
  const { linkEvidence } = investigation(ctx);
  noticeAndHearing(ctx);
  reviewSubmission(ctx);
  reviewDispute(ctx);
  decision(ctx);
  executionAndClosure(ctx);
  const { recountDeadlines, fireDeadline } = deadlines(ctx);
  revocation(ctx);
  coercionMeasures(ctx);
  coercionMeasureWithdrawal(ctx);
  handlerReplacement(ctx);
  const { concludeReview } = reviewConclusion(ctx);
  setHandler(caseQueries.state, ctx.snapshot);

  if (!(await file(ctx))) return ctx.snapshot();

  while (state.status === 'open') {
    const seen = ctx.version;
    const next = nextCaseDeadline(state);
    const somethingHappened = () =>
      ctx.version !== seen ||
      evidenceInbox.length > 0 ||
      finishedReviews.length > 0 ||
      ctx.loadedYear !== undefined ||
      state.status !== 'open';
    const woke = next
      ? await condition(somethingHappened, Math.max(0, Date.parse(next.dueAt) - Date.now()))
      : (await condition(somethingHappened), true);
    while (evidenceInbox.length > 0) await serially(linkEvidence);
    while (finishedReviews.length > 0) {
      const result = finishedReviews.shift();
      if (result) await serially(() => concludeReview(result));
    }
    const loaded = ctx.loadedYear;
    if (loaded) {
      ctx.loadedYear = undefined;
      await serially(() => recountDeadlines(loaded));
    }
    if (!woke && next) await serially(() => fireDeadline(next.kind));
  }
  await condition(allHandlersFinished);
  return ctx.snapshot();
}
