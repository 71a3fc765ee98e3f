import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DOCUMENT_KINDS, type DocumentKind } from '@lep/contracts';

/** Chinese characters (and the odd letter or digit some abbreviations carry), nothing that breaks a 文号. */
export const NUMBER_PART = /^[\p{Script=Han}A-Za-z0-9]{1,12}$/u;

export class NumberingPatternDto {
  @ApiProperty({ description: '机关代字，如“石市监”', example: '石市监', maxLength: 12 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(12)
  @Matches(NUMBER_PART)
  abbreviation!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: '各编号文书种类的类别字，缺省取平台默认（如 penalty-decision 为“处罚”）',
    example: { 'penalty-decision': '罚' },
  })
  @IsOptional()
  @IsObject()
  kindWords?: Record<string, string>;
}

export class NumberingCounterView {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() year!: number;
  @ApiProperty({ description: '已使用的最大序号' }) lastSerial!: number;
}

export class VoidedNumberView {
  @ApiProperty() number!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() voidedBy!: string;
  @ApiProperty({ format: 'date-time' }) voidedAt!: string;
}

export class NumberingView {
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ type: String, nullable: true, description: '机关代字；未设置时编号文书无法出具' })
  abbreviation!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: '各编号文书种类现行的类别字',
  })
  kindWords!: Record<string, string>;
  @ApiProperty({ type: [NumberingCounterView] }) counters!: NumberingCounterView[];
  @ApiProperty({ type: [VoidedNumberView], description: '已作废的文号（不再使用）' })
  voided!: VoidedNumberView[];
}
