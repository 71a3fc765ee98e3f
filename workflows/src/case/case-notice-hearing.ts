import { CASE_ERROR_CODES, caseUpdates } from '@lep/contracts';
import { stageViolation } from './rules';
import { caseActivities, type CaseContext } from './case-context';

/** 告知 and 听证: the notice (with or without hearing rights), the party's request within the window, the hearing. */
export function noticeAndHearing(ctx: CaseContext): void {
  const {
    state,
    filedAt,
    record,
    moveTo,
    setDeadline,
    provisionalEvents,
    hearingWindow,
    dropDeadlines,
    hearingWindowOpen,
    action,
    applyVerdict,
  } = ctx;
  action(
    caseUpdates.notify,
    () => stageViolation(state, ['drafting'], '告知当事人'),
    async (notice) => {
      const at = new Date().toISOString();
      const window = notice.hearingRights ? await hearingWindow(at) : undefined;
      state.notice = { at, hearingRights: notice.hearingRights, hearingWindowEndsAt: window?.dueAt };
      if (window) setDeadline('hearing-window', window.dueAt, window.provisional);
      await moveTo(
        'notified',
        notice.actor,
        notice.hearingRights ? '送达行政处罚事先告知书（含听证权利）' : '送达事先告知书',
        {
          hearingRights: notice.hearingRights,
          hearingWindowEndsAt: window?.dueAt ?? null,
          ...(window?.provisional ? { hearingWindowProvisional: window.provisional.reason } : {}),
        },
        window ? provisionalEvents('hearing-window', window) : [],
      );
    },
  );

  action(
    caseUpdates.requestHearing,
    () => {
      const wrong = stageViolation(state, ['notified'], '申请听证');
      if (wrong) return wrong;
      if (!state.notice?.hearingRights)
        return { code: CASE_ERROR_CODES.wrongStage, message: '本案告知书未告知听证权利，不适用听证程序' };
      if (!hearingWindowOpen())
        return {
          code: CASE_ERROR_CODES.hearingWindowClosed,
          message: `当事人应当在告知后五个工作日内提出听证要求，期限已于 ${state.notice.hearingWindowEndsAt} 届满`,
        };
      return undefined;
    },
    async (request) => {
      dropDeadlines('hearing-window');
      state.hearing = { requestedAt: new Date().toISOString() };
      await moveTo('hearing', request.actor, '当事人申请听证', {});
    },
  );

  action(
    caseUpdates.recordHearing,
    () => {
      const wrong = stageViolation(state, ['hearing'], '记录听证');
      if (wrong) return wrong;
      return state.hearing?.heldAt
        ? { code: CASE_ERROR_CODES.wrongStage, message: '听证已经记录' }
        : undefined;
    },
    async (hearing) => {
      if (state.hearing) state.hearing.heldAt = new Date().toISOString();
      // A hearing held can make the decision major (domain.md L3), so the catalogue is asked again.
      if (ctx.draft) {
        const prepared = await caseActivities.prepareDraft({
          agencyCode: state.agencyCode,
          itemCode: state.itemCode,
          asOf: filedAt,
          draft: ctx.draft,
          facts: { ...ctx.draft.facts, hearingHeld: true },
        });
        applyVerdict(prepared.verdict);
      }
      await record(hearing.actor, 'hearing-held', '听证笔录、听证报告', {
        report: hearing.report,
        major: state.major,
      });
    },
  );
}
