import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ItemListKind } from './item-list-version.entity';

/**
 * submitted: waiting for the legal review body; approved: published as `publishedVersion`; refused: sent back
 * with the reviewer's reason; superseded: a later submission of the same list replaced it before review.
 */
export const SUBMISSION_STATUSES = ['submitted', 'approved', 'refused', 'superseded'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * A proposed version of an agency's list waiting for (or past) its legal review: an enforcement item list is
 * published only after the agency's legal review body (法制机构) has reviewed it (S二(二)3 事前; domain.md P5).
 * Every step keeps who and when; the rows are never deleted.
 */
@Entity({ name: 'item_list_submission' })
@Check('CHK_item_list_submission_status', `"status" IN ('submitted', 'approved', 'refused', 'superseded')`)
@Index('idx_item_list_submission_agency', ['agencyCode', 'kind', 'submittedAt'])
@Index('uq_item_list_submission_open', ['agencyCode', 'kind'], {
  unique: true,
  where: `"status" = 'submitted'`,
})
export class ItemListSubmissionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  kind!: ItemListKind;

  @Column({ type: 'jsonb' })
  content!: object;

  /** The published version this one was built on (null: the agency's first list). */
  @Column({ name: 'based_on_version', type: 'int', nullable: true })
  basedOnVersion!: number | null;

  @Column({ type: 'text' })
  status!: SubmissionStatus;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  /** The review body as the agency named it when the submission was made. */
  @Column({ name: 'review_body_name', type: 'text' })
  reviewBodyName!: string;

  @Column({ name: 'review_body_agency_code', type: 'text' })
  reviewBodyAgencyCode!: string;

  @Column({ name: 'reviewed_by', type: 'text', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** The reviewer's opinion on approval (optional), the reason on refusal (required). */
  @Column({ type: 'text', nullable: true })
  opinion!: string | null;

  @Column({ name: 'published_version', type: 'int', nullable: true })
  publishedVersion!: number | null;

  @Column({ name: 'superseded_by', type: 'uuid', nullable: true })
  supersededBy!: string | null;
}
