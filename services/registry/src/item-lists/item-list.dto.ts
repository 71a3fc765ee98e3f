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
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ITEM_LIST_KINDS, ItemListKind } from './item-list-version.entity';
import {
  AvRecordingEntry,
  AvRecordingListContent,
  EnforcementItem,
  EnforcementItemListContent,
  FineThreshold,
  ITEM_CATEGORIES,
  ItemCategory,
  MAJOR_MEASURES,
  MajorMeasure,
  PARTY_TYPES,
  PartyType,
  ReviewCatalogCriteria,
  ReviewTimeLimit,
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

  @ApiPropertyOptional({ description: '服务指南' })
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
  @ApiProperty({ enum: PARTY_TYPES })
  @IsIn(PARTY_TYPES)
  partyType!: PartyType;

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

export class ItemListVersionView {
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ enum: ITEM_LIST_KINDS }) kind!: ItemListKind;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ description: '清单内容，结构随清单种类而定', type: Object }) content!: unknown;
}
