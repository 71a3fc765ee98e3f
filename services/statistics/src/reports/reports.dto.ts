import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';

export class ReportIdParam {
  @ApiProperty({ description: '统计年报编号' })
  @IsUUID()
  id!: string;
}

export class ReportsQueryDto {
  @ApiProperty({ description: '执法主体代码（含下级）' })
  @Matches(AGENCY_CODE_PATTERN)
  agency!: string;

  @ApiProperty({ type: 'integer', description: '统计年度' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class StartReportRunDto {
  @ApiProperty({ type: 'integer', description: '统计年度（于次年1月编制）' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ReportRunView {
  @ApiProperty()
  workflowId!: string;
  @ApiProperty({ description: 'false：该年度的编制流程已存在' })
  started!: boolean;
}

export class ReportRowView {
  @ApiProperty()
  label!: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string', enum: ['无此职责'] }] })
  value!: number | string;
}

export class ReportSectionView {
  @ApiProperty()
  title!: string;
  @ApiProperty({ type: [ReportRowView] })
  rows!: ReportRowView[];
}

export class ReportContentView {
  @ApiProperty()
  agencyCode!: string;
  @ApiProperty()
  agencyName!: string;
  @ApiProperty()
  level!: string;
  @ApiProperty({ type: 'integer' })
  year!: number;
  @ApiProperty({ type: [String] })
  agencies!: string[];
  @ApiProperty({ type: [ReportSectionView] })
  sections!: ReportSectionView[];
  @ApiProperty({ description: '情况说明' })
  narrative!: string;
}

export class AnnualReportView {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  agencyCode!: string;
  @ApiProperty({ type: 'integer' })
  year!: number;
  @ApiProperty({ enum: ['awaiting-confirmation', 'confirmed', 'published'] })
  status!: string;
  @ApiProperty({ description: '已提醒级别（0 为未提醒，3 为最高）' })
  reminderLevel!: number;
  @ApiProperty({ description: '已超过1月31日公开期限' })
  overdue!: boolean;
  @ApiProperty()
  builtAt!: string;
  @ApiPropertyOptional()
  confirmedBy?: string;
  @ApiPropertyOptional()
  confirmedAt?: string;
  @ApiPropertyOptional()
  publishedAt?: string;
  @ApiProperty({ type: ReportContentView })
  content!: ReportContentView;
}
