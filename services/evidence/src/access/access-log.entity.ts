import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AccessAction = 'download' | 'presigned-url' | 'delete';
export type AccessOutcome = 'granted' | 'denied';

/** One attempt to reach an item's content, granted or not: who, when, which item, for what stated purpose. */
@Entity({ name: 'evidence_access_log' })
export class AccessLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'evidence_id', type: 'uuid' })
  evidenceId!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  action!: AccessAction;

  @Column({ type: 'text' })
  outcome!: AccessOutcome;

  /** Why access was denied (a stable code), null when granted. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  /** The Range header of a partial download, as asked. */
  @Column({ name: 'byte_range', type: 'text', nullable: true })
  byteRange!: string | null;

  @Column({ type: 'text' })
  accessor!: string;

  @Column({ name: 'accessor_kind', type: 'text' })
  accessorKind!: string;

  @Column({ name: 'accessor_agency', type: 'text', nullable: true })
  accessorAgency!: string | null;

  @Column({ name: 'accessor_roles', type: 'text', array: true })
  accessorRoles!: string[];

  @Column({ name: 'accessed_at', type: 'timestamptz', default: () => 'now()' })
  accessedAt!: Date;
}
