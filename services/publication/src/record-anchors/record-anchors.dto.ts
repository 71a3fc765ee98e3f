import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@lep/nest-kit';
import { DATE_ONLY } from '../public-api/public-decision.dto';

/** The anchored days: a month a page by default, at most a year. */
export class RecordAnchorDaysQuery extends PageQuery({ default: 31, max: 366 }) {
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
