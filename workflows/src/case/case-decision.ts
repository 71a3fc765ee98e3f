import { chinaDateOf } from '@lep/calendar';
import { CASE_EVENT_TYPES, caseDecisionId, caseUpdates, type DecisionMadeData } from '@lep/contracts';
import { documentViolation } from './decision-document';
import { inspectionDateViolation, inspectionResult } from './decision-kinds';
import { decisionDateViolation, decisionViolation } from './rules';
import { type CaseContext } from './case-context';

/** 作出决定: only from the draft the latest review approved (domain.md L1); the decision.made event is queued. */
export function decision(ctx: CaseContext): void {
  const { state, caseId, input, caseRef, event, moveTo, dropDeadlines, action, readyForDecisionStep } = ctx;
  action(
    caseUpdates.decide,
    (decision) =>
      readyForDecisionStep('作出决定') ??
      decisionViolation(state, decision.draftHash) ??
      documentViolation(state, decision) ??
      (decision.decidedOn === undefined
        ? undefined
        : decisionDateViolation(state, decision.decidedOn, {
            today: chinaDateOf(Date.now()),
            filedOn: input.filedOn,
          })) ??
      inspectionDateViolation(ctx.draft, decision.decidedOn ?? chinaDateOf(Date.now())),
    async (decision) => {
      if (!ctx.agency || !ctx.draft || !state.draft) return;
      ctx.decisions++;
      const decisionId = caseDecisionId(caseId, ctx.decisions);
      const decidedAt = new Date().toISOString();
      const enteredOn = chinaDateOf(decidedAt);
      // The date on the 决定书 counts (domain.md L1a); a decision entered days after it says so in the record.
      const decidedOn = decision.decidedOn ?? enteredOn;
      // A decision on the approved 决定书 carries that document's 文号 (decision-document.ts).
      const document = state.draft.document;
      const documentNumber = document?.number ?? ctx.draft.documentNumber;
      state.decision = {
        decisionId,
        decidedAt,
        decidedOn,
        draftHash: state.draft.hash,
        documentNumber,
        ...(document ? { document } : {}),
      };
      dropDeadlines('decision-limit', 'decision-limit-warning');
      const made: DecisionMadeData = {
        ...caseRef(),
        decisionId,
        documentNumber,
        decidedOn,
        decidedAt,
        agencyName: ctx.agency.name,
        agencyCreditCode: ctx.agency.creditCode,
        region: ctx.agency.region,
        major: state.major,
        party: ctx.draft.party,
        otherPersonNames: input.otherPersonNames,
        penalty: ctx.draft.penalty,
        noPenalty: ctx.draft.noPenalty,
        licensing: ctx.draft.licensing,
        other: ctx.draft.other,
        coercion: ctx.draft.coercion,
        inspection: inspectionResult(ctx.draft, ctx.itemName ?? state.itemCode),
        tradeSecretFields: ctx.draft.tradeSecretFields,
        publicationBlocks: ctx.draft.publicationBlocks,
        draftHash: state.draft.hash,
        ...(document ? { document } : {}),
        replacesDecisionId: ctx.replacesDecisionId,
      };
      ctx.replacesDecisionId = undefined;
      await moveTo(
        'decided',
        decision.actor,
        `作出决定（${documentNumber}）`,
        {
          decisionId,
          draftHash: state.draft.hash,
          ...(document ? { documentId: document.documentId, documentSha256: document.sha256 } : {}),
          decidedOn,
          ...(decidedOn < enteredOn ? { enteredLate: true, enteredOn } : {}),
        },
        [event('caseDecision', CASE_EVENT_TYPES.decisionMade, made, decisionId)],
      );
    },
  );
}
