import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agency's 文号 pattern: its abbreviation (机关代字) and, where it differs from the default, each kind's word. */
@Entity({ name: 'numbering_pattern' })
export class NumberingPatternEntity {
  @PrimaryColumn({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  abbreviation!: string;

  @Column({ name: 'kind_words', type: 'jsonb' })
  kindWords!: Record<string, string>;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * The last serial issued per agency, kind and year. Incremented by an upsert that row-locks it until the
 * transaction that records the document commits: numbers are handed out one at a time, and a failed
 * transaction takes its increment back with it, so the serials have no gap.
 */
@Entity({ name: 'number_counter' })
export class NumberCounterEntity {
  @PrimaryColumn({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ name: 'last_serial', type: 'integer' })
  lastSerial!: number;
}
