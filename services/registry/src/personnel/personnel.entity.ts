import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';

export const PERSONNEL_ROLES = ['handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor'] as const;
export type PersonnelRole = (typeof PERSONNEL_ROLES)[number];
export const CERTIFICATE_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
/** What a person shows on a day: a recorded status, or `expired` once the certificate's validity has ended. */
export const SHOWN_CERTIFICATE_STATUSES = [...CERTIFICATE_STATUSES, 'expired'] as const;
export type ShownCertificateStatus = (typeof SHOWN_CERTIFICATE_STATUSES)[number];
/** How the person qualified for the certificate: the enforcement exam, or exempted by 法律职业资格. */
export const QUALIFICATIONS = ['exam-passed', 'legal-profession-exempt'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];
/**
 * Legal standing that qualifies a person for legal review (S二(四)1 names 法律顾问 and 公职律师; APL art. 58 the
 * 法律职业资格): `legal-profession` (法律职业资格, with its certificate number), `public-lawyer` (公职律师),
 * `legal-adviser` (法律顾问). A person may hold none or several.
 */
export const LEGAL_STANDING_KINDS = ['legal-profession', 'public-lawyer', 'legal-adviser'] as const;
export type LegalStandingKind = (typeof LEGAL_STANDING_KINDS)[number];
export interface LegalStanding {
  kind: LegalStandingKind;
  /** 法律职业资格证书编号 (legal-profession), 公职律师执业证号 (public-lawyer); null where there is none. */
  certificateNumber: string | null;
}

/**
 * A member of an agency's staff: an enforcement officer (执法人员) with their certificate (执法证), and/or a legal
 * reviewer with their legal standing. The certificate fields are all null for a person who is only a legal
 * reviewer and holds none (domain.md L2a).
 */
@Entity({ name: 'personnel' })
@Index('idx_personnel_agency', ['agencyCode'])
@Unique('UQ_personnel_certificate_number', ['certificateNumber'])
@Index('UQ_personnel_principal_leader', ['agencyCode'], { unique: true, where: 'principal_leader' })
export class PersonnelEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Resident ID number: kept for identity checks, never selected for answers or events. */
  @Column({ name: 'id_number', type: 'text', nullable: true, select: false })
  idNumber!: string | null;

  @Column({ type: 'text', array: true })
  roles!: PersonnelRole[];

  @Column({ name: 'certificate_number', type: 'text', nullable: true })
  certificateNumber!: string | null;

  @Column({ name: 'certificate_issued_on', type: 'date', nullable: true })
  certificateIssuedOn!: string | null;

  @Column({ name: 'certificate_expires_on', type: 'date', nullable: true })
  certificateExpiresOn!: string | null;

  @Column({ type: 'text', nullable: true })
  qualification!: Qualification | null;

  /** 执法区域/执法类别 as printed on the certificate. */
  @Column({ type: 'text', nullable: true })
  scope!: string | null;

  @Column({ name: 'legal_standing', type: 'jsonb', default: () => "'[]'" })
  legalStanding!: LegalStanding[];

  /** The agency's principal leader (主要负责人): at most one per agency, who alone overrules a failed review. */
  @Column({ name: 'principal_leader', type: 'boolean', default: false })
  principalLeader!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
