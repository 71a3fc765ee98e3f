import type { Role } from './roles';

/** Who is calling, as established by the global guard. */
export interface Principal {
  kind: 'staff' | 'api-key' | 'anonymous';
  /** Staff person id, API key id, or 'anonymous'. */
  subject: string;
  /** The agency the credential belongs to (absent only for anonymous). */
  agencyCode?: string;
  roles: Role[];
}

export const ANONYMOUS: Readonly<Principal> = Object.freeze({
  kind: 'anonymous',
  subject: 'anonymous',
  roles: [],
});
