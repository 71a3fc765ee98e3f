import type { CalendarRegion } from '@lep/calendar';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';

export const AGENCY_LEVELS = ['corps', 'division', 'department', 'regiment'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** An enforcement body (执法主体) in the 兵团 → 师市 → department/团场 hierarchy. */
@Entity({ name: 'agency' })
@Index('idx_agency_parent', ['parentCode'])
@Unique('UQ_agency_uscc', ['unifiedSocialCreditCode'])
export class AgencyEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: AgencyLevel;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ name: 'unified_social_credit_code', type: 'text' })
  unifiedSocialCreditCode!: string;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis!: string;

  @Column({ name: 'duties_and_powers', type: 'text' })
  dutiesAndPowers!: string;

  @Column({ type: 'text' })
  region!: CalendarRegion;

  @Column({ name: 'legal_review_body_name', type: 'text' })
  legalReviewBodyName!: string;

  @Column({ name: 'legal_review_body_agency_code', type: 'text' })
  legalReviewBodyAgencyCode!: string;

  /** A justice bureau (司法行政机关): records the formats of the documents of the agencies it supervises (R2). */
  @Column({ name: 'justice_bureau', type: 'boolean', default: false })
  justiceBureau!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
