import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An event written in the same transaction as the state change it announces, and relayed to Kafka
 * afterwards, so a broker outage delays events but never loses them.
 */
@Entity({ name: 'outbox_event' })
@Index('idx_outbox_event_due', ['nextAttemptAt'], { where: '"published_at" IS NULL' })
export class OutboxEventEntity {
  /** The CloudEvent id, reused on every delivery attempt. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

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
}
