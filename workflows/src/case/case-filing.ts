import { CASE_EVENT_TYPES, type CaseFiledData, type CaseRefusedData } from '@lep/contracts';
import { endOfPeriod, shiftDays } from './instants';
import { avRequiredStages } from './rules';
import { answerApplication } from './case-application';
import { stepsOnServer } from './case-steps';
import {
  caseActivities,
  DECISION_LIMIT_DAYS,
  DECISION_WARNING_DAYS_BEFORE,
  type CaseContext,
} from './case-context';

/**
 * 立案: authority for the item and two certified handlers (domain.md P6), or the case is refused with the
 * reasons. An accepted case gets its deadlines and moves into investigation. True when accepted.
 */
export async function file(ctx: CaseContext): Promise<boolean> {
  const {
    state,
    caseId,
    input,
    event,
    record,
    moveTo,
    step,
    stageStep,
    recordTogether,
    setDeadline,
    caseRef,
  } = ctx;
  // Filing: authority for the item and two certified handlers, or the case is refused with the reasons.
  const filing = await caseActivities.checkFiling(input);
  if (!filing.accepted) {
    state.status = 'refused';
    state.refusalReasons = filing.reasons;
    await record(
      input.actor,
      'refused',
      '不予立案',
      { reasons: filing.reasons },
      {
        events: [
          event('caseLifecycle', CASE_EVENT_TYPES.refused, {
            caseId,
            agencyCode: input.agencyCode,
            caseNumber: input.caseNumber,
            reasons: filing.reasons,
          } satisfies CaseRefusedData),
        ],
      },
    );
    return false;
  }
  ctx.agency = filing.agency;
  ctx.itemName = filing.itemName;
  ctx.reviewSla = filing.reviewSla;
  ctx.avStages = avRequiredStages(filing.av);
  state.category = filing.category;
  const filed: CaseFiledData = {
    ...caseRef(),
    filedOn: input.filedOn,
    title: input.title,
    handlerIds: input.handlerIds,
    region: filing.agency.region,
    ...(input.application ? { applicationAccepted: true } : {}),
  };
  // A 行政许可 application not accepted (不予受理) ends the case here (domain.md P7a).
  if (!(await answerApplication(ctx, filed))) return false;
  state.status = 'open';
  if (filing.category === 'penalty') {
    const limit = endOfPeriod(input.filedOn, DECISION_LIMIT_DAYS);
    setDeadline('decision-limit', limit);
    setDeadline('decision-limit-warning', shiftDays(limit, -DECISION_WARNING_DAYS_BEFORE));
  }
  const filedEntry: Parameters<typeof record> = [
    input.actor,
    'filed',
    `立案：${input.title}`,
    {
      itemName: filing.itemName,
      handlerIds: input.handlerIds,
      parties: input.parties.map((party) => ({ type: party.type, name: party.name })),
      // 受理 of a 行政许可 application: when it was received (domain.md P7a).
      ...(input.application ? { applicationReceivedOn: input.application.receivedOn } : {}),
    },
    {
      events: [event('caseLifecycle', CASE_EVENT_TYPES.filed, filed)],
    },
  ];
  const investigating: Parameters<typeof moveTo> = ['investigating', input.actor, '进入调查取证', {}];
  if (stepsOnServer()) {
    // Filed and under investigation in one activity (case-steps-on-server): one workflow task less per case.
    await recordTogether([step(...filedEntry), stageStep(...investigating)]);
  } else {
    await record(...filedEntry);
    await moveTo(...investigating);
  }

  return true;
}
