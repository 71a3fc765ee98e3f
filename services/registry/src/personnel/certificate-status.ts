import type { EntityManager } from 'typeorm';
import type { CertificateStatus, ShownCertificateStatus } from './personnel.entity';

/**
 * The status a certificate had on `day` per its timeline: the latest step effective on or before that day
 * (a later-recorded step wins a tie). Null before the first step.
 */
export async function certificateStatusOn(
  manager: EntityManager,
  personnelId: string,
  day: string,
): Promise<CertificateStatus | null> {
  const rows: { status: CertificateStatus }[] = await manager.query(
    `SELECT status FROM personnel_status_change
      WHERE personnel_id = $1 AND effective_on <= $2
      ORDER BY effective_on DESC, id DESC LIMIT 1`,
    [personnelId, day],
  );
  return rows[0]?.status ?? null;
}

/** SQL expression for the status of personnel row `p` on the day bound as `$dayParam`. */
export function statusOnSql(dayParam: string): string {
  return `(SELECT s.status FROM personnel_status_change s
            WHERE s.personnel_id = p.id AND s.effective_on <= ${dayParam}
            ORDER BY s.effective_on DESC, s.id DESC LIMIT 1)`;
}

/**
 * The status a person shows on `day`: the timeline's, except that an active certificate past its last valid day
 * shows `expired`. Expiry is no act anyone records, so the timeline has no step for it.
 */
export function shownStatus(
  timeline: CertificateStatus | null,
  certificateExpiresOn: string,
  day: string,
): ShownCertificateStatus | null {
  return timeline === 'active' && day > certificateExpiresOn ? 'expired' : timeline;
}
