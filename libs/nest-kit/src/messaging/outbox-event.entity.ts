import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Rows still to be sent: neither published nor discarded by an operator. */
const PENDING = '"published_at" IS NULL AND "discarded_at" IS NULL';

/**
 * An event written in the same transaction as the state change it announces, and relayed to Kafka
 * afterwards, so a broker outage delays events but never loses them. The rows of one key (topic + message key)
 * leave in `seq` order.
 */
@Entity({ name: 'outbox_event' })
@Index('idx_outbox_event_pending', ['seq'], { where: PENDING })
@Index('idx_outbox_event_key', ['topic', 'messageKey', 'seq'], { where: PENDING })
@Index('idx_outbox_event_published', ['publishedAt'], { where: '"published_at" IS NOT NULL' })
export class OutboxEventEntity {
  /** The CloudEvent id, reused on every delivery attempt. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  /** Write order: a key's rows are sent in it (bigint, so a string in JavaScript). */
  @Column({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  /** The whole CloudEvent, exactly as it is published. */
  @Column({ type: 'jsonb' })
  event!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** Set when the row can never be sent as it is; its key waits behind it until an operator releases it. */
  @Column({ name: 'dead_lettered_at', type: 'timestamptz', nullable: true })
  deadLetteredAt!: Date | null;

  /** Set when an operator gave the row up (never sent), letting the rest of its key go on. */
  @Column({ name: 'discarded_at', type: 'timestamptz', nullable: true })
  discardedAt!: Date | null;
}
