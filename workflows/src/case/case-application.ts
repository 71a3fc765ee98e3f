import {
  APPLICATION_ANSWER_WORKING_DAYS,
  CASE_EVENT_TYPES,
  type ApplicationNotAccepted,
  type CaseFiledData,
} from '@lep/contracts';
import { caseActivities, type CaseContext } from './case-context';

/**
 * 受理 / 不予受理 of a 行政许可 application (domain.md P7a), when the filing carries one (licensing items only, the
 * filing check refuses it on others). Accepted: the case goes on as any filed case, its `case.filed` event saying
 * the application was accepted. Not accepted: one step records the 不予受理 with its reason, legal basis and
 * written notice, `case.filed` says the application was not accepted (申请数 but not 受理数, domain.md §7.1), and
 * the case ends there. Returns whether the application was accepted.
 *
 * Decided by the workflow's input only (filings before `application` existed never take it), so it needs no patch
 * (docs/workflow-versioning.md).
 */
export async function answerApplication(ctx: CaseContext, filedEvent: CaseFiledData): Promise<boolean> {
  const { state, input, event, record } = ctx;
  const application = input.application;
  if (!application) return true;
  const { notAccepted } = application;
  if (!notAccepted) {
    state.application = { ...application, accepted: true };
    return true;
  }
  const decidedLate = await answeredLate(ctx, application.receivedOn, notAccepted);
  state.application = { ...application, accepted: false, decidedLate };
  state.status = 'not-accepted';
  await record(
    input.actor,
    'application-not-accepted',
    `不予受理：${input.title}`,
    {
      receivedOn: application.receivedOn,
      decidedOn: notAccepted.decidedOn,
      reason: notAccepted.reason,
      legalBasis: notAccepted.legalBasis,
      noticeNumber: notAccepted.noticeNumber,
      decidedLate,
      handlerIds: input.handlerIds,
      parties: input.parties.map((party) => ({ type: party.type, name: party.name })),
    },
    {
      events: [
        event('caseLifecycle', CASE_EVENT_TYPES.filed, {
          ...filedEvent,
          applicationAccepted: false,
        } satisfies CaseFiledData),
      ],
    },
  );
  return false;
}

/** Whether the 不予受理 came after art. 32's 5 working days from receipt (on the agency's calendar). */
async function answeredLate(
  ctx: CaseContext,
  receivedOn: string,
  notAccepted: ApplicationNotAccepted,
): Promise<boolean> {
  const window = await caseActivities.workingDaysEnd({
    region: ctx.agency?.region ?? 'national',
    from: `${receivedOn}T00:00:00+08:00`,
    workingDays: APPLICATION_ANSWER_WORKING_DAYS,
  });
  return Date.parse(`${notAccepted.decidedOn}T00:00:00+08:00`) >= Date.parse(window.dueAt);
}
