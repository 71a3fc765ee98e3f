import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ITEM_LIST_KINDS, ItemListKind } from './item-list-version.entity';
import { SUBMISSION_STATUSES, SubmissionStatus } from './item-list-submission.entity';
import {
  AGENCY_CODE_PATTERN,
  AvRecordingEntry,
  AvRecordingListContent,
  CatalogItemRule,
  CatalogOtherRule,
  EnforcementItem,
  EnforcementItemListContent,
  FineThreshold,
  ITEM_CATEGORIES,
  ItemCategory,
  MAJOR_MEASURES,
  MajorMeasure,
  ReviewCatalogCriteria,
  ReviewTimeLimit,
  THRESHOLD_PARTY_KINDS,
  ThresholdPartyKind,
} from '@lep/contracts';

/** The most entries one list version may hold (an item list import is held to it too). */
export const MAX_LIST_LENGTH = 5_000;

export class EnforcementItemDto implements EnforcementItem {
  @ApiProperty({ description: '事项编码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code!: string;

  @ApiProperty({ description: '事项名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiProperty({ enum: ITEM_CATEGORIES, description: '许可、处罚、强制、检查、征收征用、确认、其他' })
  @IsIn(ITEM_CATEGORIES)
  category!: ItemCategory;

  @ApiProperty({ description: '实施依据' })
  @IsString()
  @IsNotEmpty()
  legalBasis!: string;

  @ApiProperty({ description: '办理程序' })
  @IsString()
  @IsNotEmpty()
  procedure!: string;

  @ApiProperty({ description: '法定办结时限（工作日）' })
  @IsInt()
  @Min(0)
  @Max(3650)
  statutoryWorkingDays!: number;

  @ApiPropertyOptional({ description: '承诺办结时限（工作日）' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  promisedWorkingDays?: number;

  @ApiPropertyOptional({ description: '受理机构（服务指南）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  acceptingBody?: string;

  @ApiPropertyOptional({ description: '审批机构（服务指南）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  approvingBody?: string;

  @ApiPropertyOptional({ description: '服务指南：申请材料、办理流程、收费等' })
  @IsOptional()
  @IsString()
  serviceGuide?: string;
}

export class EnforcementItemListDto implements EnforcementItemListContent {
  @ApiProperty({ type: [EnforcementItemDto] })
  @IsArray()
  @ArrayMaxSize(MAX_LIST_LENGTH)
  @ValidateNested({ each: true })
  @Type(() => EnforcementItemDto)
  items!: EnforcementItemDto[];
}

export class AvRecordingEntryDto implements AvRecordingEntry {
  @ApiProperty({ description: '事项编码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ type: [String], description: '需音像记录的环节，如现场检查、调查取证、送达' })
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  stages!: string[];

  @ApiProperty({ description: '是否需全过程音像记录' })
  @IsBoolean()
  fullProcess!: boolean;
}

export class AvRecordingListDto implements AvRecordingListContent {
  @ApiProperty({ type: [AvRecordingEntryDto] })
  @IsArray()
  @ArrayMaxSize(MAX_LIST_LENGTH)
  @ValidateNested({ each: true })
  @Type(() => AvRecordingEntryDto)
  entries!: AvRecordingEntryDto[];
}

export class FineThresholdDto implements FineThreshold {
  @ApiProperty({
    enum: THRESHOLD_PARTY_KINDS,
    description: '当事人类型；个体工商户未单列金额时按自然人标准',
  })
  @IsIn(THRESHOLD_PARTY_KINDS)
  partyType!: ThresholdPartyKind;

  @ApiProperty({ description: '罚款达到该金额（元）即属重大执法决定' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  minimumYuan!: number;
}

export class ReviewTimeLimitDto implements ReviewTimeLimit {
  @ApiProperty({ minimum: 1, maximum: 60, description: '审核期限（工作日），自材料齐全之日起算' })
  @IsInt()
  @Min(1)
  @Max(60)
  workingDays!: number;

  @ApiProperty({ minimum: 0, maximum: 30, description: '经审核机构负责人批准可延长的工作日数' })
  @IsInt()
  @Min(0)
  @Max(30)
  extensionWorkingDays!: number;
}

export class CatalogItemRuleDto implements CatalogItemRule {
  @ApiProperty({ description: '执法事项编码：该事项的执法决定均属重大执法决定' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  itemCode!: string;

  @ApiProperty({ description: '执法事项名称（写入认定理由）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  itemName!: string;
}

export class CatalogOtherRuleDto implements CatalogOtherRule {
  @ApiProperty({ description: '情形编号，决定书草案的 facts.otherRuleIds 以此援引', example: 'Q1' })
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'id 须为 1 至 32 位字母、数字或连字符' })
  id!: string;

  @ApiProperty({ description: '情形表述（法律法规规章规定的其他情形）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;

  @ApiProperty({ description: '法律依据（法律、法规、规章名称及条款）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  legalSource!: string;
}

export class ReviewCatalogDto implements ReviewCatalogCriteria {
  @ApiProperty({ type: [FineThresholdDto], description: '按当事人类型的罚款金额标准' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FineThresholdDto)
  fineThresholds!: FineThresholdDto[];

  @ApiProperty({ enum: MAJOR_MEASURES, isArray: true, description: '无论金额均属重大执法决定的措施' })
  @IsArray()
  @ArrayUnique()
  @IsIn(MAJOR_MEASURES, { each: true })
  measures!: MajorMeasure[];

  @ApiPropertyOptional({ type: [CatalogItemRuleDto], description: '决定均属重大执法决定的执法事项' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST_LENGTH)
  @ValidateNested({ each: true })
  @Type(() => CatalogItemRuleDto)
  items?: CatalogItemRuleDto[];

  @ApiPropertyOptional({
    type: [CatalogOtherRuleDto],
    description: '法律法规规章规定的其他情形，各附法律依据',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CatalogOtherRuleDto)
  otherRules?: CatalogOtherRuleDto[];

  @ApiPropertyOptional({
    type: () => ReviewTimeLimitDto,
    description: '法制审核期限；缺省为 7 个工作日，可延长 3 个工作日',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReviewTimeLimitDto)
  reviewTimeLimit?: ReviewTimeLimitDto;
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: '返回该时刻施行的版本（ISO 8601 时间）；缺省为当前版本' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class ReviewBodyView {
  @ApiProperty({ description: '法制审核机构名称' }) name!: string;
  @ApiProperty({ description: '法制审核机构所属执法主体代码' }) agencyCode!: string;
}

export class ItemListReviewView {
  @ApiProperty() submissionId!: string;
  @ApiProperty() submittedBy!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: ReviewBodyView }) reviewBody!: ReviewBodyView;
  @ApiProperty() reviewedBy!: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt!: string;
  @ApiProperty({ nullable: true, type: String }) opinion!: string | null;
}

export class ItemListVersionView {
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ enum: ITEM_LIST_KINDS }) kind!: ItemListKind;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ description: '清单内容，结构随清单种类而定', type: Object }) content!: unknown;
  @ApiPropertyOptional({
    type: ItemListReviewView,
    description: '该版本经过的法制审核（行政执法事项清单经本机关法制机构审核后公示）',
  })
  review?: ItemListReviewView;
}

export class ItemListSubmissionView {
  @ApiProperty({ format: 'uuid', description: '报审编号' }) id!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ enum: ITEM_LIST_KINDS }) kind!: ItemListKind;
  @ApiProperty({
    enum: SUBMISSION_STATUSES,
    description: 'submitted 待法制审核；approved 审核通过并已公示；refused 退回；superseded 被后一次报审取代',
  })
  status!: SubmissionStatus;
  @ApiProperty({ nullable: true, type: Number, description: '所依据的已公示版本' })
  basedOnVersion!: number | null;
  @ApiProperty() submittedBy!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: ReviewBodyView, description: '负责审核的法制审核机构' })
  reviewBody!: ReviewBodyView;
  @ApiPropertyOptional() reviewedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) reviewedAt?: string;
  @ApiPropertyOptional({ description: '审核意见（通过时可填）或退回理由' }) opinion?: string;
  @ApiPropertyOptional({ description: '审核通过后公示的版本号' }) publishedVersion?: number;
  @ApiPropertyOptional({ format: 'uuid', description: '取代本次报审的报审编号' }) supersededBy?: string;
  @ApiProperty({ description: '报审的清单内容', type: Object }) content!: unknown;
}

export class SubmissionParams {
  @ApiProperty({ description: '执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  code!: string;

  @ApiProperty({ format: 'uuid', description: '报审编号' })
  @IsUUID()
  id!: string;
}

export class SubmissionsQuery {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES, description: '按状态筛选' })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;
}

export class ApprovalDto {
  @ApiPropertyOptional({ description: '审核意见' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  opinion?: string;
}

export class RefusalDto {
  @ApiProperty({ description: '退回理由（报审单位据此修改后重新报审）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
