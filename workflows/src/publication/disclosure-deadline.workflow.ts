import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { DisclosureActivities, PublishAttempt } from './activities';

export interface DisclosureDeadlineInput {
  decisionId: string;
}

export interface DisclosureDeadlineStatus {
  outcome: PublishAttempt;
  deadlineOn?: string;
  warned: boolean;
  overdue: boolean;
}

/** Staff confirmed the masking, a reviewer signed off a block, or the decision was withdrawn: look again. */
export const disclosureChangedSignal = defineSignal('disclosureChanged');
export const disclosureStatusQuery = defineQuery<DisclosureDeadlineStatus>('disclosureStatus');

export function disclosureWorkflowId(decisionId: string): string {
  return `disclosure-${decisionId}`;
}

const activities = proxyActivities<DisclosureActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Planning fails until the calendar holds the deadline's year (never a guess); it retries until an admin enters it.
const planning = proxyActivities<Pick<DisclosureActivities, 'planDisclosure'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 minutes' },
});

const workflowNow = (): string => new Date(Date.now()).toISOString();

/**
 * Holds one decision's disclosure deadline (DOMAIN P7) as durable timers. It publishes as soon as nothing holds
 * the record back; while staff must confirm the masking or a reviewer must sign off a DOMAIN §4 block, it waits
 * for `disclosureChanged`. Still unpublished one working day before the deadline: a warning; after it: an
 * overdue record; the item remains publishable late, and the publish step records its timeliness.
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

  // Publishing first: a record that nothing holds back goes out even while its deadline cannot be counted yet.
  status.outcome = await activities.tryPublish(decisionId, workflowNow());
  const plan = await planning.planDisclosure(decisionId);
  status.deadlineOn = plan.deadlineOn;

  /** Waits for changes and retries publishing until `until` (or forever); returns whether still waiting. */
  const waitForChanges = async (until?: string): Promise<boolean> => {
    while (status.outcome === 'waiting') {
      const remaining = until === undefined ? undefined : Date.parse(until) - Date.now();
      if (remaining !== undefined && remaining <= 0) return true;
      const hasChanged = () => changes > seen;
      const changed =
        remaining === undefined
          ? (await condition(hasChanged), true)
          : await condition(hasChanged, remaining);
      if (!changed) return true;
      seen = changes;
      status.outcome = await activities.tryPublish(decisionId, workflowNow());
    }
    return false;
  };

  if (await waitForChanges(plan.warnAt)) {
    await activities.recordDeadlineWarning(decisionId, workflowNow());
    status.warned = true;
  }
  if (await waitForChanges(plan.overdueAt)) {
    await activities.recordOverdue(decisionId, workflowNow());
    status.overdue = true;
  }
  await waitForChanges();
  return status.outcome;
}
