import { Injectable, Logger } from '@nestjs/common';
import { PLATFORM_ADMIN, Principal, type Role } from '@lep/auth';
import { CaseTaskEntity } from '@lep/case-store';
import {
  caseUpdates,
  reviewUpdates,
  type CoordinationRuling,
  type ReviewCompletion,
  type ReviewConflictDeclaration,
  type ReviewExtension,
  type TaskClaimInput,
  type TaskClaimState,
} from '@lep/contracts';
import type { FieldViolation } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { ActionRunningView, actionRunning } from '../common/action-answer';
import { actorOf } from '../common/case-actor';
import { ActionOutcome, CaseWorkflows } from '../workflows/case-workflows';
import { toApiError, workflowErrors } from '../workflows/workflow-errors';
import { WorkflowNotFoundError } from '@temporalio/common';
import { taskErrors } from './task-errors';
import type {
  CompleteTaskDto,
  TaskConflictDeclarationDto,
  TaskExtensionDto,
  TaskListQuery,
  TaskPageView,
  TaskView,
} from './task.dto';

const REVIEW_FIELDS = ['checklist', 'opinion', 'outcome'] as const;
/** An action that needs no workflow call (its earlier answer stands). */
const FINISHED: ActionOutcome<unknown> = { finished: true, result: undefined };

/**
 * The workflow a task's actions go to: its review round, whose workflow id is the task's id (reviewWorkflowId for
 * the case's own rounds, measureReviewWorkflowId for a measure's, domain.md P13b), or (coordination) the case.
 */
function taskWorkflowId(task: Pick<TaskView, 'kind' | 'caseId' | 'taskId'>): string {
  return task.kind === 'legal-review' ? task.taskId : task.caseId;
}
const RULING_FIELDS = ['ruling', 'reason'] as const;

/**
 * The task inbox. Each task belongs to a workflow (its review round, or the case for a coordination task), which
 * opens, claims, releases and closes it; the worker's steps write the rows this service reads. People's claims,
 * releases, completions and extensions are that workflow's updates: nothing here writes a task or holds a lock.
 */
@Injectable()
export class TasksService {
  private readonly logger = new Logger(TasksService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: CaseWorkflows,
  ) {}

