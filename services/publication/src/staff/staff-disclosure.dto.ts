import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class BlockReviewDto {
  @ApiProperty({ enum: ['lift', 'uphold'], description: 'lift：解除，予以公示；uphold：维持，不予公示' })
  @IsIn(['lift', 'uphold'])
  outcome!: 'lift' | 'uphold';

  @ApiProperty({ description: '审核意见' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  opinion!: string;
}

export class CorrectionDto {
  @ApiProperty({ description: '更正理由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ description: '决定书文号' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  documentNumber?: string;

  @ApiPropertyOptional({ description: '行政相对人名称' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  partyName?: string;

  @ApiPropertyOptional({ description: '违法事实（行政处罚、不予行政处罚）或检查情况（行政检查结果）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  facts?: string;

  @ApiPropertyOptional({
    description: '处罚内容、不予处罚理由、许可内容、决定内容或处理情况（行政检查结果）',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  content?: string;

  @ApiPropertyOptional({ description: '处罚依据、不予处罚依据、决定依据或检查依据' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  legalBasis?: string;

  @ApiPropertyOptional({ description: '公示截止期 YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  displayUntil?: string;
}

export class StaffDisclosureView {
  @ApiProperty()
  decisionId!: string;
  @ApiProperty()
  agencyCode!: string;
  @ApiProperty({ enum: ['pending', 'published', 'withheld', 'withdrawn'] })
  status!: string;
  @ApiProperty()
  version!: number;
  @ApiProperty({ description: '公示期限（最后一个工作日）', type: String, nullable: true })
  deadlineOn!: string | null;
  @ApiProperty({
    description: '公示期限为暂定时的原因（节假日安排缺少所需年度）；录入该年度后重新计算并清空',
    type: String,
    nullable: true,
  })
  deadlineProvisional!: string | null;
  @ApiProperty({ description: '公示截止期' })
  displayUntil!: string;
  @ApiProperty({
    type: [String],
    description: '等待事项：masking-confirmation 确认脱敏，block-sign-off 不予公示审核',
  })
  waitingFor!: string[];
  @ApiProperty({ type: [String], description: '脱敏发现的内容类别' })
  maskingFindings!: string[];
  @ApiProperty({ type: [String], description: '不予公示情形' })
  blocks!: string[];
  @ApiPropertyOptional()
  publishedAt?: string;
  @ApiPropertyOptional({ description: '是否按期公示' })
  publishedOnTime?: boolean;
  @ApiPropertyOptional()
  warnedAt?: string;
  @ApiPropertyOptional()
  overdueAt?: string;
  @ApiProperty({ type: Object, description: '脱敏后的公示内容' })
  publicRecord!: Record<string, unknown>;
  @ApiPropertyOptional({ type: Object })
  withdrawal?: Record<string, unknown>;
}

export class DisclosureVersionView {
  @ApiProperty()
  version!: number;
  @ApiProperty()
  reason!: string;
  @ApiProperty()
  changedBy!: string;
  @ApiProperty()
  createdAt!: string;
  @ApiProperty({ type: Object })
  publicRecord!: Record<string, unknown>;
}
