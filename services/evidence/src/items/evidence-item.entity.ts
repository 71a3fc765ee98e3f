import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EvidenceConfidentiality, EvidenceKind } from '@lep/contracts';

/** Transforms PostgreSQL bigint (a string in node-postgres) into a number; sizes stay far below 2^53. */
const bigintAsNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

/**
 * One evidence item (证据/执法记录) of a case. Several items share one stored object when their bytes are
 * identical: the row holds what was said about the item and the key of the object holding its bytes.
 */
@Entity({ name: 'evidence_item' })
@Index('idx_evidence_item_case', ['caseId', 'storedAt'])
@Index('idx_evidence_item_sha256', ['sha256'])
export class EvidenceItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'text' })
  kind!: EvidenceKind;

  @Column({ name: 'captured_at', type: 'timestamptz' })
  capturedAt!: Date;

  /** Audio and video: when the recording stopped (it started at capturedAt); null when not given. */
  @Column({ name: 'recording_ended_at', type: 'timestamptz', nullable: true })
  recordingEndedAt!: Date | null;

  @Column({ name: 'captured_by', type: 'text' })
  capturedBy!: string;

  @Column({ type: 'text', nullable: true })
  device!: string | null;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  confidentiality!: EvidenceConfidentiality;

  /** The file name the client sent, reduced to a plain name; never used to build a storage path. */
  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size!: number;

  /** `sha256/<hex>` when the hash was known before the bytes were stored, else `upload/<uuid>` (S3 has no rename). */
  @Column({ name: 'object_key', type: 'text' })
  objectKey!: string;

  /** Null: kept permanently. */
  @Column({ name: 'retain_until', type: 'timestamptz', nullable: true })
  retainUntil!: Date | null;

  @Column({ name: 'stored_at', type: 'timestamptz' })
  storedAt!: Date;

  /** Who sent the upload (staff id or API key id); capturedBy is who made the record. */
  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy!: string;

  /** The client's request id, unique per agency: a retried upload answers this item again. */
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;
}
