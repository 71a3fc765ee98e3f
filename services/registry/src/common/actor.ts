import type { Principal } from '@lep/auth';

/** How the registry records who did something: `<principal kind>:<subject>`, e.g. `staff:p-17`, `api-key:ab12…`. */
export function actor(principal: Principal): string {
  return `${principal.kind}:${principal.subject}`;
}
