import {
  createCloudEvent,
  DisclosureCorrectedData,
  DisclosureDeadlineData,
  DisclosureDeadlineProvisionalData,
  DisclosurePublishedData,
  DisclosureWithdrawnData,
  PUBLICATION_EVENT_SOURCE,
  PUBLICATION_EVENT_TYPES,
  TOPICS,
} from '@lep/contracts';
import { enqueueEvent } from '@lep/nest-kit';
import type { EntityManager } from 'typeorm';
import type { DisclosureEntity } from './disclosure.entity';

type EventKind = keyof typeof PUBLICATION_EVENT_TYPES;
type EventData = {
  published: DisclosurePublishedData;
  withdrawn: DisclosureWithdrawnData;
  corrected: DisclosureCorrectedData;
  deadlineWarning: DisclosureDeadlineData;
  overdue: DisclosureDeadlineData;
  deadlineProvisional: DisclosureDeadlineProvisionalData;
};

/**
 * Enqueues a disclosure event in the caller's transaction. The id is derived from the fact (decision, kind,
 * version), so a retried activity or request re-enqueues the same id and the outbox keeps one row; consumers
 * de-duplicate on it after an at-least-once redelivery.
 */
export async function enqueueDisclosureEvent<K extends EventKind>(
  manager: EntityManager,
  kind: K,
  disclosure: Pick<DisclosureEntity, 'decisionId' | 'version'>,
  data: EventData[K],
  time: Date,
): Promise<void> {
  const event = createCloudEvent({
    id: `${disclosure.decisionId}:${kind}:v${disclosure.version}`,
    source: PUBLICATION_EVENT_SOURCE,
    type: PUBLICATION_EVENT_TYPES[kind],
    subject: disclosure.decisionId,
    data,
    time,
  });
  await enqueueEvent(manager, TOPICS.publicationDisclosure, disclosure.decisionId, event);
}
