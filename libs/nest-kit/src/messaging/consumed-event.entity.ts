import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Marks an event as handled by one consumer; the primary key makes a redelivered event a no-op. */
@Entity({ name: 'consumed_event' })
export class ConsumedEventEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @CreateDateColumn({ name: 'consumed_at', type: 'timestamptz' })
  consumedAt!: Date;
}
