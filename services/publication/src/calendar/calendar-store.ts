import { Injectable } from '@nestjs/common';
import { WorkingDayCalendar } from '@lep/calendar';
import { DataSource, EntityManager } from 'typeorm';
import { HolidayArrangementEntity } from './holiday-arrangement.entity';

/**
 * The working-day calendar as the database holds it now. Read on every use (a handful of rows), so an admin's
 * new year applies at once to every replica and to deadline workflows waiting for it.
 */
@Injectable()
export class CalendarStore {
  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<WorkingDayCalendar> {
    const rows = await manager.getRepository(HolidayArrangementEntity).find();
    return new WorkingDayCalendar(rows);
  }
}
