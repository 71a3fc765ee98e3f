import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of the service's audit log: who did what to which route, and how it ended. Hash-chained. */
@Entity({ name: 'audit_entry' })
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'jsonb' })
  content!: AuditRecord;

  @Column({ name: 'previous_hash', type: 'char', length: 64 })
  previousHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}

/** What an audit entry says. Never a request body, a credential or a query string (they may hold personal data). */
export interface AuditRecord {
  at: string;
  /**
   * applied: a state change succeeded; refused: bad input or a rule said no; denied: authentication or scope said
   * no; failed: an error; read: a read the rules require to be recorded (a supervisor reading another agency's case).
   */
  outcome: 'applied' | 'refused' | 'denied' | 'failed' | 'read';
  method: string;
  path: string;
  status: number;
  /** The stable error code, or the denial reason. */
  code?: string;
  actor?: { kind: string; subject: string; agencyCode?: string; roles?: string[] };
  ip?: string;
  /** The HTTP request's id (X-Request-Id), to find its log lines. */
  requestId?: string;
  /** For a supervisor's read (outcome `read`): the agency whose case was read. */
  supervisedAgencyCode?: string;
}
