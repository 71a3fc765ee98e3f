import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A China day's tree head over the case records' anchors (执法记录存证, domain.md R6), as the case side sealed and
 * published it. Kept here, outside the case database, and never replaced: the first head received for a day stands.
 */
@Entity({ name: 'record_anchor_day' })
export class RecordAnchorDayEntity {
  @PrimaryColumn({ name: 'anchor_date', type: 'date' })
  anchorDate!: string;

  @Column({ name: 'case_count', type: 'integer' })
  caseCount!: number;

  @Column({ type: 'character', length: 64 })
  root!: string;

  @Column({ name: 'sealed_at', type: 'timestamp with time zone' })
  sealedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamp with time zone' })
  receivedAt!: Date;
}
