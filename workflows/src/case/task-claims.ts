import { CASE_ERROR_CODES, type TaskClaimInput, type TaskClaimState } from '@lep/contracts';
import type { TaskClaimChange } from '@lep/case-store';
import { refusal } from './refusal';

/** An inbox task as the workflow that owns it sees it: open until answered, held by whoever claimed it. */
export interface ClaimableTask {
  taskId: string;
  open: boolean;
  claimedBy?: string;
}

function assertOpen(task: ClaimableTask | undefined, taskId: string): asserts task is ClaimableTask {
  if (!task?.open || task.taskId !== taskId)
    throw refusal(CASE_ERROR_CODES.taskNotOpen, `任务 ${taskId} 已办结或不存在`);
}

/** Claiming a task someone else holds is refused; claiming one's own claim again changes nothing. */
export function assertClaimable(task: ClaimableTask | undefined, input: TaskClaimInput): void {
  assertOpen(task, input.taskId);
  assertNotHeldByOther(task, input.by.id);
}

/** Only the claimant gives a claimed task back, or a platform admin releasing a stuck claim. */
export function assertReleasable(task: ClaimableTask | undefined, input: TaskClaimInput): void {
  assertOpen(task, input.taskId);
  if (task.claimedBy !== undefined && task.claimedBy !== input.by.id && !input.administering)
    throw refusal(CASE_ERROR_CODES.taskNotClaimant, '只有领取人可以退回该任务');
}

/** A task someone claimed is answered by that person only. */
export function assertNotHeldByOther(task: ClaimableTask, personId: string): void {
  if (task.claimedBy !== undefined && task.claimedBy !== personId)
    throw refusal(CASE_ERROR_CODES.taskClaimedByOther, '任务已由其他人员领取');
}

/**
 * Moves the claim (`holder` undefined: back to the inbox) and has the worker's step write the inbox row; a claim
 * that does not move writes nothing. Returns who holds the task now.
 */
export async function moveClaim(
  task: ClaimableTask,
  holder: string | undefined,
  write: (change: TaskClaimChange) => Promise<void>,
  remember: (holder: string | undefined) => void,
): Promise<TaskClaimState> {
  if (task.claimedBy !== holder) {
    remember(holder);
    await write({ taskId: task.taskId, claimedBy: holder ?? null });
  }
  return { taskId: task.taskId, state: holder === undefined ? 'open' : 'claimed', claimedBy: holder ?? null };
}
