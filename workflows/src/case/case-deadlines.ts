import { getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  caseSignals,
  caseUpdates,
  type CalendarLayerLoaded,
  type CaseDeadlineExtendedData,
  type CaseDeadlineFiredData,
  type CaseDeadlineKind,
} from '@lep/contracts';
import { shiftDays } from './instants';
import { latestRound } from './rules';
import { SYSTEM_ACTOR } from './system-actor';
import { DECISION_WARNING_DAYS_BEFORE, type CaseContext } from './case-context';

/**
 * The decision limit's approved extension, the calendar's loaded years (provisional deadlines counted again) and
 * the deadlines that fire (called by the loop when the next deadline's timer ends).
 */
export function deadlines(ctx: CaseContext): {
  recountDeadlines: (loaded: CalendarLayerLoaded) => Promise<void>;
  fireDeadline: (kind: CaseDeadlineKind) => Promise<void>;
} {
  const {
    state,
    event,
    record,
    deadline,
    setDeadline,
    provisionalEvents,
    hearingWindow,
    action,
    open,
    caseRef,
  } = ctx;
  action(
    caseUpdates.extendDecisionLimit,
    (extension) => {
      const wrong = open('延长办案期限');
      if (wrong) return wrong;
      if (!deadline('decision-limit'))
        return { code: CASE_ERROR_CODES.wrongStage, message: '本案没有尚未届满的决定期限，无需延长' };
      if (!Number.isInteger(extension.days) || extension.days < 1)
        return { code: CASE_ERROR_CODES.wrongStage, message: '延长天数必须为正整数' };
      return undefined;
    },
    async (extension) => {
      const limit = deadline('decision-limit');
      if (!limit) return;
      const newDueAt = shiftDays(limit.dueAt, extension.days);
      setDeadline('decision-limit', newDueAt);
      setDeadline('decision-limit-warning', shiftDays(newDueAt, -DECISION_WARNING_DAYS_BEFORE));
      await record(
        extension.actor,
        'decision-limit-extended',
        `经机关负责人批准延长办案期限 ${extension.days} 日`,
        {
          approvedBy: extension.approvedBy,
          reason: extension.reason,
          newDueAt,
        },
        {
          events: [
            event('caseLifecycle', CASE_EVENT_TYPES.deadlineExtended, {
              ...caseRef(),
              deadline: 'decision-limit',
              newDueAt,
              approvedBy: extension.approvedBy,
              reason: extension.reason,
            } satisfies CaseDeadlineExtendedData),
          ],
        },
      );
    },
  );

  setHandler(caseSignals.calendarChanged, (loaded) => {
    ctx.loadedYear = loaded;
  });

  /**
   * A year of the calendar was loaded: a provisional hearing window is counted again (a window that closed on
   * the provisional count opens again if the party is still waiting for the decision), and the open review
   * round is told to count its time limit again.
   */
  async function recountDeadlines(loaded: CalendarLayerLoaded): Promise<void> {
    const window = deadline('hearing-window');
    if (window?.provisional && state.notice && state.stage === 'notified') {
      const counted = await hearingWindow(state.notice.at);
      if (counted.dueAt !== window.dueAt || !counted.provisional) {
        state.notice.hearingWindowEndsAt = counted.dueAt;
        setDeadline('hearing-window', counted.dueAt, counted.provisional);
        // A window that closed on the provisional count and has closed on the true one too stays closed.
        const recounted = deadline('hearing-window');
        if (recounted && window.fired && Date.parse(counted.dueAt) <= Date.now()) recounted.fired = true;
        await record(
          SYSTEM_ACTOR,
          'deadline-recounted',
          '节假日安排已录入，重新计算听证申请期限',
          {
            deadline: 'hearing-window',
            previousDueAt: window.dueAt,
            dueAt: counted.dueAt,
            provisional: counted.provisional?.reason ?? null,
          },
          { events: provisionalEvents('hearing-window', counted) },
        );
      }
    }
    const latest = latestRound(state);
    if (latest && latest.outcome === undefined)
      await getExternalWorkflowHandle(latest.taskId).signal(caseSignals.calendarChanged, loaded);
    // Open rounds on major measures (domain.md P13b) count their time limits again too: only cases that opened
    // one since the rule have any, so recorded histories signal as before.
    for (const open of (state.measureReviews ?? []).filter((review) => review.outcome === undefined))
      await getExternalWorkflowHandle(open.taskId).signal(caseSignals.calendarChanged, loaded);
  }

  async function fireDeadline(kind: CaseDeadlineKind): Promise<void> {
    const due = deadline(kind);
    if (!due || due.fired || Date.parse(due.dueAt) > Date.now()) return;
    due.fired = true;
    const titles: Partial<Record<CaseDeadlineKind, string>> = {
      'hearing-window': '听证申请期限届满，当事人未申请听证',
      'decision-limit-warning': `距作出决定的法定期限不足 ${DECISION_WARNING_DAYS_BEFORE} 日`,
      'decision-limit': '已超过作出决定的法定期限（立案之日起九十日）',
    };
    await record(
      SYSTEM_ACTOR,
      `deadline:${kind}`,
      titles[kind] ?? kind,
      { dueAt: due.dueAt },
      {
        events: [
          event('caseLifecycle', CASE_EVENT_TYPES.deadlineFired, {
            ...caseRef(),
            deadline: kind,
            dueAt: due.dueAt,
          } satisfies CaseDeadlineFiredData),
        ],
      },
    );
  }

  return { recountDeadlines, fireDeadline };
}
