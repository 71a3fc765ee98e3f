import type { UpdateDefinition } from '@temporalio/common';
import { patched } from '@temporalio/workflow';
import { caseUpdates, type CaseStage, type CaseState, type StageActionInput } from '@lep/contracts';
import { assertFullProcessAv } from './av-coverage';
import { stageViolation } from './rules';
import { openMeasureReviewViolation } from './measure-review';
import { caseActivities, type CaseContext } from './case-context';

/** 送达, 执行, 结案, 归档: each a stage move from the stages it may follow, archiving ends the case. */
export function executionAndClosure(ctx: CaseContext): void {
  const { state, moveTo, leaving, action } = ctx;
  const simpleStage = (
    definition: UpdateDefinition<CaseState, [StageActionInput]>,
    from: CaseStage[],
    to: CaseStage,
    title: string,
    actionName: string,
  ) =>
    action(
      definition,
      () =>
        stageViolation(state, from, actionName) ??
        leaving(state.stage) ??
        (to === 'archived' ? openMeasureReviewViolation(state) : undefined),
      async (step) => {
        // 归档 seals the 案卷 (domain.md R6): the archive entry carries the hash of its manifest. Cases that
        // passed 归档 before this patch replay without the activity; their entries carry no seal.
        const sealed =
          to === 'archived' && patched('archive-seals-dossier')
            ? { dossier: await caseActivities.sealDossier(state.caseId) }
            : {};
        if (to === 'archived') state.status = 'archived';
        await moveTo(to, step.actor, title, { note: step.note, ...sealed });
      },
    );
  simpleStage(caseUpdates.serve, ['decided'], 'served', '送达决定书（送达回证）', '送达');
  action(
    caseUpdates.execute,
    () => stageViolation(state, ['served'], '记录执行') ?? leaving(state.stage),
    async (step) => {
      // A coercion case decided as 查封、扣押 or 强制拆除 is carried out under full-process AV (domain.md R4).
      if (ctx.draft?.coercion) assertFullProcessAv(ctx.draft.coercion.kind, step.carriedOut, state.evidence);
      await moveTo('executed', step.actor, '执行完毕', {
        note: step.note,
        ...(step.carriedOut ? { carriedOut: step.carriedOut } : {}),
      });
    },
  );
  simpleStage(caseUpdates.close, ['served', 'executed'], 'closed', '结案', '结案');
  simpleStage(caseUpdates.archive, ['closed'], 'archived', '立卷归档', '归档');
}
