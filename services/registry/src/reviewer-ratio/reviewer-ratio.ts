import { ReviewerRatioData } from '@lep/contracts';
import type { EntityManager } from 'typeorm';
import { statusOnSql } from '../personnel/certificate-status';

/** L2: legal reviewers should number at least 5% of an agency's enforcement officers. */
export const REVIEWER_RATIO_THRESHOLD = 0.05;

export interface ReviewerRatio extends ReviewerRatioData {
  compliant: boolean;
}

/**
 * Counts, on `day`, the agency's people holding a certificate in force (issued, not expired, status active):
 * those with the handler role are its enforcement officers, those with the legal-reviewer role its reviewers.
 * An agency without officers has nothing to review and is compliant.
 */
export async function reviewerRatio(
  manager: EntityManager,
  agencyCode: string,
  day: string,
): Promise<ReviewerRatio> {
  const rows: { officers: string; reviewers: string }[] = await manager.query(
    `SELECT count(*) FILTER (WHERE 'handler' = ANY(p.roles)) AS officers,
            count(*) FILTER (WHERE 'legal-reviewer' = ANY(p.roles)) AS reviewers
       FROM personnel p
      WHERE p.agency_code = $1
        AND p.certificate_issued_on <= $2 AND p.certificate_expires_on >= $2
        AND ${statusOnSql('$2')} = 'active'`,
    [agencyCode, day],
  );
  return ratioFromCounts(agencyCode, Number(rows[0].reviewers), Number(rows[0].officers));
}

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
