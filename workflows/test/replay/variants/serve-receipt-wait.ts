import { sleep } from '@temporalio/workflow';
import type { CaseContext } from '../../../src/case/case-context';
import { executionAndClosure } from '../../../src/case/case-execution';

/**
 * A change to one phase of caseLifecycle, for the replay guard test only (never in workflows/src): 送达 now waits
 * an hour for the service receipt before the case moves to `served`, a timer no recorded case started. `when`
 * decides, at the moment a decision is served, whether this case waits: always (the change as a careless deploy
 * ships it), or behind `patched(...)` (as docs/workflow-versioning.md prescribes).
 */
export function executionAndClosureWaitingForReceipt(when: () => boolean) {
  return (ctx: CaseContext): void => {
    const moveTo: CaseContext['moveTo'] = async (stage, ...rest) => {
      if (stage === 'served' && when()) await sleep('1 hour');
      return ctx.moveTo(stage, ...rest);
    };
    // The phase reads the context's members when it registers its handlers: it sees the waiting moveTo.
    executionAndClosure(Object.assign(Object.create(ctx) as CaseContext, { moveTo }));
  };
}
