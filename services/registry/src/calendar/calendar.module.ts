import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarYears1765000000000 } from './calendar.migration';
import { CalendarService } from './calendar.service';
import { CalendarYearEntity } from './calendar-year.entity';

export const CALENDAR_ENTITIES = [CalendarYearEntity];
export const CALENDAR_MIGRATIONS = [CalendarYears1765000000000];

@Module({ controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