  /**
   * Tasks the caller's agency works (its review body's and head's tasks) or whose case it handles; platform
   * admins see all.
   */
  async list(principal: Principal, query: TaskListQuery): Promise<TaskPageView> {
    const { page, pageSize } = query;
    const builder = this.dataSource.getRepository(CaseTaskEntity).createQueryBuilder('t');
    if (!principal.roles.includes(PLATFORM_ADMIN))
      builder.andWhere('(t.assignee_agency_code = :agency OR t.agency_code = :agency)', {
        agency: principal.agencyCode ?? '',
      });
    if (query.assignee !== undefined)
      builder.andWhere('t.claimed_by = :assignee', { assignee: query.assignee });
    if (query.role !== undefined) builder.andWhere('t.assignee_role = :role', { role: query.role });
    if (query.state !== undefined) builder.andWhere('t.state = :state', { state: query.state });
    if (query.dueBefore !== undefined)
      builder.andWhere('t.due_at < :dueBefore', { dueBefore: new Date(query.dueBefore) });
    const [rows, total] = await builder
      .orderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.task_id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(taskView), total, page, pageSize };
  }

  /**
   * Takes an open task so colleagues see it is being worked; claiming one's own claimed task again changes
   * nothing. The task's workflow decides (a claim by someone else is refused there) and its step writes the row.
   */
  async claim(principal: Principal, taskId: string): Promise<TaskView> {
    const task = await this.find(taskId);
    await this.assertMayWork(principal, task);
    const by = actorOf(principal, [task.assigneeRole as Role]);
    return this.moveClaim(
      task,
      { taskId, by },
      task.kind === 'legal-review' ? reviewUpdates.claim : caseUpdates.claimTask,
    );
  }

  /** Gives a claimed task back to the body's inbox; only its claimant (or a platform admin) may. */
  async release(principal: Principal, taskId: string): Promise<TaskView> {
    const task = await this.find(taskId);
    const administering = principal.roles.includes(PLATFORM_ADMIN);
    if (!administering) await this.assertMayWork(principal, task);
    const by = actorOf(principal, [task.assigneeRole as Role]);
    return this.moveClaim(
      task,
      { taskId, by, administering },
      task.kind === 'legal-review' ? reviewUpdates.release : caseUpdates.releaseTask,
    );
  }

  /** Sends a claim or release to the task's workflow; the row its step wrote is the answer. */
  private async moveClaim(
    task: CaseTaskEntity,
    input: TaskClaimInput,
    update: UpdateDefinition<TaskClaimState, [TaskClaimInput]>,
  ): Promise<TaskView> {
    if (task.state !== 'open' && task.state !== 'claimed') throw taskErrors.notOpen();
    let outcome: ActionOutcome<TaskClaimState>;
    try {
      outcome = await this.workflows.update(taskWorkflowId(task), update, input, randomUUID());
    } catch (error) {
      throw toApiError(error, true);
    }
    // Claims are quick; one not answered within the wait is retried by the caller (claiming again is harmless).
    if (!outcome.finished) throw workflowErrors.unavailable();
    return this.current(task.taskId);
  }

  /**
   * Completes a review task (checklist, opinion, outcome → the round's legalReview workflow) or a coordination
   * task (the head's final ruling → the case workflow). The workflow runs its task's updates one at a time and
   * checks the task each time, so of two completions the second is refused (409) whichever arrives second. A
   * retry of the completion that closed the task (same request id, kept on the task by the workflow) answers
   * the completed task. The workflow, not this service, marks the task completed.
   */
  async complete(
    principal: Principal,
    taskId: string,
    dto: CompleteTaskDto,
  ): Promise<TaskView | ActionRunningView> {
    const task = await this.find(taskId);
    await this.assertMayWork(principal, task);
    const outcome = await (async () => {
      // This very completion again (its answer was lost): answered with the task it completed, applied once.
      if (task.state === 'completed' && task.outcome?.requestId === dto.requestId) return FINISHED;
      if (task.state !== 'open' && task.state !== 'claimed') throw taskErrors.notOpen();
      try {
        if (task.kind === 'legal-review') {
          assertFields(dto, REVIEW_FIELDS, [...RULING_FIELDS, 'collectiveDiscussion']);
          const completion: ReviewCompletion = {
            taskId,
            reviewer: actorOf(principal, ['legal-reviewer']),
            checklist: dto.checklist as ReviewCompletion['checklist'],
            opinion: dto.opinion as string,
            outcome: dto.outcome as ReviewCompletion['outcome'],
            requestId: dto.requestId,
          };
          return await this.workflows.update(
            taskWorkflowId(task),
            reviewUpdates.complete,
            completion,
            dto.requestId,
          );
        }
        assertFields(dto, RULING_FIELDS, REVIEW_FIELDS);
        if (dto.ruling === 'overrule' && !dto.collectiveDiscussion)
          throw taskErrors.fields([
            {
              field: 'collectiveDiscussion',
              rule: 'requiredToOverrule',
              message: '推翻法制审核意见须经集体讨论，collectiveDiscussion 必须提供',
            },
          ]);
        const ruling: CoordinationRuling = {
          taskId,
          head: actorOf(principal, ['leader']),
          ruling: dto.ruling as CoordinationRuling['ruling'],
          reason: dto.reason as string,
          collectiveDiscussion: dto.collectiveDiscussion,
          requestId: dto.requestId,
        };
        return await this.workflows.update(
          taskWorkflowId(task),
          caseUpdates.ruleOnDispute,
          ruling,
          dto.requestId,
        );
      } catch (error) {
        // A review round's workflow ends with its task: ended since the task was read (a completion at the same
        // moment won the race), the task is no longer open — which the task, not the case, answers.
        if (task.kind === 'legal-review' && error instanceof WorkflowNotFoundError)
          throw taskErrors.notOpen();
        throw toApiError(error, true);
      }
    })();
    return this.answer(taskId, dto.requestId, outcome, 'complete');
  }

  /**
   * 延长审核期限: the head of the review body grants the round's SLA 3 more working days, once; the workflow
   * moves the deadline and refuses a second extension.
   */
  async extend(
    principal: Principal,
    taskId: string,
    dto: TaskExtensionDto,
  ): Promise<TaskView | ActionRunningView> {
    const task = await this.find(taskId);
    if (task.kind !== 'legal-review') throw taskErrors.notExtendable();
    if (!principal.roles.includes('leader') || principal.agencyCode !== task.assigneeAgencyCode)
      throw taskErrors.notAssignee();
    if (task.state !== 'open' && task.state !== 'claimed') throw taskErrors.notOpen();
    const extension: ReviewExtension = {
      taskId,
      approvedBy: actorOf(principal, ['leader']),
      reason: dto.reason,
    };
    let outcome: ActionOutcome<unknown>;
    try {
      outcome = await this.workflows.update(
        taskWorkflowId(task),
        reviewUpdates.extend,
        extension,
        dto.requestId,
      );
    } catch (error) {
      throw toApiError(error, true);
    }
    return this.answer(taskId, dto.requestId, outcome, 'extension');
  }

  /**
   * 自行回避: a reviewer of the review body declares a conflict of interest with the case (domain.md L2b). The
   * round's workflow records it, gives back a claim the declarer holds, and refuses the declarer's claim or
   * completion of the round from then on.
   */
  async declareConflict(
    principal: Principal,
    taskId: string,
    dto: TaskConflictDeclarationDto,
  ): Promise<TaskView | ActionRunningView> {
    const task = await this.find(taskId);
    if (task.kind !== 'legal-review') throw taskErrors.notReviewTask();
    await this.assertMayWork(principal, task);
    if (task.state !== 'open' && task.state !== 'claimed') throw taskErrors.notOpen();
    const declaration: ReviewConflictDeclaration = {
      taskId,
      by: actorOf(principal, ['legal-reviewer']),
      reason: dto.reason,
    };
    let outcome: ActionOutcome<unknown>;
    try {
      outcome = await this.workflows.update(
        taskWorkflowId(task),
        reviewUpdates.declareConflict,
        declaration,
        dto.requestId,
      );
    } catch (error) {
      throw toApiError(error, true);
    }
    return this.answer(taskId, dto.requestId, outcome, 'conflict declaration');
  }

  /** The outcome of a completion or extension sent earlier with `requestId` (a 202 answer's Location). */
  async actionOutcome(
    principal: Principal,
    taskId: string,
    requestId: string,
  ): Promise<TaskView | ActionRunningView> {
    const task = await this.find(taskId);
    await this.assertMayWork(principal, task);
    let outcome: ActionOutcome<unknown>;
    try {
      outcome = await this.workflows.outcome<unknown>(
        taskWorkflowId(task),
        requestId,
        task.kind === 'legal-review' ? reviewUpdates.complete : caseUpdates.ruleOnDispute,
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw workflowErrors.actionNotFound();
      throw toApiError(error, true);
    }
    return this.answer(taskId, requestId, outcome);
  }

  /** The task after a finished action; an action still running says where to ask and what its workflow waits on. */
  private async answer(
    taskId: string,
    requestId: string,
    outcome: ActionOutcome<unknown>,
    action?: string,
  ): Promise<TaskView | ActionRunningView> {
    if (outcome.finished) return this.current(taskId);
    const task = await this.current(taskId);
    const waitingOn = await this.workflows.waitingOn(taskWorkflowId(task));
    if (action)
      this.logger.warn(
        `task ${taskId}: ${action} (${requestId}) still running after the wait: ${waitingOn.join('; ')}`,
      );
    return actionRunning(
      requestId,
      `/api/v1/tasks/${encodeURIComponent(taskId)}/actions/${encodeURIComponent(requestId)}`,
      waitingOn,
    );
  }

  private async current(taskId: string): Promise<TaskView> {
    return taskView(await this.find(taskId));
  }

  /** The task as the inbox projection shows it (written by the worker's steps, never here). */
  private async find(taskId: string): Promise<CaseTaskEntity> {
    const task = await this.dataSource.getRepository(CaseTaskEntity).findOneBy({ taskId });
    if (!task) throw taskErrors.notFound();
    return task;
  }

  /**
   * Only the role the task is addressed to, in the agency it is addressed to, works a task; a handler of the
   * case never works its review (the workflow checks the same again). Platform admins get no exception: the
   * record must name a real reviewer or head. (They may release a stuck claim, see release.)
   */
  private async assertMayWork(principal: Principal, task: CaseTaskEntity): Promise<void> {
    const role = task.assigneeRole as Principal['roles'][number];
    if (!principal.roles.includes(role) || principal.agencyCode !== task.assigneeAgencyCode)
      throw taskErrors.notAssignee();
    if (task.kind !== 'legal-review') return;
    const rows: { handler_ids: string[] }[] = await this.dataSource.query(
      `SELECT handler_ids FROM case_file WHERE case_id = $1`,
      [task.caseId],
    );
    if (rows[0]?.handler_ids.includes(principal.subject)) throw taskErrors.reviewerIsHandler();
  }
}

