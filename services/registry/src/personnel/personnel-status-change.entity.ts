import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CertificateStatus } from './personnel.entity';

/** One step of a certificate's status timeline: `status` holds from `effectiveOn` until the next step. */
@Entity({ name: 'personnel_status_change' })
@Index('idx_personnel_status_change_timeline', ['personnelId', 'effectiveOn'])
export class PersonnelStatusChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'personnel_id', type: 'uuid' })
  personnelId!: string;

  @Column({ type: 'text' })
  status!: CertificateStatus;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
