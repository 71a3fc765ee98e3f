import { createCloudEvent, REGISTRY_EVENT_SOURCE, TOPICS } from '@lep/contracts';
import { enqueueEvent } from '@lep/nest-kit';
import type { EntityManager } from 'typeorm';

/** Writes an inspection CloudEvent into the outbox in `manager`'s transaction, keyed by plan so a plan's events stay in order. */
export async function emitInspectionEvent(
  manager: EntityManager,
  type: string,
  planId: string,
  data: object,
): Promise<void> {
  const event = createCloudEvent({
    source: REGISTRY_EVENT_SOURCE,
    type,
    subject: `inspection-plan/${planId}`,
    data,
  });
  await enqueueEvent(manager, TOPICS.registryInspection, planId, event);
}
