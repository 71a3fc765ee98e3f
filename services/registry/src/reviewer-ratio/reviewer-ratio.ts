import { ReviewerRatioData } from '@lep/contracts';
import type { EntityManager } from 'typeorm';
import { statusOnSql } from '../personnel/certificate-status';

/** L2: legal reviewers should number at least 5% of an agency's enforcement officers. */
export const REVIEWER_RATIO_THRESHOLD = 0.05;

export interface ReviewerRatio extends ReviewerRatioData {
  compliant: boolean;
}

/**
 * Counts, on `day`, the agency's enforcement officers — people with the handler role holding a certificate in
 * force (issued, not expired, status active) — and its legal reviewers: people with the legal-reviewer role who
 * hold a certificate in force or a legal standing (法律职业资格, 公职律师, 法律顾问; S二(四)1 counts 法律顾问 and
 * 公职律师 among the review force, domain.md L2a). An agency without officers has nothing to review and is
 * compliant.
 */
export async function reviewerRatio(
  manager: EntityManager,
  agencyCode: string,
  day: string,
): Promise<ReviewerRatio> {
  const rows: { officers: string; reviewers: string }[] = await manager.query(
    `SELECT count(*) FILTER (WHERE 'handler' = ANY(p.roles) AND ${CERTIFICATE_IN_FORCE}) AS officers,
            count(*) FILTER (WHERE 'legal-reviewer' = ANY(p.roles)
                               AND (${CERTIFICATE_IN_FORCE} OR jsonb_array_length(p.legal_standing) > 0)) AS reviewers
       FROM personnel p
      WHERE p.agency_code = $1`,
    [agencyCode, day],
  );
  return ratioFromCounts(agencyCode, Number(rows[0].reviewers), Number(rows[0].officers));
}

/** Person `p` holds an enforcement certificate in force on the day bound as $2. */
const CERTIFICATE_IN_FORCE = `(p.certificate_issued_on <= $2 AND p.certificate_expires_on >= $2
                               AND ${statusOnSql('$2')} = 'active')`;

/** The ratio and its verdict for given head counts (bulk imports derive counts before a change from after it). */
export function ratioFromCounts(
  agencyCode: string,
  legalReviewers: number,
  enforcementOfficers: number,
): ReviewerRatio {
  const ratio = enforcementOfficers === 0 ? null : legalReviewers / enforcementOfficers;
  return {
    agencyCode,
    legalReviewers,
    enforcementOfficers,
    ratio,
    threshold: REVIEWER_RATIO_THRESHOLD,
    compliant: ratio === null || ratio >= REVIEWER_RATIO_THRESHOLD,
  };
}
