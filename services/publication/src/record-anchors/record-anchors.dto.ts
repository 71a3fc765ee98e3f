import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class RecordAnchorDaysQuery {
  @ApiPropertyOptional({ description: '存证日期起 YYYY-MM-DD（含）' })
  @IsOptional()
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '存证日期止 YYYY-MM-DD（含）' })
  @IsOptional()
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ type: 'integer', default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', default: 31, maximum: 366 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  pageSize: number = 31;
}

export class RecordAnchorDayParams {
  @ApiProperty({ description: '存证日期 YYYY-MM-DD（北京时间）' })
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  date!: string;
}

export class RecordAnchorDayView {
  @ApiProperty({ description: '存证日期（北京时间）' }) anchorDate!: string;
  @ApiProperty({ description: '当日锚定的案件数（默克尔树叶子数）' }) caseCount!: number;
  @ApiProperty({ description: '当日存证根：RFC 9162 默克尔树根（SHA-256，十六进制）' }) root!: string;
  @ApiProperty({ description: '封存时间' }) sealedAt!: string;
  @ApiProperty({ description: '本平台收到时间' }) receivedAt!: string;
}

export class RecordAnchorDayPage {
  @ApiProperty({ type: [RecordAnchorDayView] }) items!: RecordAnchorDayView[];
  @ApiProperty() total!: number;
}
