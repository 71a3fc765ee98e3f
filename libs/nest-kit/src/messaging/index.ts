export * from './outbox-event.entity';
export * from './consumed-event.entity';
export * from './messaging-tables.migration';
export * from './outbox';
export * from './outbox-relay';
export * from './idempotent-consumer';
export * from './dead-letter';
export * from './dead-letter.migration';
export * from './outbox-order.migration';
export * from './outbox-retention';
export * from './outbox-operations';
export * from './parked-events';
export * from './parked-event.migration';
export * from './send-failure';

import { AuditEntryEntity, AuditLog1764150000001 } from '../audit';
import { ConsumedEventEntity } from './consumed-event.entity';
import { DeadLetterTable1764150000002 } from './dead-letter.migration';
import { MessagingTables1764150000000 } from './messaging-tables.migration';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxPerKeyOrder1764150000003 } from './outbox-order.migration';
import { ParkedEventTable1764150000004 } from './parked-event.migration';

// The platform's own tables in every service database: the outbox, consumed events, set-aside and parked
// messages and the audit log.
export const MESSAGING_ENTITIES = [OutboxEventEntity, ConsumedEventEntity, AuditEntryEntity];
export const MESSAGING_MIGRATIONS = [
  MessagingTables1764150000000,
  AuditLog1764150000001,
  DeadLetterTable1764150000002,
  OutboxPerKeyOrder1764150000003,
  ParkedEventTable1764150000004,
];
export * from './outbox.module';
