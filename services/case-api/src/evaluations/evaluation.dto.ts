import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import {
  AGENCY_CODE_PATTERN,
  EVALUATION_GRADES,
  EVALUATION_ITEMS,
  type EvaluationGrade,
  type EvaluationItem,
} from '@lep/contracts';
import { PageQuery } from '@lep/nest-kit';
import { DATE_PATTERN } from '../cases/case.dto';
import { RequestIdDto } from '../common/params';

/** At most this many cases in one draw: a 评查 is done by people, one file at a time. */
export const MAX_SAMPLE_SIZE = 500;

export const EVALUATION_STATES = ['drawn', 'returned', 'answered'] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

/** 抽取评查案卷: what the justice bureau draws from and how many. */
export class CreateEvaluationDrawDto extends RequestIdDto {
  @ApiProperty({ description: '评查活动名称，如“2026年度行政处罚案卷评查”' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: '抽取案卷数', minimum: 1, maximum: MAX_SAMPLE_SIZE })
  @IsInt()
  @Min(1)
  @Max(MAX_SAMPLE_SIZE)
  sampleSize!: number;

  @ApiPropertyOptional({
    description: '抽取范围：本司法局监督的执法主体代码（省略则为全部被监督执法主体）',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(AGENCY_CODE_PATTERN, { each: true })
  agencyCodes?: string[];

  @ApiPropertyOptional({ description: '立案日期起（含，YYYY-MM-DD，北京时间）' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  filedFrom?: string;

  @ApiPropertyOptional({ description: '立案日期止（含，YYYY-MM-DD，北京时间）' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  filedTo?: string;
}

export class EvaluationDrawIdParam {
  @ApiProperty({ description: '抽取记录标识' })
  @IsUUID()
  drawId!: string;
}

export class EvaluationIdParam {
  @ApiProperty({ description: '评查记录标识' })
  @IsUUID()
  evaluationId!: string;
}

export class EvaluationItemScoreDto {
  @ApiProperty({ description: '评查项目', enum: EVALUATION_ITEMS })
  @IsIn(EVALUATION_ITEMS)
  item!: EvaluationItem;

  @ApiProperty({ description: '得分（0 至该项分值的整数）' })
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;

  @ApiProperty({ description: '评查意见（该项发现的问题或“无问题”的说明）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  finding!: string;
}

/** 评查结果: the eight items scored, each with its finding; returned to the agency at once. */
export class EvaluationFindingsDto {
  @ApiProperty({
    description: '八个评查项目（主体、事实、证据、程序、依据、裁量、文书、归档）各一项',
    type: [EvaluationItemScoreDto],
  })
  @IsArray()
  @ArrayMinSize(EVALUATION_ITEMS.length)
  @ArrayMaxSize(EVALUATION_ITEMS.length)
  @ValidateNested({ each: true })
  @Type(() => EvaluationItemScoreDto)
  items!: EvaluationItemScoreDto[];
}

/** 整改反馈: the agency's answer to the findings. */
export class EvaluationAnswerDto {
  @ApiProperty({ description: '整改情况或说明' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  answer!: string;

  @ApiProperty({ description: '是否已整改（false：仅作说明）' })
  @IsBoolean()
  rectified!: boolean;
}

export class EvaluationsQuery extends PageQuery({ default: 50, max: 200 }) {
  @ApiPropertyOptional({ description: '抽取记录标识' })
  @IsOptional()
  @IsUUID()
  drawId?: string;

  @ApiPropertyOptional({ description: '被评查执法主体代码' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ description: '状态', enum: EVALUATION_STATES })
  @IsOptional()
  @IsIn(EVALUATION_STATES)
  state?: EvaluationState;
}

export class EvaluationItemScoreView {
  @ApiProperty({ enum: EVALUATION_ITEMS }) item!: EvaluationItem;
  @ApiProperty({ description: '项目名称' }) name!: string;
  @ApiProperty({ description: '得分' }) score!: number;
  @ApiProperty({ description: '分值' }) points!: number;
  @ApiProperty({ description: '评查意见' }) finding!: string;
}

export class EvaluationView {
  @ApiProperty() evaluationId!: string;
  @ApiProperty() drawId!: string;
  @ApiProperty({ description: '组织评查的司法局' }) bureauCode!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: '被评查执法主体' }) agencyCode!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: EVALUATION_STATES, description: 'drawn 待评查，returned 已反馈，answered 已整改反馈' })
  state!: EvaluationState;
  @ApiProperty({ type: [EvaluationItemScoreView], nullable: true }) items!: EvaluationItemScoreView[] | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '总分（满分 100）' }) total!: number | null;
  @ApiProperty({ enum: EVALUATION_GRADES, nullable: true }) grade!: EvaluationGrade | null;
  @ApiProperty({ type: String, nullable: true, description: '等次：优秀、合格、不合格' })
  gradeName!: string | null;
  @ApiProperty({ type: String, nullable: true }) scoredBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) answer!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) rectified!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) answeredBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredAt!: string | null;
}

export class EvaluationsPageView {
  @ApiProperty({ type: [EvaluationView] }) items!: EvaluationView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class EvaluationDrawView {
  @ApiProperty() drawId!: string;
  @ApiProperty({ description: '组织评查的司法局' }) bureauCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String], description: '抽取范围（执法主体代码）' }) agencyCodes!: string[];
  @ApiProperty({ type: String, nullable: true }) filedFrom!: string | null;
  @ApiProperty({ type: String, nullable: true }) filedTo!: string | null;
  @ApiProperty() sampleSize!: number;
  @ApiProperty({ description: '随机种子（64 位十六进制），凭种子与案卷池可复现抽取' }) seed!: string;
  @ApiProperty({ type: [String], description: '案卷池：抽取时符合条件的已归档案件（排序）' }) pool!: string[];
  @ApiProperty({ description: '案卷池 SHA-256' }) poolHash!: string;
  @ApiProperty({ type: [String], description: '抽中的案件（抽取顺序）' }) caseIds!: string[];
  @ApiProperty() drawnBy!: string;
  @ApiProperty() drawnAt!: string;
  @ApiProperty({ type: [EvaluationView] }) evaluations!: EvaluationView[];
}

export class EvaluationDrawsQuery extends PageQuery({ default: 20, max: 100 }) {}

export class EvaluationDrawSummaryView {
  @ApiProperty() drawId!: string;
  @ApiProperty() bureauCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sampleSize!: number;
  @ApiProperty() drawnBy!: string;
  @ApiProperty() drawnAt!: string;
  @ApiProperty({ description: '待评查（件）' }) drawn!: number;
  @ApiProperty({ description: '已反馈评查结果、待整改反馈（件）' }) returned!: number;
  @ApiProperty({ description: '已整改反馈（件）' }) answered!: number;
}

export class EvaluationDrawsPageView {
  @ApiProperty({ type: [EvaluationDrawSummaryView] }) items!: EvaluationDrawSummaryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class EvaluationDrawVerificationView {
  @ApiProperty({ description: '案卷池与记录的 SHA-256 一致' }) poolHashMatches!: boolean;
  @ApiProperty({ description: '凭种子重新抽取的结果与记录一致' }) reproduced!: boolean;
  @ApiProperty({ type: [String], description: '重新抽取的结果' }) caseIds!: string[];
}
