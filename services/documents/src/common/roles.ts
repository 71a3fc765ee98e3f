import type { Role } from '@lep/auth';

/** Staff and systems of an agency who read its documents and templates (the evidence service's readers). */
export const AGENCY_READERS: Role[] = [
  'handler',
  'legal-reviewer',
  'leader',
  'agency-admin',
  'auditor',
  'agency-system',
];

/** Who issues documents: the roles the evidence service takes uploads from. */
export const ISSUERS: Role[] = ['handler', 'leader', 'agency-system'];

/** Who decides a filing for a justice bureau. */
export const BUREAU_DECIDERS: Role[] = ['leader', 'agency-admin', 'legal-reviewer'];
