import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_CODE_PATTERN, DECISION_ID_PATTERN, ITEM_CATEGORIES, ItemCategory } from '@lep/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@lep/nest-kit';

/** A calendar day as the public queries take it, YYYY-MM-DD (checked as a real date by `IsISO8601` beside it). */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The public lists: 20 a page by default, at most 100. */
export class PublicDecisionQuery extends PageQuery({ default: 20, max: 100 }) {
  @ApiPropertyOptional({ description: '执法主体代码' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ enum: ITEM_CATEGORIES, description: '决定类别' })
  @IsOptional()
  @IsIn(ITEM_CATEGORIES)
  category?: ItemCategory;

  @ApiPropertyOptional({ description: '决定日期起 YYYY-MM-DD（含）' })
  @IsOptional()
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '决定日期止 YYYY-MM-DD（含）' })
  @IsOptional()
  @Matches(DATE_ONLY)
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: '行政相对人名称（按公示名称）或统一社会信用代码' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  party?: string;

  @ApiPropertyOptional({ description: '关键词：在文号、违法事实、处罚内容等公示内容中检索' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  keyword?: string;

  @ApiPropertyOptional({ enum: ['published', 'withdrawn'], description: '公示中（默认）或已撤回' })
  @IsOptional()
  @IsIn(['published', 'withdrawn'])
  status?: 'published' | 'withdrawn';
}

export class DecisionIdParam {
  @ApiProperty({ description: '决定标识 case-<执法主体代码>.<案件编号>-D<序号>（案件编号可含中文）' })
  @Matches(DECISION_ID_PATTERN)
  id!: string;
}

export class PublicWithdrawalSourceView {
  @ApiProperty({ enum: ['行政复议决定', '人民法院判决', '自我纠错'] })
  kind!: string;
  @ApiProperty({ description: '复议决定书、判决书或纠错决定的文书号' })
  documentNumber!: string;
  @ApiProperty({ description: '该文书载明的日期 YYYY-MM-DD' })
  decidedOn!: string;
}

export class PublicWithdrawalView {
  @ApiProperty({ enum: ['撤销', '确认违法', '重新作出'] })
  kind!: string;
  @ApiProperty({ description: '撤回理由' })
  reason!: string;
  @ApiProperty({ description: '撤回时间' })
  withdrawnAt!: string;
  @ApiPropertyOptional({ type: PublicWithdrawalSourceView, description: '撤回依据（早期撤回的记录没有）' })
  source?: PublicWithdrawalSourceView;
}

export class PublicDecisionView {
  @ApiProperty()
  decisionId!: string;
  @ApiProperty({ enum: ['published', 'withdrawn'] })
  status!: 'published' | 'withdrawn';
  @ApiProperty({ description: '公示版本，更正后递增' })
  version!: number;
  @ApiPropertyOptional({ description: '公示时间' })
  publishedAt?: string;
  @ApiProperty({
    description: '脱敏后的公示内容（行政执法公示字段）；已撤回的决定只保留文号、机关和日期',
    type: Object,
  })
  record!: Record<string, unknown>;
  @ApiPropertyOptional({ type: PublicWithdrawalView })
  withdrawal?: PublicWithdrawalView;
}

export class PublicDecisionPage {
  @ApiProperty({ type: [PublicDecisionView] })
  items!: PublicDecisionView[];
  @ApiProperty()
  total!: number;
  @ApiProperty()
  page!: number;
  @ApiProperty()
  pageSize!: number;
}
