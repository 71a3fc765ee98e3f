import { ApiProperty } from '@nestjs/swagger';
import { CALENDAR_REGIONS, CalendarRegion, SOURCE_CONFIDENCES, SourceConfidence } from '@lep/calendar';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATE_ONLY_PATTERN } from '../common/dates';

export class CalendarYearParam {
  @ApiProperty({ enum: CALENDAR_REGIONS, description: 'national（全国）或 xinjiang（新疆维吾尔自治区）' })
  @IsIn(CALENDAR_REGIONS)
  region!: CalendarRegion;

  @ApiProperty({ type: 'integer', example: 2027, minimum: 2000, maximum: 2100 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class CalendarSourceDto {
  @ApiProperty({ description: '放假通知标题', example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ type: String, nullable: true, description: '文号（所读版本未载明时为 null）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '发布日期 YYYY-MM-DD' })
  @IsOptional()
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  issuedOn!: string | null;

  @ApiProperty({
    enum: SOURCE_CONFIDENCES,
    description: 'official：发文机关原文；official-copy：官方媒体或政府网站转载。仅见于转述的日期不得录入',
  })
  @IsIn(SOURCE_CONFIDENCES)
  confidence!: SourceConfidence;
}

export class CalendarYearDto {
  @ApiProperty({
    type: [String],
    description: '放假的工作日 YYYY-MM-DD（全国：只列周一至周五；地区：也可列全国调休上班的周末）',
  })
  @IsArray()
  @ArrayMaxSize(60)
  @Matches(DATE_ONLY_PATTERN, { each: true })
  daysOff!: string[];

  @ApiProperty({ type: [String], description: '调休上班的周六、周日 YYYY-MM-DD' })
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(DATE_ONLY_PATTERN, { each: true })
  makeUpWorkingDays!: string[];

  @ApiProperty({ type: CalendarSourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CalendarSourceDto)
  source!: CalendarSourceDto;
}

export class CalendarYearView {
  @ApiProperty({ enum: CALENDAR_REGIONS }) region!: CalendarRegion;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: [String] }) daysOff!: string[];
  @ApiProperty({ type: [String] }) makeUpWorkingDays!: string[];
  @ApiProperty({ type: CalendarSourceDto }) source!: CalendarSourceDto;
  @ApiProperty({ type: 'integer', description: '首次录入为 1，每次更正加 1' }) revision!: number;
  @ApiProperty({ description: '录入人；seed 为随系统发布的通知' }) loadedBy!: string;
  @ApiProperty() loadedAt!: string;
}
