import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { SUBMISSION_RECIPIENTS, SubmissionRecipient } from './reports.service';

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

export class NarrativeDto {
  @ApiProperty({
    description: '情况说明（总体情况、三项制度执行情况、存在的问题和下一步工作）',
    maxLength: 20000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  narrative!: string;
}

export class SubmissionDto {
  @ApiProperty({ enum: SUBMISSION_RECIPIENTS, description: '报送对象：本级人民政府、上级主管部门' })
  @IsIn(SUBMISSION_RECIPIENTS)
  recipient!: SubmissionRecipient;

  @ApiProperty({ description: '报送对象名称，如 第八师石河子市人民政府' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  recipientName!: string;

  @ApiProperty({ description: '报送日期 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  submittedOn!: string;
}

export class ReportSubmissionView {
  @ApiProperty()
  id!: string;
  @ApiProperty({ enum: SUBMISSION_RECIPIENTS })
  recipient!: string;
  @ApiProperty()
  recipientName!: string;
  @ApiProperty()
  submittedOn!: string;
  @ApiProperty({ description: '晚于次年1月31日报送' })
  late!: boolean;
  @ApiProperty({ description: '登记人' })
  recordedBy!: string;
  @ApiProperty()
  recordedAt!: string;
}

export class AnnualReportView {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  agencyCode!: string;
  @ApiProperty({ type: 'integer' })
  year!: number;
  @ApiProperty({
    enum: ['awaiting-confirmation', 'confirmed', 'published'],
    description:
      'awaiting-confirmation：平台已起草、待负责人审批；confirmed：已审批、正在公开；published：已公开',
  })
  status!: string;
  @ApiProperty({ description: '已提醒级别（0 为未提醒，3 为最高）' })
  reminderLevel!: number;
  @ApiProperty({ description: '已超过1月31日公开期限' })
  overdue!: boolean;
  @ApiProperty()
  builtAt!: string;
  @ApiPropertyOptional({ description: '审批人（本单位负责人）' })
  approvedBy?: string;
  @ApiPropertyOptional()
  approvedAt?: string;
  @ApiPropertyOptional({ description: '最近修改情况说明的人员' })
  narrativeEditedBy?: string;
  @ApiPropertyOptional()
  narrativeEditedAt?: string;
  @ApiPropertyOptional()
  publishedAt?: string;
  @ApiProperty({ type: ReportContentView })
  content!: ReportContentView;
}
