import type { CalendarRegion, SourceConfidence } from '@lep/calendar';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One revision of one year of one calendar layer (national, or a region's own days). A replacement adds a
 * revision and keeps the earlier ones, so what a deadline was counted on can always be read again; the current
 * year is its highest revision.
 */
@Entity({ name: 'calendar_year' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'text' })
  region!: CalendarRegion;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'int' })
  revision!: number;

  @Column({ name: 'days_off', type: 'jsonb' })
  daysOff!: string[];

  @Column({ name: 'make_up_working_days', type: 'jsonb' })
  makeUpWorkingDays!: string[];

  @Column({ name: 'source_title', type: 'text' })
  sourceTitle!: string;

  @Column({ name: 'source_number', type: 'text', nullable: true })
  sourceNumber!: string | null;

  @Column({ name: 'source_issued_on', type: 'text', nullable: true })
  sourceIssuedOn!: string | null;

  @Column({ name: 'source_confidence', type: 'text' })
  sourceConfidence!: SourceConfidence;

  /** Principal subject of the platform admin who loaded it; 'seed' for the migration's notices. */
  @Column({ name: 'loaded_by', type: 'text' })
  loadedBy!: string;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt!: Date;
}
