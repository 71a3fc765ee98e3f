import type { Principal } from '@lep/auth';
import { caseUpdates } from '@lep/contracts';
import type { CasesService } from '../src/cases/cases.service';
import { CaseActionDto, DecisionDto, NoticeDto, StageActionDto } from '../src/cases/case-actions.dto';
import { CASE_WRITERS } from '../src/common/case-roles';

/**
 * case-api sends each action through its update's typed definition: a DTO that does not carry its update's
 * input does not compile. Never run, only type-checked (the typecheck target, in `npm test`): each
 * `@ts-expect-error` fails the type-check the day the mismatch it marks compiles.
 */
export function callsThatMustNotCompile(cases: CasesService, principal: Principal): void {
  const notice = new NoticeDto();
  const decision = new DecisionDto();
  // @ts-expect-error a notice carries no draftHash, which deciding needs
  void cases.act(principal, 'case-1', caseUpdates.decide, CASE_WRITERS, notice);
  // @ts-expect-error serving needs a note
  void cases.act(principal, 'case-1', caseUpdates.serve, CASE_WRITERS, new CaseActionDto());
  // @ts-expect-error the head's ruling is a task's answer, not a case action
  void cases.act(principal, 'case-1', caseUpdates.ruleOnDispute, CASE_WRITERS, decision);
  // The matching ones compile.
  void cases.act(principal, 'case-1', caseUpdates.decide, CASE_WRITERS, decision);
  void cases.act(principal, 'case-1', caseUpdates.serve, CASE_WRITERS, new StageActionDto());
}
