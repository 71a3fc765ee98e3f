import type { CalendarRegion, WorkingDayCalendar } from '@lep/calendar';
import type { DisclosureActivities, DisclosurePlan, PublishAttempt } from '@lep/workflows';
import type { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf } from '@lep/calendar';
import { planDeadline } from '../disclosures/disclosure-deadline';
import { enqueueDisclosureEvent } from '../disclosures/disclosure-events';
import { DisclosureEntity } from '../disclosures/disclosure.entity';
import { waitingFor } from '../disclosures/waiting-for';

export interface DisclosureActivityDeps {
  dataSource: DataSource;
  /** The calendar as the database holds it when the activity runs. */
  calendar: () => Promise<WorkingDayCalendar>;
  /** Lets the outbox relay send right after a commit instead of at its next poll. */
  afterCommit?: () => void;
}

/** A record that does not exist yet: the decision's transaction has not committed; Temporal retries. */
class DisclosureNotFoundError extends Error {
  constructor(decisionId: string) {
    super(`公示记录 ${decisionId} 不存在`);
  }
}

/** The deadline workflow's activities over the publication database; plain functions, deps injected. */
export function createDisclosureActivities(deps: DisclosureActivityDeps): DisclosureActivities {
  const { dataSource, calendar } = deps;

  const locked = async <T>(
    decisionId: string,
    work: (manager: EntityManager, disclosure: DisclosureEntity) => Promise<T>,
  ): Promise<T> => {
    const result = await dataSource.transaction(async (manager) => {
      const disclosure = await manager
        .getRepository(DisclosureEntity)
        .findOne({ where: { decisionId }, lock: { mode: 'pessimistic_write' } });
      if (!disclosure) throw new DisclosureNotFoundError(decisionId);
      return work(manager, disclosure);
    });
    deps.afterCommit?.();
    return result;
  };

  return {
    async planDisclosure(decisionId: string): Promise<DisclosurePlan> {
      // Throws CalendarDataMissingError until the admin enters the year; Temporal retries with backoff.
      const current = await calendar();
      return locked(decisionId, async (manager, disclosure) => {
        const { deadlineOn, warnAt, overdueAt } = planDeadline(
          current,
          disclosure.category,
          disclosure.decidedOn,
          disclosure.region as CalendarRegion,
        );
        // Published before the deadline could be counted: its timeliness is known only now.
        const publishedOnTime =
          disclosure.publishedAt && disclosure.publishedOnTime === null
            ? chinaDateOf(disclosure.publishedAt.getTime()) <= deadlineOn
            : disclosure.publishedOnTime;
        await manager.update(DisclosureEntity, { decisionId }, { deadlineOn, publishedOnTime });
        return { deadlineOn, warnAt, overdueAt };
      });
    },

    tryPublish(decisionId: string, at: string): Promise<PublishAttempt> {
      return locked(decisionId, async (manager, disclosure) => {
        if (disclosure.status !== 'pending') return disclosure.status;
        if (disclosure.blockReview?.outcome === 'uphold') {
          await manager.update(DisclosureEntity, { decisionId }, { status: 'withheld' });
          return 'withheld';
        }
        if (waitingFor(disclosure).length > 0) return 'waiting';
        const publishedAt = new Date(at);
        const onTime =
          disclosure.deadlineOn === null ? null : chinaDateOf(publishedAt.getTime()) <= disclosure.deadlineOn;
        await manager.update(
          DisclosureEntity,
          { decisionId },
          { status: 'published', publishedAt, publishedOnTime: onTime },
        );
        await enqueueDisclosureEvent(
          manager,
          'published',
          disclosure,
          {
            decisionId,
            agencyCode: disclosure.agencyCode,
            version: disclosure.version,
            publishedAt: publishedAt.toISOString(),
            deadlineOn: disclosure.deadlineOn,
            onTime,
            record: disclosure.publicRecord,
          },
          publishedAt,
        );
        return 'published';
      });
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
