import type { AgencyHierarchy } from '@lep/auth';

/**
 * Scope without the agency tree: the documents service holds no copy of the registry's hierarchy, so, as case-api
 * does, it gives staff their own agency exactly (platform admins every agency).
 */
export const EXACT_AGENCY: AgencyHierarchy = {
  isSameOrDescendant: (ancestorCode, agencyCode) => Promise.resolve(ancestorCode === agencyCode),
};
