import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import type { ActSpan } from '@lep/contracts';

/** When an act was carried out on site: the span its full-process recordings must cover (domain.md R4). */
export class ActSpanDto implements ActSpan {
  @ApiProperty({ description: '开始实施时间（ISO 8601，含时区）', example: '2026-12-04T09:30:00+08:00' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ description: '实施完毕时间（ISO 8601，含时区）', example: '2026-12-04T11:10:00+08:00' })
  @IsISO8601({ strict: true })
  to!: string;
}
