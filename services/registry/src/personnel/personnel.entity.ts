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

/** An enforcement officer (执法人员) and their certificate (执法证). */
@Entity({ name: 'personnel' })
@Index('idx_personnel_agency', ['agencyCode'])
@Unique('UQ_personnel_certificate_number', ['certificateNumber'])
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

  @Column({ name: 'certificate_number', type: 'text' })
  certificateNumber!: string;

  @Column({ name: 'certificate_issued_on', type: 'date' })
  certificateIssuedOn!: string;

  @Column({ name: 'certificate_expires_on', type: 'date' })
  certificateExpiresOn!: string;

  @Column({ type: 'text' })
  qualification!: Qualification;

  /** 执法区域/执法类别 as printed on the certificate. */
  @Column({ type: 'text' })
  scope!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
