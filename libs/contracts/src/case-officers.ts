import type { CaseAction, CaseErrorCode } from './case-workflow';

/**
 * The HTTP header in which an agency system names the officers who act (personnel ids, comma-separated); a staff
 * caller may name co-officers in it (domain.md R8).
 */
export const ACTING_OFFICERS_HEADER = 'x-acting-officer-ids';

/** At most this many officers act in one act (an on-site team); more is a malformed request. */
export const MAX_ACTING_OFFICERS = 10;

/**
 * 亮证 and 告知 of an on-site act (APL art. 55): the certificate each acting officer showed, and the cause, legal
 * basis and rights and duties the party was told.
 */
export interface OnSiteDisclosure {
  certificatesShown: { officerId: string; certificateNumber: string }[];
  notice: { cause: string; legalBasis: string; rightsAndDuties: string };
}

/** Replacing one handler of a case by another (domain.md R8c): an act of its own, with the same checks. */
export interface HandlerReplacementInput extends CaseAction {
  outgoingId: string;
  incomingId: string;
  reason: string;
}

/** The two kinds of act the officer check knows: case work by its handlers, approval by a leader (R8a, R8b). */
export type OfficerActKind = 'handler' | 'leader';

/** What the officer check asks the registry about one act (the workflow has already checked assignment). */
export interface OfficerCheckInput {
  agencyCode: string;
  itemCode: string;
  /** The act's day, China time (YYYY-MM-DD): the certificate must be valid on it. */
  on: string;
  officerIds: string[];
  as: OfficerActKind;
  /** For an on-site record: the certificate numbers shown, each to be the officer's registered one. */
  certificatesShown?: OnSiteDisclosure['certificatesShown'];
}

/** A refused officer: the stable code and the Chinese message naming the officer and the failing check. */
export interface OfficerRefusal {
  code: CaseErrorCode;
  message: string;
}