/** The fields a task kind needs must be there; the other kind's fields must not be (400, nothing applied). */
function assertFields(
  dto: CompleteTaskDto,
  required: readonly (keyof CompleteTaskDto)[],
  foreign: readonly (keyof CompleteTaskDto)[],
): void {
  const violations: FieldViolation[] = [
    ...required
      .filter((field) => dto[field] === undefined)
      .map((field) => ({ field, rule: 'isDefined', message: `字段 ${field} 必须提供` })),
    ...foreign
      .filter((field) => dto[field] !== undefined)
      .map((field) => ({ field, rule: 'taskKind', message: `字段 ${field} 不适用于该类任务` })),
  ];
  if (violations.length > 0) throw taskErrors.fields(violations);
}

function taskView(task: CaseTaskEntity): TaskView {
  return {
    taskId: task.taskId,
    caseId: task.caseId,
    agencyCode: task.agencyCode,
    kind: task.kind,
    round: task.round,
    state: task.state,
    assigneeAgencyCode: task.assigneeAgencyCode,
    assigneeRole: task.assigneeRole,
    claimedBy: task.claimedBy,
    dueAt: task.dueAt?.toISOString() ?? null,
    escalated: task.escalated,
    payload: task.payload,
    outcome: task.outcome,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    completedBy: task.completedBy ?? null,
  };
}
