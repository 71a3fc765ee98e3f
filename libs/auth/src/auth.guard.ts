import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiError } from '@lep/nest-kit';
import { AuthDenialReason, AuthEvents } from './auth-events';
import { authErrors } from './auth-errors';
import { API_KEY_VERIFIER, ApiKeyVerifier } from './auth-options';
import { ApiKeysUnavailableError } from './api-keys/api-keys-unavailable.error';
import { AuthenticatedRequest, IS_PUBLIC_KEY, REQUIRED_ROLES_KEY } from './decorators';
import { StaffTokenVerifier } from './jwt/staff-token-verifier';
import { SigningKeysUnavailableError, TokenRejectedError } from './jwt/token-rejected.error';
import { ANONYMOUS, Principal } from './principal';
import { requestMeta } from './request-meta';
import { PLATFORM_ADMIN, Role } from './roles';

const BEARER = /^Bearer ([A-Za-z0-9._-]+)$/i;
/** A bearer credential shaped like an API key goes to the key store; JWTs never start like this. */
const API_KEY_PREFIX = 'lep_';

/** A refusal on its way out: what the caller sees and what the audit hook records. */
class Denial extends Error {
  constructor(
    readonly reason: AuthDenialReason,
    readonly error: ApiError,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

/**
 * Global guard: authenticates every request (bearer token for staff; an API key for agency systems, as
 * `Authorization: Bearer lep_…` or `x-api-key: lep_…`),
 * lets anonymous callers through only on @Public() routes, then applies @Roles. Presented credentials are
 * always checked, even on public routes: a bad credential is refused rather than silently ignored.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: StaffTokenVerifier,
    private readonly events: AuthEvents,
    @Optional() @Inject(API_KEY_VERIFIER) private readonly apiKeys?: ApiKeyVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka and Temporal handlers are internal traffic; this guard is about HTTP callers.
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
    const targets = [context.getHandler(), context.getClass()];
    let principal: Principal | undefined;
    try {
      principal = await this.authenticate(
        request,
        this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets),
      );
      this.authorize(
        principal,
        this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES_KEY, targets),
      );
    } catch (error) {
      if (!(error instanceof Denial)) throw error;
      this.events.denied(error.reason, requestMeta(request, principal, error.detail));
      throw error.error;
    }
    request.principal = principal;
    return true;
  }

  private async authenticate(request: Request, isPublic: boolean | undefined): Promise<Principal> {
    const authorization = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (authorization !== undefined && apiKey !== undefined)
      throw new Denial('credentials-ambiguous', authErrors.ambiguousCredentials());
    if (authorization !== undefined) return this.verifyBearer(authorization);
    if (apiKey !== undefined) return this.verifyApiKey(apiKey);
    if (isPublic) return ANONYMOUS;
    throw new Denial('credential-missing', authErrors.unauthenticated());
  }

  private async verifyBearer(authorization: string): Promise<Principal> {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new Denial('token-invalid', authErrors.unauthenticated(), 'not a Bearer authorization');
    if (token.startsWith(API_KEY_PREFIX)) return this.verifyApiKey(token);
    try {
      return await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof TokenRejectedError)
        throw new Denial(
          error.reason,
          error.reason === 'token-expired' ? authErrors.tokenExpired() : authErrors.unauthenticated(),
          error.detail,
        );
      if (error instanceof SigningKeysUnavailableError)
        throw new Denial('signing-keys-unavailable', authErrors.signingKeysUnavailable(), error.message);
      throw error;
    }
  }

  private async verifyApiKey(apiKey: string | string[]): Promise<Principal> {
    if (!this.apiKeys)
      throw new Denial('api-key-invalid', authErrors.unauthenticated(), 'API keys are not accepted here');
    if (typeof apiKey !== 'string') throw new Denial('api-key-invalid', authErrors.unauthenticated());
    let principal: Principal | null;
    try {
      principal = await this.apiKeys.verify(apiKey);
    } catch (error) {
      if (error instanceof ApiKeysUnavailableError)
        throw new Denial('api-keys-unavailable', authErrors.apiKeysUnavailable(), error.message);
      throw error;
    }
    if (!principal) throw new Denial('api-key-invalid', authErrors.unauthenticated());
    return principal;
  }

  private authorize(principal: Principal, required: Role[] | undefined): void {
    if (!required || required.length === 0) return;
    if (principal.kind === 'anonymous') throw new Denial('credential-missing', authErrors.unauthenticated());
    if (principal.roles.includes(PLATFORM_ADMIN) || required.some((role) => principal.roles.includes(role)))
      return;
    throw new Denial('role-forbidden', authErrors.roleForbidden(), `needs one of ${required.join(', ')}`);
  }
}
