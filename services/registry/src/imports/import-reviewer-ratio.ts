import type { EntityManager } from 'typeorm';
import { chinaDate } from '../common/dates';
import { statusOnSql } from '../personnel/certificate-status';
import { ratioFromCounts, reviewerRatio } from '../reviewer-ratio/reviewer-ratio';
import { announceComplianceChange } from '../reviewer-ratio/reviewer-ratio-watch';

/** What one person adds to their agency's head count on a day (the same rule reviewerRatio counts by). */
export interface RatioContribution {
  agencyCode: string;
  roles: string[];
  issuedOn: string;
  expiresOn: string;
  status: string | null;
  /** Holds 法律职业资格, 公职律师 or 法律顾问 standing: counts as a reviewer without a certificate in force. */
  hasLegalStanding: boolean;
}

function counts(person: RatioContribution, day: string): { officers: number; reviewers: number } {
  const inForce = person.issuedOn <= day && day <= person.expiresOn && person.status === 'active';
  return {
    officers: inForce && person.roles.includes('handler') ? 1 : 0,
    reviewers: (inForce || person.hasLegalStanding) && person.roles.includes('legal-reviewer') ? 1 : 0,
  };
}

/** The stored contribution of every person in `certificateNumbers` today, before a batch changes them. */
export async function contributionsBefore(
  manager: EntityManager,
  certificateNumbers: string[],
): Promise<Map<string, RatioContribution>> {
  const rows: (RatioContribution & { certificateNumber: string })[] = await manager.query(
    `SELECT p.certificate_number AS "certificateNumber", p.agency_code AS "agencyCode", p.roles,
            to_char(p.certificate_issued_on, 'YYYY-MM-DD') AS "issuedOn",
            to_char(p.certificate_expires_on, 'YYYY-MM-DD') AS "expiresOn", ${statusOnSql('$2')} AS status,
            jsonb_array_length(p.legal_standing) > 0 AS "hasLegalStanding"
       FROM personnel p WHERE p.certificate_number = ANY($1::text[])`,
    [certificateNumbers, chinaDate()],
  );
  return new Map(rows.map((row) => [row.certificateNumber, row]));
}

/**
 * The reviewer-ratio watch for a batch of thousands of people. Counting an agency twice per batch (before and
 * after, as watchReviewerRatio does) costs a full scan of its personnel each time; instead the batch's own
 * change of head counts is summed from each person's contribution before and after, the agency is counted once
 * after the change, and "before" is that count minus the change. Agencies whose counts did not move are not
 * counted at all. Callers hold the agency locks.
 */
export async function announceRatioChanges(
  manager: EntityManager,
  changes: { before?: RatioContribution; after: RatioContribution }[],
): Promise<void> {
  const today = chinaDate();
  const delta = new Map<string, { officers: number; reviewers: number }>();
  const add = (person: RatioContribution, sign: 1 | -1) => {
    const { officers, reviewers } = counts(person, today);
    const entry = delta.get(person.agencyCode) ?? { officers: 0, reviewers: 0 };
    entry.officers += sign * officers;
    entry.reviewers += sign * reviewers;
    delta.set(person.agencyCode, entry);
  };
  for (const change of changes) {
    if (change.before) add(change.before, -1);
    add(change.after, 1);
  }
  for (const [agencyCode, change] of delta) {
    if (change.officers === 0 && change.reviewers === 0) continue;
    const after = await reviewerRatio(manager, agencyCode, today);
    const before = ratioFromCounts(
      agencyCode,
      after.legalReviewers - change.reviewers,
      after.enforcementOfficers - change.officers,
    );
    await announceComplianceChange(manager, before, after);
  }
}
