import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { PUBLIC_ROUTE_KEY, PublicRoute } from '@lep/nest-kit';
import type { Principal } from './principal';
import type { Role } from './roles';

export const IS_PUBLIC_KEY = PUBLIC_ROUTE_KEY;
export const REQUIRED_ROLES_KEY = 'lep:auth:roles';

/** The request as it leaves the guard. */
export interface AuthenticatedRequest {
  principal: Principal;
}

/** Route (or controller) open to anonymous callers, e.g. the public portal. */
export function Public(): MethodDecorator & ClassDecorator {
  return PublicRoute();
}

/** Any one of these roles is enough; 'platform-admin' always passes. A method's @Roles replaces its class's. */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return SetMetadata(REQUIRED_ROLES_KEY, roles);
}

/** The Principal the global guard authenticated. */
export const CurrentPrincipal: () => ParameterDecorator = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
