import type { CalendarRegion } from '@lep/calendar';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One year's holiday notice for one layer (national, xinjiang), as the platform admin entered it. */
@Entity({ name: 'holiday_arrangement' })
export class HolidayArrangementEntity {
  @PrimaryColumn({ type: 'text' })
  region!: CalendarRegion;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'days_off', type: 'jsonb' })
  daysOff!: string[];

  @Column({ name: 'make_up_working_days', type: 'jsonb' })
  makeUpWorkingDays!: string[];

  /** The notice the dates were read from. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
