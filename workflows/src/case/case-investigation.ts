import { setHandler } from '@temporalio/workflow';
import { CASE_ERROR_CODES, CASE_STAGE_NAMES, caseSignals, caseUpdates, type CaseStage } from '@lep/contracts';
import { latestRound, stageViolation } from './rules';
import { inspectionViolation, noPenaltyViolation } from './decision-kinds';
import { assertInspectionDraft, assertInspectionPlan } from './inspection-draft';
import { caseActivities, type CaseContext } from './case-context';

/**
 * 调查取证: records and evidence while the case is open, and the draft decision that ends the investigation (a
 * revised draft later is a new version). Evidence arrives as a signal and is linked by the loop, one step each.
 */
export function investigation(ctx: CaseContext): { linkEvidence: () => Promise<void> } {
  const { state, filedAt, record, moveTo, leaving, action, open, applyVerdict, declareMajor, evidenceInbox } =
    ctx;
  action(
    caseUpdates.addRecord,
    () => open('记录执法过程'),
    async (entry) => {
      await record(
        entry.actor,
        'record',
        entry.title,
        // An on-site record keeps its 亮证 and 告知 (domain.md R9).
        { content: entry.content, ...(entry.onSite ? { onSite: entry.onSite } : {}) },
        { evidence: entry.evidence },
      );
    },
  );

  action(
    caseUpdates.draftDecision,
    (draft) => {
      const wrong = stageViolation(
        state,
        ['investigating', 'drafting', 'notified', 'hearing', 'legal-review'],
        '提交决定草案',
      );
      if (wrong) return wrong;
      const latest = latestRound(state);
      if (state.stage === 'legal-review' && latest && latest.outcome === undefined)
        return { code: CASE_ERROR_CODES.wrongStage, message: '法制审核进行中，审核结束前不能修改决定草案' };
      const coercionCase = state.category === 'coercion';
      if (coercionCase !== (draft.coercion !== undefined))
        return {
          code: CASE_ERROR_CODES.coercionKindMismatch,
          message: coercionCase
            ? '行政强制案件的决定草案须写明强制措施或强制执行的种类（coercion.kind）'
            : '只有行政强制案件的决定草案才写明强制种类（coercion）',
        };
      const wrongKind = noPenaltyViolation(state, draft) ?? inspectionViolation(state, draft);
      if (wrongKind) return wrongKind;
      return state.stage === 'investigating' ? leaving('investigating') : undefined;
    },
    async (input) => {
      const { requestId: _request, actor, ...content } = input;
      assertInspectionDraft(state.category, content, ctx.draft);
      const prepared = await caseActivities.prepareDraft({
        agencyCode: state.agencyCode,
        itemCode: state.itemCode,
        asOf: filedAt,
        draft: content,
        facts: { ...content.facts, hearingHeld: Boolean(state.hearing?.heldAt) },
      });
      assertInspectionPlan(prepared.inspectionPlanProblem);
      ctx.draft = content;
      ctx.draftVersion++;
      state.draft = {
        hash: prepared.hash,
        documentNumber: content.documentNumber,
        submittedAt: new Date().toISOString(),
        version: ctx.draftVersion,
      };
      applyVerdict(prepared.verdict);
      const details = {
        draftHash: prepared.hash,
        version: ctx.draftVersion,
        major: state.major,
        majorReasons: state.majorReasons,
      };
      if (state.stage === 'investigating') await moveTo('drafting', actor, '调查终结，提交决定草案', details);
      else await record(actor, 'draft-revised', `修改决定草案（第 ${ctx.draftVersion} 稿）`, details);
    },
  );

  action(
    caseUpdates.declareMajor,
    () =>
      stageViolation(
        state,
        ['investigating', 'drafting', 'notified', 'hearing', 'legal-review'],
        '认定为重大执法决定',
      ),
    async ({ actor, reason }) => {
      declareMajor(reason);
      await record(actor, 'major-declared', '承办机构认定为重大执法决定', {
        reason,
        majorReasons: state.majorReasons,
      });
    },
  );

  setHandler(caseSignals.evidenceStored, (link) => {
    if (state.evidence.some((known) => known.evidenceId === link.evidenceId)) return;
    if (evidenceInbox.some((known) => known.evidenceId === link.evidenceId)) return;
    evidenceInbox.push(link);
  });

  async function linkEvidence(): Promise<void> {
    const link = evidenceInbox.shift();
    if (!link || state.evidence.some((known) => known.evidenceId === link.evidenceId)) return;
    state.evidence.push(link);
    await record(
      { id: link.capturedBy, role: 'handler', agencyCode: state.agencyCode },
      'evidence-linked',
      `证据入卷（${link.kind}，${CASE_STAGE_NAMES[link.stage as CaseStage] ?? link.stage}）`,
      {
        kind: link.kind,
        evidenceStage: link.stage,
        storedAt: link.storedAt,
        size: link.size,
        confidentiality: link.confidentiality,
      },
      { evidence: [{ evidenceId: link.evidenceId, sha256: link.sha256 }] },
    );
  }

  return { linkEvidence };
}
