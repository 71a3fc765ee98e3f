import {
  condition,
  defineQuery,
  defineSignal,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { type DecisionMadeData, WORKFLOW_TASK_TIMEOUT } from '@lep/contracts';
import type { DisclosureActivities, DisclosurePlan, PublishAttempt } from './activities';

export interface DisclosureDeadlineInput {
  decisionId: string;
  /**
   * The decision as the service consumed it, for the workflow's first activity to store. Only workflows started
   * while the intake lived here carry it: the service's consumer stores each decision (and publishes it when
   * nothing holds it back) and starts with the id alone the workflow of a record that waits.
   */
  decision?: DecisionMadeData;
}

export interface DisclosureDeadlineStatus {
  outcome: PublishAttempt;
  deadlineOn?: string;
  /** Why deadlineOn is provisional, while it is. */
  deadlineProvisional?: string | null;
  warned: boolean;
  overdue: boolean;
}

/**
 * Staff confirmed the masking, a reviewer signed off a block, the decision was withdrawn, or a year of the
 * calendar was loaded: look again (and count a provisional deadline again).
 */
export const disclosureChangedSignal = defineSignal('disclosureChanged');
export const disclosureStatusQuery = defineQuery<DisclosureDeadlineStatus>('disclosureStatus');

export function disclosureWorkflowId(decisionId: string): string {
  return `disclosure-${decisionId}`;
}

const ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
} as const;

/**
 * The steps as local activities ('local-disclosure-steps', issue #22: the receipt, the publication and the deadline
 * of a decision in one workflow task). Only histories recorded between that patch and 'disclosure-steps-on-server'
 * still take this path: a task that runs local activities spans several activations, and one its worker holds past
 * the task's timeout can take a `disclosureChanged` that arrived meanwhile in a later activation than a replay
 * gives it, so its history no longer replays (the case workflows' steps, workflows/src/case/case-steps.ts, say how;
 * docs/operations.md).
 */
const localActivities = proxyLocalActivities<DisclosureActivities>(ACTIVITY_OPTIONS);

/** The steps as (server) activities: before 'local-disclosure-steps', and again since 'disclosure-steps-on-server'. */
const serverActivities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);

const workflowNow = (): string => new Date(Date.now()).toISOString();

/**
 * Holds one decision's disclosure deadline (domain.md P7) as durable timers. It publishes as soon as nothing
 * holds the record back; while staff must confirm the masking or a reviewer must sign off a §4 block, it waits
 * for `disclosureChanged`. Still unpublished one working day before the deadline: a warning; after it: an
 * overdue record; the item remains publishable late, and the publish step records its timeliness. A deadline
 * counted without a year's notice is provisional and counted again on the next `disclosureChanged`, which the
 * service sends when the registry announces the year.
 */
export async function disclosureDeadlineWorkflow(input: DisclosureDeadlineInput): Promise<PublishAttempt> {
  const { decisionId } = input;
  // Newest patch first: a history from before 'local-disclosure-steps' holds neither marker and replays its server
  // activities, one recorded under it replays its local ones, and every new workflow runs its steps on the server.
  const activities =
    patched('disclosure-steps-on-server') || !patched('local-disclosure-steps')
      ? serverActivities
      : localActivities;
  const status: DisclosureDeadlineStatus = { outcome: 'waiting', warned: false, overdue: false };
  let changes = 0;
  let seen = 0;
  setHandler(disclosureChangedSignal, () => {
    changes += 1;
  });
  setHandler(disclosureStatusQuery, () => status);

  const plan = async (): Promise<DisclosurePlan> => {
    const planned = await activities.planDisclosure(decisionId);
    status.deadlineOn = planned.deadlineOn;
    status.deadlineProvisional = planned.provisional;
    return planned;
  };

  if (input.decision) {
    const redecisions = await activities.receiveDecision(input.decision);
    for (const redecision of redecisions) await startDisclosure(redecision);
  }
  // Publishing first: a record that nothing holds back goes out at once.
  status.outcome = await activities.tryPublish(decisionId, workflowNow());
  let current = await plan();
  while (status.outcome === 'waiting') {
    const next = !status.warned ? current.warnAt : !status.overdue ? current.overdueAt : undefined;
    const hasChanged = () => changes > seen;
    const changed =
      next === undefined
        ? (await condition(hasChanged), true)
        : await condition(hasChanged, Math.max(0, Date.parse(next) - Date.now()));
    if (changed) {
      seen = changes;
      if (current.provisional) current = await plan();
      status.outcome = await activities.tryPublish(decisionId, workflowNow());
    } else if (!status.warned) {
      await activities.recordDeadlineWarning(decisionId, workflowNow());
      status.warned = true;
    } else {
      await activities.recordOverdue(decisionId, workflowNow());
      status.overdue = true;
    }
  }
  return status.outcome;
}

/**
 * Starts the disclosure workflow of a re-decision that was parked until this decision arrived (stored now with
 * it). Abandoned, not owned: it lives as long as its own deadline. Already started (a retried activity answers
 * the same re-decisions again): nothing to do.
 */
async function startDisclosure(decision: DecisionMadeData): Promise<void> {
  try {
    await startChild(disclosureDeadlineWorkflow, {
      workflowId: disclosureWorkflowId(decision.decisionId),
      args: [{ decisionId: decision.decisionId, decision }],
      workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
