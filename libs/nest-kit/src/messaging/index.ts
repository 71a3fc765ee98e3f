export * from './outbox-event.entity';
export * from './consumed-event.entity';
export * from './messaging-tables.migration';
export * from './outbox';
export * from './outbox-relay';
export * from './idempotent-consumer';

import { ConsumedEventEntity } from './consumed-event.entity';
import { MessagingTables1764150000000 } from './messaging-tables.migration';
import { OutboxEventEntity } from './outbox-event.entity';

export const MESSAGING_ENTITIES = [OutboxEventEntity, ConsumedEventEntity];
export const MESSAGING_MIGRATIONS = [MessagingTables1764150000000];
export * from './outbox.module';
