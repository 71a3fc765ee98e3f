import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  AGENCY_CODE_PATTERN,
  CASE_NUMBER_PATTERN,
  CASE_STAGES,
  type CaseStage,
  type CaseState,
  DECISION_ID_PATTERN,
} from '@lep/contracts';
import { CasePartyDto } from './party.dto';
import { LicensingApplicationDto } from './application.dto';
import { IsPersonnelId, PageQuery } from '@lep/nest-kit';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class MajorByUnitDto {
  @ApiProperty({ description: '承办机构认定为重大执法决定的理由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** 立案: what the agency system submits to open a case. */
export class StartCaseDto {
  @ApiProperty({ description: '执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode!: string;

  @ApiProperty({ description: '案件编号（同一执法主体内唯一）' })
  @IsString()
  @Matches(CASE_NUMBER_PATTERN)
  caseNumber!: string;

  @ApiProperty({ description: '执法事项编码（行政执法事项清单）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ description: '案由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ description: '立案日期 YYYY-MM-DD' })
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true })
  filedOn!: string;

  @ApiProperty({ type: [String], description: '承办人员标识（执法人员 id，至少两名持证人员）' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsPersonnelId({ each: true })
  handlerIds!: string[];

  @ApiProperty({ type: [CasePartyDto], description: '当事人' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CasePartyDto)
  parties!: CasePartyDto[];

  @ApiProperty({ type: [String], description: '其他自然人姓名（证人、代理人等，公开时遮蔽）' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  otherPersonNames!: string[];

  @ApiPropertyOptional({ type: MajorByUnitDto, description: '承办机构认定为重大案件' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MajorByUnitDto)
  majorByUnit?: MajorByUnitDto;

  @ApiPropertyOptional({
    description:
      '本案重新作出的决定标识：须为本执法主体已归档案件中被要求重新作出而撤回的决定，且未由另一案件重新作出（否则 409 DECISION_ALREADY_REMADE；立案被拒的案件不占用）；本案首个决定公示时载明所替代的决定',
  })
  @IsOptional()
  @Matches(DECISION_ID_PATTERN)
  remakesDecisionId?: string;

  @ApiPropertyOptional({
    type: LicensingApplicationDto,
    description: '行政许可申请（仅行政许可事项）：收到申请之日，及不予受理的决定；不予受理时案件就此终结',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LicensingApplicationDto)
  application?: LicensingApplicationDto;
}

function booleanQuery({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** case-api's lists: 50 a page by default, at most 200. */
export class CasePageQuery extends PageQuery({ default: 50, max: 200 }) {}

export class CaseListQuery extends CasePageQuery {
  @ApiPropertyOptional({
    description: '执法主体代码（默认本单位；也可为本单位监督的执法主体，查询记入审计日志）',
  })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ enum: CASE_STAGES })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ type: Boolean, description: '是否重大执法决定' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  major?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: '是否已超期' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      '执法监督：列出本单位监督的各执法主体的案件（下级单位；司法行政机关为本级各单位），可与 agency 合用以限定其中一个；每次查询记入审计日志',
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  supervised?: boolean;
}

/** The whole case as the workflow sees it (CaseState of the contract). */
export class CaseStateView implements Partial<CaseState> {
  @ApiProperty() caseId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() itemCode!: string;
  @ApiProperty({ nullable: true, type: String }) category!: CaseState['category'];
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['filing', 'refused', 'not-accepted', 'open', 'archived'] })
  status!: CaseState['status'];
  @ApiProperty({ type: [String], description: '不予立案的理由' }) refusalReasons!: string[];
  @ApiProperty({ enum: CASE_STAGES }) stage!: CaseStage;
  @ApiProperty({ type: [String] }) handlerIds!: string[];
  @ApiProperty() major!: boolean;
  @ApiProperty({ type: [String] }) majorReasons!: string[];
  @ApiProperty({ type: [Object], description: '法制审核轮次' }) reviewRounds!: CaseState['reviewRounds'];
  @ApiProperty({ type: [Object], description: '期限' }) deadlines!: CaseState['deadlines'];
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: [Object] }) evidence!: CaseState['evidence'];
  @ApiProperty({ type: [String], description: '尚缺的音像记录' }) missingAv!: string[];
  @ApiProperty() recordEntries!: number;
  @ApiPropertyOptional({ type: Object }) draft?: CaseState['draft'];
  @ApiPropertyOptional({ type: Object }) notice?: CaseState['notice'];
  @ApiPropertyOptional({ type: Object }) hearing?: CaseState['hearing'];
  @ApiPropertyOptional({ type: Object }) decision?: CaseState['decision'];
  @ApiPropertyOptional({ type: Object }) withdrawal?: CaseState['withdrawal'];
  @ApiPropertyOptional({ type: Object, description: '行政许可申请：收到日期、是否受理、不予受理的决定' })
  application?: CaseState['application'];
}

export class CaseView {
  @ApiProperty() caseId!: string;
  @ApiProperty({
    enum: ['workflow', 'index'],
    description:
      '状态来源：流程实时状态；流程已结束且不再保留（或重复立案时流程暂无响应）时为案件索引中最近一步的状态',
  })
  source!: 'workflow' | 'index';
  @ApiProperty({ type: CaseStateView, nullable: true, description: '流程尚未记录任何状态时为空' })
  state!: CaseState | null;
  @ApiPropertyOptional({
    type: [String],
    description: '流程受阻的原因（反复重试的环节、无执行节点领取任务）；未受阻时不出现',
  })
  waitingOn?: string[];
}

export class CaseSummaryView {
  @ApiProperty() caseId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() itemCode!: string;
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ enum: CASE_STAGES }) stage!: string;
  @ApiProperty() major!: boolean;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextDeadlineAt!: string | null;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CasePageView {
  @ApiProperty({ type: [CaseSummaryView] }) items!: CaseSummaryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RecordEntryView {
  @ApiProperty() sequence!: number;
  @ApiProperty({ type: Object, description: '记录内容：时间、执法人员、阶段、事项、证据' }) content!: unknown;
  @ApiProperty() previousHash!: string;
  @ApiProperty() hash!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class RecordVerificationView {
  @ApiProperty({ description: '哈希链是否完整' }) valid!: boolean;
  @ApiProperty() length!: number;
  @ApiPropertyOptional({ description: '链头哈希（完整时）' }) headHash?: string;
  @ApiPropertyOptional({ description: '第一条被篡改、缺失或错序的记录序号' }) brokenAt?: number;
  @ApiPropertyOptional({ enum: ['sequence-gap', 'previous-hash-mismatch', 'content-hash-mismatch'] })
  reason?: string;
}

export class CaseRecordView {
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: [RecordEntryView] }) entries!: RecordEntryView[];
  @ApiProperty({ type: RecordVerificationView }) verification!: RecordVerificationView;
}
