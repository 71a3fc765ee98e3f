import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  COERCION_KINDS,
  TRADE_SECRET_FIELDS,
  type CoercionDecisionDetails,
  type CoercionKind,
  type TradeSecretField,
  MAJOR_MEASURES,
  PARTY_TYPES,
  WITHDRAWAL_KINDS,
  WITHDRAWAL_SOURCE_KINDS,
  type MajorMeasure,
  type PartyType,
  type WithdrawalKind,
  type WithdrawalSource,
  type WithdrawalSourceKind,
} from '@lep/contracts';
import { RequestIdDto } from '../common/params';
import { DATE_PATTERN } from './case.dto';
import { ActSpanDto } from './act-span.dto';
import { OnSiteDisclosureDto } from './officer.dto';
import { DecisionDocumentFieldsDto } from './decision-document.dto';
import { DecisionBaseDto, ViolationDto } from './decision-base.dto';
import { NoPenaltyDetailsDto } from './no-penalty.dto';
import { InspectionResultDto } from './inspection-result.dto';

const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const TEXT_LIMIT = 20_000;

/** Hearing requests, review submissions: the action itself is the whole message. */
export class CaseActionDto extends RequestIdDto {}

export class EvidenceRefDto {
  @ApiProperty({ description: '证据标识' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  evidenceId!: string;

  @ApiProperty({ description: '证据 SHA-256（小写十六进制）' })
  @Matches(SHA256_PATTERN)
  sha256!: string;
}

/** 执法全过程记录的一条：询问笔录、现场检查笔录等. */
export class RecordEntryDto extends RequestIdDto {
  @ApiProperty({ description: '记录事项，例如 询问笔录、现场检查笔录' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: '记录内容' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  content!: string;

  @ApiProperty({ type: [EvidenceRefDto], description: '所附证据' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => EvidenceRefDto)
  evidence!: EvidenceRefDto[];

  @ApiPropertyOptional({
    type: OnSiteDisclosureDto,
    description: '现场执法（现场检查、询问、勘验）的亮证与告知：此类笔录必填，且须有两名以上执法人员',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OnSiteDisclosureDto)
  onSite?: OnSiteDisclosureDto;
}

export class PenaltyDetailsDto extends ViolationDto({ legalBasis: '处罚依据' }) {
  @ApiProperty({ type: [String], description: '处罚类别（警告、罚款、没收违法所得……）' })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  penaltyKinds!: string[];

  @ApiProperty({ description: '处罚内容' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  content!: string;

  @ApiPropertyOptional({ description: '罚款金额（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  fineYuan?: number;

  @ApiPropertyOptional({ description: '没收金额（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  confiscatedYuan?: number;

  @ApiPropertyOptional({ description: '暂扣或吊销证照名称及编号' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  licenceAffected?: string;

  @ApiProperty({ description: '处罚有效期 YYYY-MM-DD' })
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true })
  validUntil!: string;
}

const LICENCE_KINDS = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;

export class LicensingDetailsDto {
  @ApiProperty({ description: '行政许可决定书名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  documentTitle!: string;

  @ApiProperty({ enum: LICENCE_KINDS, description: '许可类别' })
  @IsIn(LICENCE_KINDS)
  licenceKind!: (typeof LICENCE_KINDS)[number];

  @ApiPropertyOptional({ description: '许可类别为“其他”时的具体类别（仅此时填写）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  licenceKindName?: string;

  @ApiPropertyOptional({ description: '许可证书名称' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  certificateName?: string;

  @ApiPropertyOptional({ description: '许可编号' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  licenceNumber?: string;

  @ApiProperty({ description: '许可内容' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  content!: string;

  @ApiPropertyOptional({ description: '有效期自 YYYY-MM-DD（准予许可必填，不予许可不填）' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true })
  validFrom?: string;

  @ApiPropertyOptional({ description: '有效期至 YYYY-MM-DD（准予许可必填，不予许可不填）' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true })
  validTo?: string;

  @ApiProperty({ description: '是否准予许可' })
  @IsBoolean()
  granted!: boolean;

  @ApiPropertyOptional({ description: '不予许可的理由（不予许可必填，公开时遮蔽）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  refusalReason?: string;
}

export class OtherDetailsDto {
  @ApiProperty({ description: '决定名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ description: '决定内容' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  content!: string;

  @ApiProperty({ description: '法律依据' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  legalBasis!: string;
}

/**
 * What the review catalogue judges (the workflow adds whether a hearing was held). Party type, fine and sanctions
 * must agree with the draft itself, which is what the catalogue reads (domain.md L3a).
 */
export class DecisionFactsDto {
  @ApiProperty({ enum: PARTY_TYPES, description: '当事人类型（罚款金额标准按类型区分）' })
  @IsIn(PARTY_TYPES)
  partyType!: PartyType;

  @ApiPropertyOptional({ description: '罚款金额（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  fineYuan?: number;

  @ApiProperty({ enum: MAJOR_MEASURES, isArray: true, description: '涉及的重大措施' })
  @IsArray()
  @IsIn(MAJOR_MEASURES, { each: true })
  measures!: MajorMeasure[];

  @ApiProperty({ description: '是否涉及多个法律关系' })
  @IsBoolean()
  multipleLegalRelations!: boolean;

  @ApiProperty({ description: '是否涉及重大公共利益' })
  @IsBoolean()
  majorPublicInterest!: boolean;

  @ApiProperty({ description: '是否可能造成重大社会影响' })
  @IsBoolean()
  majorSocialImpact!: boolean;

  @ApiPropertyOptional({ description: '是否直接关系行政相对人或第三人重大权益' })
  @IsOptional()
  @IsBoolean()
  majorRightsAffected?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: '本案符合的审核目录“其他情形”编号（目录 otherRules 的 id）',
    example: ['Q1'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, {
    each: true,
    message: 'otherRuleIds 的每一项须为 1 至 32 位字母、数字或连字符',
  })
  otherRuleIds?: string[];
}

export class CoercionDetailsDto implements CoercionDecisionDetails {
  @ApiProperty({ enum: COERCION_KINDS, description: '行政强制种类（查封、扣押、冻结、加处罚款、代履行……）' })
  @IsIn(COERCION_KINDS)
  kind!: CoercionKind;
}

/** 决定书草案: exactly one of penalty, noPenalty, licensing, other and inspection details. */
export class DraftDecisionDto extends DecisionBaseDto({
  documentNumber: '决定书文号（必填；行政许可无文书号时可不填，以许可编号代替）',
  party: '决定所针对的当事人',
  // A licensing decision without a document number takes its 许可编号 (domain.md §3; licensing-draft.ts).
  documentNumberApplies: (draft: {
    documentNumber?: string;
    licensing?: { licenceNumber?: string };
  }): boolean => draft.documentNumber !== undefined || !draft.licensing?.licenceNumber,
}) {
  @ApiPropertyOptional({ type: PenaltyDetailsDto, description: '行政处罚决定公开事项' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PenaltyDetailsDto)
  penalty?: PenaltyDetailsDto;

  @ApiPropertyOptional({
    type: NoPenaltyDetailsDto,
    description: '不予行政处罚决定公开事项（行政处罚案件，代替 penalty）',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NoPenaltyDetailsDto)
  noPenalty?: NoPenaltyDetailsDto;

  @ApiPropertyOptional({ type: LicensingDetailsDto, description: '行政许可决定公开事项' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LicensingDetailsDto)
  licensing?: LicensingDetailsDto;

  @ApiPropertyOptional({
    type: OtherDetailsDto,
    description:
      '其他执法决定公开事项（行政检查案件不适用：须填写 inspection，否则 400 DECISION_KIND_MISMATCH）',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OtherDetailsDto)
  other?: OtherDetailsDto;

  @ApiPropertyOptional({
    type: InspectionResultDto,
    description: '行政检查结果公开事项（行政检查案件，代替 other）',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InspectionResultDto)
  inspection?: InspectionResultDto;

  @ApiPropertyOptional({
    type: CoercionDetailsDto,
    description: '行政强制决定的种类：行政强制案件必填，其他案件不填',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CoercionDetailsDto)
  coercion?: CoercionDetailsDto;

  @ApiPropertyOptional({
    enum: TRADE_SECRET_FIELDS,
    isArray: true,
    description: '涉及商业秘密、公开时不予显示内容的字段（须为草案中已填写的字段）',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(TRADE_SECRET_FIELDS, { each: true })
  tradeSecretFields?: TradeSecretField[];

  @ApiProperty({ type: DecisionFactsDto, description: '重大执法决定认定所需事实' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionFactsDto)
  facts!: DecisionFactsDto;

  @ApiPropertyOptional({
    type: DecisionDocumentFieldsDto,
    description:
      '决定书载明的其他事项（行政复议机关、管辖法院等）：行政处罚决定草案填写后，提请法制审核时出具行政处罚决定书，' +
      '审核人员审核该决定书，作出决定时须载明其哈希',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionDocumentFieldsDto)
  document?: DecisionDocumentFieldsDto;
}

export class NoticeDto extends RequestIdDto {
  @ApiProperty({ description: '是否告知听证权利（行政处罚法第六十三、六十四条）' })
  @IsBoolean()
  hearingRights!: boolean;
}

export class HearingHeldDto extends RequestIdDto {
  @ApiProperty({ description: '听证报告' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  report!: string;
}

/** 承办机构认定为重大执法决定, at any stage before the decision (domain.md L3d). */
export class MajorDeclarationDto extends RequestIdDto {
  @ApiProperty({ description: '认定为重大执法决定的理由，如：涉及重大公共利益' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ReviewDisputeDto extends RequestIdDto {
  @ApiProperty({ description: '对法制审核意见有异议的理由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  reason!: string;
}

export class DecisionDto extends RequestIdDto {
  @ApiProperty({ description: '所决定草案的哈希；重大案件须与最近一次审核通过的草案一致' })
  @Matches(SHA256_PATTERN)
  draftHash!: string;

  @ApiProperty({
    description:
      '决定书载明的作出日期 YYYY-MM-DD：不得晚于今天、早于立案日期或法制审核意见作出日期；期限与统计按此日期计算',
    example: '2026-12-04',
  })
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true })
  decidedOn!: string;

  @ApiPropertyOptional({
    description:
      '所作决定的决定书 SHA-256：决定草案已出具决定书并经法制审核的，必须与审核通过的决定书一致（见审核任务的 payload.document）',
  })
  @IsOptional()
  @Matches(SHA256_PATTERN)
  documentSha256?: string;
}

/** 送达、执行、结案、归档. */
export class StageActionDto extends RequestIdDto {
  @ApiProperty({ description: '说明，例如 送达方式、执行情况' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  note!: string;
}

export class ExecutionDto extends StageActionDto {
  @ApiPropertyOptional({
    type: ActSpanDto,
    description:
      '实施的起止时间。决定为查封、扣押、强制拆除（排除妨碍、恢复原状）的行政强制案件须写明，且须有覆盖全程的录音录像',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ActSpanDto)
  carriedOut?: ActSpanDto;
}

export class DeadlineExtensionDto extends RequestIdDto {
  @ApiProperty({ description: '批准延长的行政机关负责人' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  approvedBy!: string;

  @ApiProperty({ description: '延长理由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  reason!: string;

  @ApiProperty({ minimum: 1, maximum: 365, description: '延长的自然日天数' })
  @IsInt()
  @Min(1)
  @Max(365)
  days!: number;
}

export class WithdrawalSourceDto implements WithdrawalSource {
  @ApiProperty({
    enum: WITHDRAWAL_SOURCE_KINDS,
    description: '来源：reconsideration 行政复议决定，judgment 人民法院判决，self-correction 自我纠错',
  })
  @IsIn(WITHDRAWAL_SOURCE_KINDS)
  kind!: WithdrawalSourceKind;

  @ApiProperty({ description: '复议决定书、判决书或本机关纠错决定的文书号', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNumber!: string;

  @ApiProperty({ description: '该文书载明的日期 YYYY-MM-DD，不得晚于今天', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  decidedOn!: string;
}

export class RevocationDto extends RequestIdDto {
  @ApiProperty({ enum: WITHDRAWAL_KINDS, description: '撤销、确认违法或重新作出' })
  @IsIn(WITHDRAWAL_KINDS)
  kind!: WithdrawalKind;

  @ApiProperty({ description: '理由（门户公开）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  reason!: string;

  @ApiProperty({ type: WithdrawalSourceDto, description: '撤销、确认违法或要求重新作出的依据文书' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => WithdrawalSourceDto)
  source!: WithdrawalSourceDto;
}
