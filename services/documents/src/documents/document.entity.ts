import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DocumentKind, DocumentStatus, EvidenceConfidentiality } from '@lep/contracts';

/**
 * One issued document. The row is written with its 文号 in the numbering transaction (status pending), then
 * completed once the PDF is stored (issued); a voided document keeps its number, which is never issued again.
 * Everything the rendering needs is here, so the same bytes can be produced again.
 */
@Entity({ name: 'document' })
@Index('UQ_document_request', ['agencyCode', 'requestId'], { unique: true })
@Index('UQ_document_serial', ['agencyCode', 'kind', 'numberYear', 'numberSerial'], {
  unique: true,
  where: 'number_serial IS NOT NULL',
})
@Index('idx_document_case', ['caseId'])
export class DocumentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  /** SHA-256 of the request as first sent: a replay that changed it is refused. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'template_version', type: 'text' })
  templateVersion!: string;

  @Column({ type: 'text', nullable: true })
  number!: string | null;

  @Column({ name: 'number_year', type: 'integer', nullable: true })
  numberYear!: number | null;

  @Column({ name: 'number_serial', type: 'integer', nullable: true })
  numberSerial!: number | null;

  /** The issuing agency's name as the registry held it when the document was made. */
  @Column({ type: 'text' })
  issuer!: string;

  /** YYYY-MM-DD in China time. */
  @Column({ name: 'issued_on', type: 'text' })
  issuedOn!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'text' })
  confidentiality!: EvidenceConfidentiality;

  @Column({ type: 'text' })
  status!: DocumentStatus;

  @Column({ type: 'text', nullable: true })
  sha256!: string | null;

  @Column({ name: 'masked_sha256', type: 'text', nullable: true })
  maskedSha256!: string | null;

  @Column({ type: 'integer', nullable: true })
  size!: number | null;

  @Column({ name: 'evidence_item_id', type: 'uuid', nullable: true })
  evidenceItemId!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'stored_at', type: 'timestamptz', nullable: true })
  storedAt!: Date | null;

  @Column({ name: 'voided_by', type: 'text', nullable: true })
  voidedBy!: string | null;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason!: string | null;
}
