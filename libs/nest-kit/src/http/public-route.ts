import { SetMetadata } from '@nestjs/common';

/**
 * Metadata marking a route open to anonymous callers. It lives here, below @lep/auth, so that routes every
 * service shares (/health) can be public; @lep/auth's `Public()` sets the same key.
 */
export const PUBLIC_ROUTE_KEY = 'lep:auth:public';

export function PublicRoute(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_ROUTE_KEY, true);
}
