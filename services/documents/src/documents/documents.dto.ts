import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  CASE_ID_PATTERN,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  EVIDENCE_CONFIDENTIALITY,
  type DocumentKind,
  type DocumentStatus,
  type EvidenceConfidentiality,
  type IssuedDocument,
} from '@lep/contracts';
import { TEMPLATE_VERSION_PATTERN } from '../common/params';

/** As case-api's and evidence's request ids: printable ASCII without spaces. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export class IssueDocumentDto {
  @ApiProperty({
    description: '请求标识（重试时保持不变）：同一标识再次提交时返回首次出具的文书，不会再占用文号',
    pattern: REQUEST_ID_PATTERN.source,
  })
  @Matches(REQUEST_ID_PATTERN)
  requestId!: string;

  @ApiProperty({ description: '案件标识 case-<执法主体代码>.<案件编号>' })
  @Matches(CASE_ID_PATTERN)
  caseId!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind!: DocumentKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '文书式样声明的字段值（见 GET /api/v1/templates/{id} 的 fields）',
  })
  @IsObject()
  data!: Record<string, unknown>;

  @ApiPropertyOptional({ description: '指定式样版本时，必须是本执法主体现行的式样' })
  @IsOptional()
  @Matches(TEMPLATE_VERSION_PATTERN)
  templateVersion?: string;

  @ApiPropertyOptional({
    enum: EVIDENCE_CONFIDENTIALITY,
    description: '存入证据库的密级；缺省时载有自然人信息的为 personal-privacy，否则为 internal',
  })
  @IsOptional()
  @IsIn(EVIDENCE_CONFIDENTIALITY)
  confidentiality?: EvidenceConfidentiality;
}

export class VoidDocumentDto {
  @ApiProperty({ description: '作废理由', maxLength: 1000, example: '文书内容有误，重新出具' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  @Matches(/^(?:[^\p{Cc}\u202A-\u202E\u2066-\u2069]|\n){2,}$/u)
  reason!: string;
}

export class CaseDocumentsQuery {
  @ApiProperty({ description: '案件标识 case-<执法主体代码>.<案件编号>' })
  @Matches(CASE_ID_PATTERN)
  caseId!: string;
}

export class DocumentView implements IssuedDocument {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, description: '文号；不编文号的文书为 null' }) number!:
    string | null;
  @ApiProperty({ description: '所用文书式样版本' }) templateVersion!: string;
  @ApiProperty({
    enum: DOCUMENT_STATUSES,
    description:
      'pending：已编号、尚未存入证据库（以同一请求标识重试即完成）；issued：已出具；voided：已作废',
  })
  status!: DocumentStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'PDF 的 SHA-256，亦即证据库与全过程记录中的哈希',
  })
  sha256!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '隐去个人信息的公开版 PDF 的 SHA-256' })
  maskedSha256!: string | null;
  @ApiProperty({ type: Number, nullable: true }) size!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '证据库中的条目' })
  evidenceItemId!: string | null;
  @ApiProperty({ enum: EVIDENCE_CONFIDENTIALITY }) confidentiality!: EvidenceConfidentiality;
  @ApiProperty({ description: '出具日期 YYYY-MM-DD' }) issuedOn!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) voidReason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) voidedAt!: string | null;
}
