import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { DisclosureActivities, DisclosurePlan, PublishAttempt } from './activities';

export interface DisclosureDeadlineInput {
  decisionId: string;
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

const activities = proxyActivities<DisclosureActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

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
