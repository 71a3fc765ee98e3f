import type { DisclosureActivities, DisclosurePlan, PublishAttempt } from '@lep/workflows';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import { failingForGoodOnCalendarErrors } from '@lep/nest-kit';
import type { DeadlinePlan } from '../disclosures/disclosure-deadline';
import { recordDeadline } from '../disclosures/disclosures.service';
import { enqueueDisclosureEvent } from '../disclosures/disclosure-events';
import { DisclosureEntity } from '../disclosures/disclosure.entity';
import { publishIfReady } from '../disclosures/publish';
import { waitingFor } from '../disclosures/waiting-for';

export interface DisclosureActivityDeps {
  dataSource: DataSource;
  /** Stores the decision with what was parked until it arrived (EventHandler.receiveDecision). */
  receiveDecision: DisclosureActivities['receiveDecision'];
  /** The deadline on the registry's calendar (DisclosuresService.planDeadline). */
  planDeadline(
    category: DisclosureEntity['category'],
    decidedOn: string,
    region: string,
  ): Promise<DeadlinePlan>;
  /** Lets the outbox relay send right after a commit instead of at its next poll. */
  afterCommit?: () => void;
}

/**
 * A record that does not exist: the workflow stores its decision before anything else, so this is a workflow
 * started without its decision (a bug, never a race to wait out): failed for good, not retried.
 */
function disclosureNotFound(decisionId: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`公示记录 ${decisionId} 不存在`, 'DISCLOSURE_NOT_FOUND');
}

/** The deadline workflow's activities over the publication database; plain functions, deps injected. */
export function createDisclosureActivities(deps: DisclosureActivityDeps): DisclosureActivities {
  const { dataSource } = deps;

  const locked = async <T>(
    decisionId: string,
    work: (manager: EntityManager, disclosure: DisclosureEntity) => Promise<T>,
  ): Promise<T> => {
    const result = await dataSource.transaction(async (manager) => {
      const disclosure = await manager
        .getRepository(DisclosureEntity)
        .findOne({ where: { decisionId }, lock: { mode: 'pessimistic_write' } });
      if (!disclosure) throw disclosureNotFound(decisionId);
      return work(manager, disclosure);
    });
    deps.afterCommit?.();
    return result;
  };

  return {
    receiveDecision: (decision) => deps.receiveDecision(decision),

    async planDisclosure(decisionId: string): Promise<DisclosurePlan> {
      const found = await dataSource.getRepository(DisclosureEntity).findOneBy({ decisionId });
      if (!found) throw disclosureNotFound(decisionId);
      const plan = await failingForGoodOnCalendarErrors(() =>
        deps.planDeadline(found.category, found.decidedOn, found.region),
      );
      await locked(decisionId, (manager, disclosure) =>
        recordDeadline(manager, disclosure, plan.deadlineOn, plan.provisional),
      );
      return {
        deadlineOn: plan.deadlineOn,
        warnAt: plan.warnAt,
        overdueAt: plan.overdueAt,
        provisional: plan.provisional?.reason ?? null,
      };
    },

    tryPublish(decisionId: string, at: string): Promise<PublishAttempt> {
      return locked(decisionId, (manager, disclosure) => publishIfReady(manager, disclosure, new Date(at)));
    },

    recordDeadlineWarning(decisionId: string, at: string): Promise<void> {
      return recordDeadlineEvent(locked, decisionId, at, 'deadlineWarning');
    },

    recordOverdue(decisionId: string, at: string): Promise<void> {
      return recordDeadlineEvent(locked, decisionId, at, 'overdue');
    },
  };
}

async function recordDeadlineEvent(
  locked: <T>(
    decisionId: string,
    work: (manager: EntityManager, disclosure: DisclosureEntity) => Promise<T>,
  ) => Promise<T>,
  decisionId: string,
  at: string,
  kind: 'deadlineWarning' | 'overdue',
): Promise<void> {
  await locked(decisionId, async (manager, disclosure) => {
    // Published or withdrawn in the meantime (the signal raced the timer): nothing is late. Warnings and
    // overdue records come only after planDisclosure has stored the deadline.
    if (disclosure.status !== 'pending' || disclosure.deadlineOn === null) return;
    const time = new Date(at);
    await manager.update(
      DisclosureEntity,
      { decisionId },
      kind === 'overdue' ? { overdueAt: time } : { warnedAt: time },
    );
    await enqueueDisclosureEvent(
      manager,
      kind,
      disclosure,
      {
        decisionId,
        agencyCode: disclosure.agencyCode,
        deadlineOn: disclosure.deadlineOn,
        waitingFor: waitingFor(disclosure),
        at: time.toISOString(),
      },
      time,
    );
  });
}
