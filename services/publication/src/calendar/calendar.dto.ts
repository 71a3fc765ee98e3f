import { ApiProperty } from '@nestjs/swagger';
import { CALENDAR_REGIONS, CalendarRegion } from '@lep/calendar';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class CalendarYearParam {
  @ApiProperty({ enum: CALENDAR_REGIONS, description: 'national（全国）或 xinjiang（新疆）' })
  @IsIn(CALENDAR_REGIONS)
  region!: CalendarRegion;

  @ApiProperty({ type: 'integer', example: 2027 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class HolidayArrangementDto {
  @ApiProperty({ type: [String], description: '放假的工作日（周一至周五），YYYY-MM-DD' })
  @IsArray()
  @ArrayUnique()
  @Matches(DATE_ONLY, { each: true })
  @IsISO8601({ strict: true }, { each: true })
  daysOff!: string[];

  @ApiProperty({ type: [String], description: '调休上班的周末日期，YYYY-MM-DD' })
  @IsArray()
  @ArrayUnique()
  @Matches(DATE_ONLY, { each: true })
  @IsISO8601({ strict: true }, { each: true })
  makeUpWorkingDays!: string[];

  @ApiProperty({ description: '放假通知文号或来源' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;
}

export class HolidayArrangementView extends HolidayArrangementDto {
  @ApiProperty({ enum: CALENDAR_REGIONS })
  region!: CalendarRegion;

  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty()
  updatedBy!: string;

  @ApiProperty()
  updatedAt!: string;
}
