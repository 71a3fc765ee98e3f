import { chinaDateOf } from '@lep/calendar';
import type { PublishAttempt } from '@lep/workflows';
import type { EntityManager } from 'typeorm';
import { enqueueDisclosureEvent } from './disclosure-events';
import { DisclosureEntity } from './disclosure.entity';
import { waitingFor } from './waiting-for';

/**
 * Publishes a record, locked by the caller's transaction, when nothing holds it back: its status, the time and
 * its timeliness against the deadline (domain.md P7), and the `disclosure.published` event, all in that
 * transaction. Otherwise says why not and changes nothing, except that a §4 block a reviewer upheld withholds the
 * record for good. Used by the consumer at receipt and by the deadline workflow's `tryPublish`, so both apply the
 * same rules; publishing twice changes nothing (a published record answers 'published').
 */
export async function publishIfReady(
  manager: EntityManager,
  disclosure: DisclosureEntity,
  at: Date,
): Promise<PublishAttempt> {
  const { decisionId } = disclosure;
  if (disclosure.status !== 'pending') return disclosure.status;
  if (disclosure.blockReview?.outcome === 'uphold') {
    await manager.update(DisclosureEntity, { decisionId }, { status: 'withheld' });
    return 'withheld';
  }
  if (waitingFor(disclosure).length > 0) return 'waiting';
  const onTime = disclosure.deadlineOn === null ? null : chinaDateOf(at.getTime()) <= disclosure.deadlineOn;
  await manager.update(
    DisclosureEntity,
    { decisionId },
    { status: 'published', publishedAt: at, publishedOnTime: onTime },
  );
  await enqueueDisclosureEvent(
    manager,
    'published',
    disclosure,
    {
      decisionId,
      agencyCode: disclosure.agencyCode,
      version: disclosure.version,
      publishedAt: at.toISOString(),
      deadlineOn: disclosure.deadlineOn,
      deadlineProvisional: disclosure.deadlineProvisional,
      onTime,
      record: disclosure.publicRecord,
    },
    at,
  );
  return 'published';
}
