import type { EvidenceConfidentiality } from '@lep/contracts';
import type { Principal, Role } from '@lep/auth';

/** Items only the people working on the case may open (商业秘密、个人隐私, domain.md R5). */
export const RESTRICTED_CONFIDENTIALITY: readonly EvidenceConfidentiality[] = [
  'trade-secret',
  'personal-privacy',
];

/**
 * Roles that may open restricted items of their own agency's cases: the case's handlers, its legal reviewers
 * and the agency's leaders. Case membership (which handler works which case) lives on the case side, so the
 * evidence service relies on the token's roles and agency; the case workflow only hands out evidence ids of
 * its own cases.
 */
export const RESTRICTED_READERS: readonly Role[] = ['handler', 'legal-reviewer', 'leader'];

/** Roles that may open public and internal items of their own agency. */
export const AGENCY_READERS: readonly Role[] = [
  'handler',
  'legal-reviewer',
  'leader',
  'agency-admin',
  'auditor',
  'agency-system',
];

export type AccessDecision =
  { granted: true } | { granted: false; reason: 'OTHER_AGENCY' | 'RESTRICTED_ITEM' | 'ROLE_NOT_ALLOWED' };

export interface ItemScope {
  agencyCode: string;
  confidentiality: EvidenceConfidentiality;
}

/**
 * Who may open an item's content.
 * - Trade-secret and personal-privacy items: staff of the item's agency holding handler, legal-reviewer or
 *   leader; nobody else — not platform admins, not auditors, not agency systems (API keys), not other agencies.
 * - Public and internal items: any staff role or agency system of the item's agency, and platform admins.
 * The public API never serves evidence: every evidence route requires a staff token or an API key.
 */
export function decideAccess(principal: Principal, item: ItemScope): AccessDecision {
  const ownAgency = principal.kind !== 'anonymous' && principal.agencyCode === item.agencyCode;
  if (RESTRICTED_CONFIDENTIALITY.includes(item.confidentiality)) {
    if (!ownAgency) return { granted: false, reason: 'OTHER_AGENCY' };
    if (principal.kind !== 'staff' || !principal.roles.some((role) => RESTRICTED_READERS.includes(role)))
      return { granted: false, reason: 'RESTRICTED_ITEM' };
    return { granted: true };
  }
  if (principal.roles.includes('platform-admin')) return { granted: true };
  if (!ownAgency) return { granted: false, reason: 'OTHER_AGENCY' };
  if (!principal.roles.some((role) => AGENCY_READERS.includes(role)))
    return { granted: false, reason: 'ROLE_NOT_ALLOWED' };
  return { granted: true };
}
