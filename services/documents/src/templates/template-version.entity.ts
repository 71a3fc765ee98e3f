import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DocumentKind, TemplateBlock, TemplateField } from '@lep/contracts';

export const FILING_STATUSES = ['submitted', 'accepted', 'refused'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/**
 * An agency's own version of a document kind and its filing (备案) with the supervising justice bureau. It takes
 * effect when accepted; until then the agency's documents use the platform default (domain.md R2). Versions are
 * never changed: a new wording is a new revision, filed again.
 */
@Entity({ name: 'template_version' })
@Index('UQ_template_version_revision', ['agencyCode', 'kind', 'revision'], { unique: true })
@Index('idx_template_version_bureau', ['bureauCode', 'status'])
export class TemplateVersionEntity {
  /** `<kind>.<agency>.v<revision>`, as documents name it. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  fields!: TemplateField[];

  @Column({ type: 'jsonb' })
  blocks!: TemplateBlock[];

  /** The justice bureau the version was filed with, as the registry named it at submission. */
  @Column({ name: 'bureau_code', type: 'text' })
  bureauCode!: string;

  @Column({ type: 'text' })
  status!: FilingStatus;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** 备案号 the bureau gave the accepted version, if it numbers its filings. */
  @Column({ name: 'record_number', type: 'text', nullable: true })
  recordNumber!: string | null;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason!: string | null;
}
