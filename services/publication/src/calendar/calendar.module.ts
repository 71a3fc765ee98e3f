import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarStore } from './calendar-store';
import { HolidayArrangementEntity } from './holiday-arrangement.entity';
import { HolidayArrangements1764300200000 } from './holiday-arrangements.migration';

export const CALENDAR_ENTITIES = [HolidayArrangementEntity];
export const CALENDAR_MIGRATIONS = [HolidayArrangements1764300200000];

@Module({ controllers: [CalendarController], providers: [CalendarStore], exports: [CalendarStore] })
export class CalendarModule {}
