import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@lep/auth';

/** An agency system's credential. Only the scrypt hash of its secret is kept; the secret was shown once. */
@Entity({ name: 'api_key' })
@Index('idx_api_key_agency', ['agencyCode'])
export class ApiKeyEntity {
  @PrimaryColumn({ name: 'key_id', type: 'text' })
  keyId!: string;

  /** `scrypt$N$r$p$<salt>$<hash>` from @lep/auth generateApiKey. */
  @Column({ name: 'secret_hash', type: 'text' })
  secretHash!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** What the key is for, e.g. the name of the agency system holding it. */
  @Column({ type: 'text' })
  label!: string;

  /** `<principal kind>:<subject>` of whoever created it. */
  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'text', nullable: true })
  revokedBy!: string | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason!: string | null;
}
