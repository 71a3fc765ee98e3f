import { patched } from '@temporalio/workflow';
import { chinaDateOf } from '@lep/calendar';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  COERCION_KIND_NAMES,
  caseDecisionId,
  caseUpdates,
  type DecisionMadeData,
} from '@lep/contracts';
import { assertFullProcessAv } from './av-coverage';
import { coercionMeasureViolation } from './decision-kinds';
import { remakeViolation } from './case-measure-withdrawal';
import { caseActivities, type CaseContext } from './case-context';
import { MEASURE_REVIEW_PATCH, measureReview } from './measure-review';

/**
 * 行政强制 inside a case (domain.md P13): a 查封、扣押 while the case is investigated, or a 加处罚款、代履行 once it is
 * decided, is a decision of its own. It takes the next decision number of the case, is one step of the
 * whole-process record and sends its own decision.made (category coercion), so publication discloses it on its
 * own clock and statistics count it as 行政强制. The case's stage and its final decision are untouched.
 */
export function coercionMeasures(ctx: CaseContext): void {
  const { state, input, caseRef, event, record, action } = ctx;
  const reviews = measureReview(ctx);
  action(
    caseUpdates.takeCoercionMeasure,
    (measure) => {
      const wrong =
        coercionMeasureViolation(state, measure.coercion.kind) ??
        // Only inputs that name a measure to re-make can be refused here: older ones never do (replay).
        (measure.replacesDecisionId ? remakeViolation(state, measure.replacesDecisionId) : undefined);
      if (wrong) return wrong;
      const today = chinaDateOf(Date.now());
      if (measure.decidedOn > today)
        return {
          code: CASE_ERROR_CODES.decisionDateInvalid,
          message: `强制决定书载明的日期 ${measure.decidedOn} 晚于今天（${today}），不能预填决定日期`,
        };
      if (measure.decidedOn < input.filedOn)
        return {
          code: CASE_ERROR_CODES.decisionDateInvalid,
          message: `强制决定书载明的日期 ${measure.decidedOn} 早于立案日期 ${input.filedOn}`,
        };
      return undefined;
    },
    async (measure) => {
      if (!ctx.agency) return;
      assertFullProcessAv(measure.coercion.kind, measure.carriedOut, state.evidence);
      const {
        requestId: _request,
        actor,
        decidedOn,
        carriedOut,
        replacesDecisionId,
        urgent: _urgent,
        majorByUnit,
        ...document
      } = measure;
      const { party } = document;
      // The handler declares nothing beside the measure's document: the catalogue judges what it decides.
      const declared = {
        partyType: party.type === 'individual-business' ? ('natural-person' as const) : party.type,
        measures: [],
        multipleLegalRelations: false,
        majorPublicInterest: false,
        majorSocialImpact: false,
      };
      // The measure's document is hashed as a draft is (domain.md L3a), so the record names what was decided.
      const prepared = await caseActivities.prepareDraft({
        agencyCode: state.agencyCode,
        itemCode: state.itemCode,
        asOf: ctx.filedAt,
        draft: { ...document, facts: declared },
        facts: { ...declared, hearingHeld: Boolean(state.hearing?.heldAt) },
      });
      // A major measure is reviewed before it is taken, or within 24 hours when urgent (domain.md P13b). Measures
      // taken before the rule carry no marker and replay as they were: taken at once.
      const majorReasons = [
        ...(majorByUnit ? [`承办机构认定：${majorByUnit.reason}`] : []),
        ...(prepared.verdict.major ? prepared.verdict.reasons : []),
      ];
      const major =
        (prepared.verdict.major || majorByUnit !== undefined) && patched(MEASURE_REVIEW_PATCH)
          ? {
              input: measure,
              draft: { ...document, facts: declared },
              draftHash: prepared.hash,
              majorReasons,
            }
          : undefined;
      const taking = major ? await reviews.beforeTaking(major) : undefined;
      if (major && !taking) return;
      ctx.decisions++;
      const decisionId = caseDecisionId(state.caseId, ctx.decisions);
      const decidedAt = new Date().toISOString();
      const enteredOn = chinaDateOf(decidedAt);
      const made: DecisionMadeData = {
        ...caseRef(),
        category: 'coercion',
        decisionId,
        documentNumber: document.documentNumber,
        decidedOn,
        decidedAt,
        agencyName: ctx.agency.name,
        agencyCreditCode: ctx.agency.creditCode,
        region: ctx.agency.region,
        major: prepared.verdict.major || majorByUnit !== undefined,
        party,
        otherPersonNames: input.otherPersonNames,
        other: document.other,
        coercion: document.coercion,
        tradeSecretFields: document.tradeSecretFields,
        publicationBlocks: document.publicationBlocks,
        draftHash: prepared.hash,
        ...(replacesDecisionId ? { replacesDecisionId } : {}),
      };
      state.coercionMeasures = [
        ...(state.coercionMeasures ?? []),
        {
          decisionId,
          documentNumber: document.documentNumber,
          kind: document.coercion.kind,
          decidedOn,
          decidedAt,
          ...(carriedOut ? { carriedOut } : {}),
          ...(replacesDecisionId ? { replacesDecisionId } : {}),
          ...(taking && 'reviewTaskId' in taking ? { reviewTaskId: taking.reviewTaskId } : {}),
          ...(taking && 'urgent' in taking ? { urgent: true as const } : {}),
        },
      ];
      await record(
        actor,
        'coercion-measure',
        `${COERCION_KIND_NAMES[document.coercion.kind]}（${document.documentNumber}）`,
        {
          decisionId,
          kind: document.coercion.kind,
          documentHash: prepared.hash,
          decidedOn,
          ...(carriedOut ? { carriedOut } : {}),
          ...(replacesDecisionId ? { replacesDecisionId } : {}),
          ...(decidedOn < enteredOn ? { enteredLate: true, enteredOn } : {}),
          ...(taking && 'reviewTaskId' in taking ? { reviewTaskId: taking.reviewTaskId } : {}),
          ...(taking && 'urgent' in taking ? { urgent: true } : {}),
        },
        { events: [event('caseDecision', CASE_EVENT_TYPES.decisionMade, made, decisionId)] },
      );
      if (major && taking && 'urgent' in taking) await reviews.afterUrgentTaking(major, decisionId);
    },
  );
}
