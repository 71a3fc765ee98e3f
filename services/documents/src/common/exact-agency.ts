import type { AgencyHierarchy } from '@lep/auth';

/**
 * Scope without the agency tree: the documents service holds no copy of the registry's hierarchy, so it gives
 * staff their own agency exactly (platform admins every agency). case-api, which keeps the tree (case_agency), also
 * lets supervising agencies read (domain.md L9).
 */
export const EXACT_AGENCY: AgencyHierarchy = {
  isSameOrDescendant: (ancestorCode, agencyCode) => Promise.resolve(ancestorCode === agencyCode),
};
