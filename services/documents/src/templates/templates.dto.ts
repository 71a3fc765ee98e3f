import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  AGENCY_CODE_PATTERN,
  CASE_STAGES,
  DOCUMENT_KINDS,
  type CaseStage,
  type DocumentKind,
  type TemplateBlock,
  type TemplateField,
} from '@lep/contracts';
import { PRINTABLE } from '../common/params';
import { FILING_STATUSES, type FilingStatus } from './template-version.entity';

export class DocumentKindView {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty({ description: '文书名称' }) title!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '文号中的类别字，如“处罚”；不编文号的文书为 null',
  })
  numberWord!: string | null;
  @ApiProperty({ enum: CASE_STAGES, description: '文书所属的办案环节' }) stage!: CaseStage;
  @ApiProperty({ description: '平台默认式样的版本' }) defaultVersion!: string;
}

export class TemplateFilingView {
  @ApiProperty({ description: '式样版本，如 penalty-decision.BT01.v2' }) id!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() revision!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '受理备案的司法行政机关' }) bureauCode!: string;
  @ApiProperty({
    enum: FILING_STATUSES,
    description: '备案状态：submitted 审查中，accepted 已备案，refused 已退回',
  })
  status!: FilingStatus;
  @ApiProperty() submittedBy!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '备案号' }) recordNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '退回理由' }) refusalReason!: string | null;
}

export class AgencyTemplatesView {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '现行式样：已备案的最新本单位式样，否则平台默认式样' }) inEffect!: string;
  @ApiProperty() defaultVersion!: string;
  @ApiProperty({ type: [TemplateFilingView], description: '本单位报送的全部式样及备案情况' })
  versions!: TemplateFilingView[];
}

export class TemplateView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() title!: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: '声明的字段：name、label、type、required、source、personal',
  })
  fields!: TemplateField[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '版式版块，自上而下' })
  blocks!: TemplateBlock[];
  @ApiPropertyOptional({
    type: TemplateFilingView,
    nullable: true,
    description: '本单位式样的备案情况；平台默认式样为 null',
  })
  filing!: TemplateFilingView | null;
}

export class SubmitTemplateDto {
  @ApiProperty({ description: '制定式样的执法主体（须为调用者所属执法主体）' })
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind!: DocumentKind;

  @ApiPropertyOptional({ description: '印制的文书名称；缺省为该种类的标准名称', maxLength: 50 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  @Matches(PRINTABLE)
  title?: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      '声明的字段（name、label、type、required、source、personal）。必须包含平台默认式样的全部字段且类型相同，可增加字段',
  })
  @IsArray()
  @ArrayMaxSize(100)
  fields!: unknown[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      '版式版块：heading、number、paragraph、line、parties、list、qa、table、items、signature、signatures、note；' +
      '正文中以 {字段名} 引用字段，内置 {issuer} {number} {issuedOn} {caseNumber}',
  })
  @IsArray()
  @ArrayMaxSize(200)
  blocks!: unknown[];
}

export class AcceptFilingDto {
  @ApiPropertyOptional({ description: '备案号', maxLength: 100, example: '兵司备〔2026〕12号' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Matches(PRINTABLE)
  recordNumber?: string;
}

export class RefuseFilingDto {
  @ApiProperty({ description: '退回理由', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @Matches(/^(?:[^\p{Cc}\u202A-\u202E\u2066-\u2069]|\n)+$/u)
  reason!: string;
}

export class FilingsQuery {
  @ApiProperty({ description: '司法行政机关代码（须为调用者所属机关）' })
  @Matches(AGENCY_CODE_PATTERN)
  bureau!: string;

  @ApiPropertyOptional({ enum: FILING_STATUSES })
  @IsOptional()
  @IsIn(FILING_STATUSES)
  status?: FilingStatus;
}
