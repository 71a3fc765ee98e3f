import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';

export class StatisticsQueryDto {
  @ApiProperty({ description: '执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  agency!: string;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, description: '统计年度' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, description: '月份（不填为全年）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;

  @ApiPropertyOptional({ type: 'boolean', default: false, description: '是否汇总下级执法主体' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  rollup: boolean = false;
}

export class MonthFiguresView {
  @ApiProperty({ type: 'integer' })
  month!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: '指标 → 数值' })
  figures!: Record<string, number>;
}

export class StatisticsView {
  @ApiProperty()
  agencyCode!: string;
  @ApiProperty({ type: 'integer' })
  year!: number;
  @ApiPropertyOptional({ type: 'integer' })
  month?: number;
  @ApiProperty()
  rollup!: boolean;
  @ApiProperty({ type: [String], description: '计入统计的执法主体' })
  agencies!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '各指标合计（罚没金额单位：元）',
  })
  totals!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
    description: '按执法行为类别（licensing、penalty …；all 为不分类别的指标）',
  })
  byCategory!: Record<string, Record<string, number>>;
  @ApiProperty({ type: [MonthFiguresView], description: '按月趋势' })
  byMonth!: MonthFiguresView[];
}
