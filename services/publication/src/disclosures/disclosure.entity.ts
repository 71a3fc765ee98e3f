import type { Provisional } from '@lep/calendar';
import type {
  DecisionMadeData,
  ItemCategory,
  PublicationBlockReason,
  PublicDisclosureRecord,
  WithdrawalKind,
  WithdrawalSource,
} from '@lep/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * pending: waiting for its deadline workflow (masking confirmation, block sign-off); published: on the portal;
 * withheld: a reviewer upheld a domain.md §4 block, never published; withdrawn: taken off the portal (domain.md P9).
 */
export const DISCLOSURE_STATUSES = ['pending', 'published', 'withheld', 'withdrawn'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

export interface BlockReview {
  outcome: 'lift' | 'uphold';
  reviewerId: string;
  opinion: string;
  at: string;
}

export interface Withdrawal {
  kind: WithdrawalKind;
  reason: string;
  /** The 复议决定, 判决 or 自我纠错 document; absent on withdrawals received before it was sent. */
  source?: WithdrawalSource;
  withdrawnOn: string;
  /** Three working days after withdrawnOn (domain.md P9); null only on records from before the calendar moved. */
  withdrawBy: string | null;
  /** Why withdrawBy is provisional: the calendar lacked a year it needed. */
  withdrawByProvisional?: Provisional | null;
  withdrawnAt: string;
  wasPublished: boolean;
}

/** One decision's disclosure: the raw decision as received and its masked public record, both kept (domain.md §4). */
@Entity({ name: 'disclosure' })
@Index('idx_disclosure_portal', ['status', 'decidedOn'])
export class DisclosureEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'text' })
  decisionId!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  category!: ItemCategory;

  @Column({ type: 'text' })
  region!: string;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  /** The decision event's data, unmasked: for staff and the credit platform, never for the public API. */
  @Column({ type: 'jsonb' })
  raw!: DecisionMadeData;

  @Column({ name: 'public_record', type: 'jsonb' })
  publicRecord!: PublicDisclosureRecord;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  status!: DisclosureStatus;

  @Column({ name: 'masking_findings', type: 'jsonb' })
  maskingFindings!: string[];

  @Column({ name: 'needs_masking_confirmation', type: 'boolean' })
  needsMaskingConfirmation!: boolean;

  @Column({ name: 'masking_confirmed_by', type: 'text', nullable: true })
  maskingConfirmedBy!: string | null;

  @Column({ name: 'masking_confirmed_at', type: 'timestamptz', nullable: true })
  maskingConfirmedAt!: Date | null;

  @Column({ type: 'jsonb' })
  blocks!: Array<PublicationBlockReason | 'age-unverified'>;

  @Column({ name: 'block_review', type: 'jsonb', nullable: true })
  blockReview!: BlockReview | null;

  /** Last day to publish (domain.md P7); null only on records from before the calendar moved to the registry. */
  @Column({ name: 'deadline_on', type: 'date', nullable: true })
  deadlineOn!: string | null;

  /**
   * Set while deadlineOn was counted without a year's notice (domain.md §6): which years, and why. Counted again
   * when the registry announces the year.
   */
  @Column({ name: 'deadline_provisional', type: 'jsonb', nullable: true })
  deadlineProvisional!: Provisional | null;

  @Column({ name: 'display_until', type: 'date' })
  displayUntil!: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Timeliness for statistics: published on or before deadlineOn (Beijing time). */
  @Column({ name: 'published_on_time', type: 'boolean', nullable: true })
  publishedOnTime!: boolean | null;

  @Column({ name: 'warned_at', type: 'timestamptz', nullable: true })
  warnedAt!: Date | null;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  withdrawal!: Withdrawal | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Every public version of a record: the first one and each correction (domain.md P4, P10). */
@Entity({ name: 'disclosure_version' })
export class DisclosureVersionEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'text' })
  decisionId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ name: 'public_record', type: 'jsonb' })
  publicRecord!: PublicDisclosureRecord;

  /** Why this version exists: 'initial' or the correction reason. */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
