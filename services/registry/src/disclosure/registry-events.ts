import { createCloudEvent, REGISTRY_EVENT_SOURCE, TopicSpec, TOPICS } from '@lep/contracts';
import { enqueueEvent } from '@lep/nest-kit';
import type { EntityManager } from 'typeorm';

/**
 * Writes a registry CloudEvent into the outbox within `manager`'s transaction, keyed by agency code so every
 * event of one agency stays in order.
 */
export async function emitRegistryEvent(
  manager: EntityManager,
  type: string,
  agencyCode: string,
  subject: string,
  data: object,
  topic: TopicSpec = TOPICS.registryDisclosure,
): Promise<void> {
  const event = createCloudEvent({ source: REGISTRY_EVENT_SOURCE, type, subject, data });
  await enqueueEvent(manager, topic, agencyCode, event);
}
