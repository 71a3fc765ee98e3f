import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INSPECTION_TARGET_PARTY_TYPES, InspectionTargetPartyType } from '@lep/contracts';
import { IsPersonnelId } from '@lep/nest-kit';
import { DATE_ONLY_PATTERN } from '../common/dates';
import { PLAN_STATUSES, PlanStatus } from './inspection.entities';

export const TARGET_CODE_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
export const INSPECTION_OUTCOMES = ['no-problem', 'problem-found', 'target-not-found'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

export class InspectionTargetDto {
  @ApiProperty({ description: '检查对象编码（例如统一社会信用代码）' })
  @Matches(TARGET_CODE_PATTERN)
  code!: string;

  @ApiProperty({ description: '检查对象名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: '检查对象类别，与抽查计划的 targetCategory 对应' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  category!: string;

  @ApiPropertyOptional({
    enum: INSPECTION_TARGET_PARTY_TYPES,
    description:
      '相对人类别：自然人的姓名等个人信息在公开抽查结果时脱敏。缺省时按编码判断：有效的统一社会信用代码视为组织，否则视为自然人',
  })
  @IsOptional()
  @IsIn(INSPECTION_TARGET_PARTY_TYPES)
  partyType?: InspectionTargetPartyType;

  @ApiPropertyOptional({ description: '是否在名录中（false：移出名录，不再被抽取）', default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class InspectionTargetsDto {
  @ApiProperty({ type: [InspectionTargetDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => InspectionTargetDto)
  targets!: InspectionTargetDto[];
}

export class InspectionTargetView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: INSPECTION_TARGET_PARTY_TYPES, nullable: true, type: String })
  partyType!: InspectionTargetPartyType | null;
  @ApiProperty() active!: boolean;
}

export class InspectionRelationDto {
  @ApiProperty({ format: 'uuid', description: '执法人员' })
  @IsPersonnelId()
  personnelId!: string;

  @ApiProperty({ description: '检查对象编码' })
  @Matches(TARGET_CODE_PATTERN)
  targetCode!: string;

  @ApiProperty({ description: '关系说明（近亲属、曾任职、利害关系等），据此回避' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  relation!: string;
}

export class InspectionRelationView {
  @ApiProperty() personnelId!: string;
  @ApiProperty() targetCode!: string;
  @ApiProperty() relation!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class InspectionPlanDto {
  @ApiProperty({ description: '抽查事项' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;

  @ApiProperty({ description: '抽查依据' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  basis!: string;

  @ApiProperty({ description: '抽查范围与内容' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  scope!: string;

  @ApiPropertyOptional({ description: '只从该类别的检查对象中抽取；省略则为全部名录' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  targetCategory?: string;

  @ApiProperty({ description: '抽取检查对象户数', minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  targetCount!: number;

  @ApiProperty({ description: '每户检查人员数（执法检查不少于两人）', minimum: 2, maximum: 20 })
  @IsInt()
  @Min(2)
  @Max(20)
  inspectorsPerTarget!: number;

  @ApiProperty({ description: '计划开始日期 YYYY-MM-DD' })
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  plannedStart!: string;

  @ApiProperty({ description: '计划结束日期 YYYY-MM-DD' })
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  plannedEnd!: string;
}

export class VoidDrawDto {
  @ApiProperty({ description: '作废原因（记录并公开）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class InspectionResultDto {
  @ApiProperty({ enum: INSPECTION_OUTCOMES, description: '检查结果' })
  @IsIn(INSPECTION_OUTCOMES)
  outcome!: InspectionOutcome;

  @ApiProperty({ description: '检查发现与处理情况' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  findings!: string;

  @ApiProperty({ description: '检查日期 YYYY-MM-DD' })
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  inspectedOn!: string;
}

export class PlanIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class DrawIdParams extends PlanIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  drawId!: string;
}

export class ResultParams extends PlanIdParam {
  @ApiProperty({ description: '检查对象编码' })
  @Matches(TARGET_CODE_PATTERN)
  targetCode!: string;
}

class AssignmentView {
  @ApiProperty() targetCode!: string;
  @ApiProperty({ type: [String] }) inspectorIds!: string[];
}

class PoolsView {
  @ApiProperty({ type: [String] }) targets!: string[];
  @ApiProperty({ type: [String] }) inspectors!: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  relations!: { inspectorId: string; targetCode: string }[];
}

export class InspectionDrawView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '随机种子（256 位十六进制）' }) seed!: string;
  @ApiProperty({ description: '抽取池规范化 JSON 的 SHA-256' }) poolsHash!: string;
  @ApiProperty({ type: PoolsView }) pools!: PoolsView;
  @ApiProperty() drawDay!: string;
  @ApiProperty({ type: [AssignmentView] }) assignments!: AssignmentView[];
  @ApiProperty() drawnBy!: string;
  @ApiProperty({ format: 'date-time' }) drawnAt!: string;
  @ApiPropertyOptional({ nullable: true }) voidedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) voidedBy!: string | null;
  @ApiPropertyOptional({ nullable: true }) voidReason!: string | null;
}

export class InspectionResultView {
  @ApiProperty() targetCode!: string;
  @ApiProperty({ enum: INSPECTION_OUTCOMES }) outcome!: string;
  @ApiProperty() findings!: string;
  @ApiProperty() inspectedOn!: string;
  @ApiProperty() recordedBy!: string;
}

export class InspectionPlanView {
  @ApiProperty() id!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() basis!: string;
  @ApiProperty() scope!: string;
  @ApiPropertyOptional({ nullable: true }) targetCategory!: string | null;
  @ApiProperty() targetCount!: number;
  @ApiProperty() inspectorsPerTarget!: number;
  @ApiProperty() plannedStart!: string;
  @ApiProperty() plannedEnd!: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatus;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ type: [InspectionDrawView], description: '全部抽取记录，含已作废的' })
  draws!: InspectionDrawView[];
  @ApiProperty({ type: [InspectionResultView], description: '现行抽取的检查结果' })
  results!: InspectionResultView[];
}

export class DrawVerificationView {
  @ApiProperty({ description: '按记录的抽取池重新计算的哈希与记录一致' }) poolsHashMatches!: boolean;
  @ApiProperty({ description: '以记录的种子和抽取池重新抽取，结果与记录一致' }) reproduced!: boolean;
  @ApiProperty({ type: [AssignmentView], description: '重新抽取的结果' }) assignments!: AssignmentView[];
}
