import { createHash } from 'node:crypto';
import type { ApiKeyVerifier } from '../auth-options';
import type { Principal } from '../principal';
import { isRole } from '../roles';
import { parseApiKey } from './api-key';
import { ApiKeysUnavailableError } from './api-keys-unavailable.error';

export interface IntrospectionOptions {
  /** How long a valid key is trusted without asking again: a revocation takes effect within this time. */
  positiveTtlMs?: number;
  /** How long an unknown or revoked key is refused without asking again (keeps retry storms off the registry). */
  negativeTtlMs?: number;
  timeoutMs?: number;
  /** Entries kept at most; the oldest are dropped first. */
  maxEntries?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

/** What `POST /api/v1/auth/introspect` answers. */
export interface IntrospectionAnswer {
  active: boolean;
  principal?: Principal;
}

export const INTROSPECTION_DEFAULTS = {
  positiveTtlMs: 30_000,
  negativeTtlMs: 10_000,
  timeoutMs: 5_000,
  maxEntries: 10_000,
};

function principalOf(answer: unknown): Principal | null | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const { active, principal } = answer as { active?: unknown; principal?: Partial<Principal> };
  if (active === false) return null;
  if (
    active !== true ||
    typeof principal !== 'object' ||
    principal === null ||
    principal.kind !== 'api-key' ||
    typeof principal.subject !== 'string' ||
    typeof principal.agencyCode !== 'string' ||
    !Array.isArray(principal.roles) ||
    !principal.roles.every(isRole)
  )
    return undefined;
  return {
    kind: 'api-key',
    subject: principal.subject,
    agencyCode: principal.agencyCode,
    roles: principal.roles,
  };
}

/**
 * API keys for services other than the registry: asks the registry's introspection route and caches the
 * answer briefly, so a busy agency system costs the registry (and its scrypt check) one lookup per TTL.
 * Entries are keyed by a SHA-256 of the presented key, never the key itself.
 */
export class IntrospectingApiKeyVerifier implements ApiKeyVerifier {
  private readonly cache = new Map<
    string,
    { principal: Principal | null; expiresAt: number; refreshAt: number }
  >();
  /** Questions to the registry under way, by the same key as the cache. */
  private readonly asking = new Map<string, Promise<Principal | null>>();
  private readonly options: Required<Omit<IntrospectionOptions, 'fetch' | 'now'>>;
  private readonly now: () => number;
  private readonly fetch: typeof fetch;

  constructor(
    private readonly introspectionUrl: string,
    options: IntrospectionOptions = {},
  ) {
    this.options = { ...INTROSPECTION_DEFAULTS, ...options };
    this.now = options.now ?? Date.now;
    this.fetch = options.fetch ?? fetch;
  }

  async verify(presentedKey: string): Promise<Principal | null> {
    // Malformed keys never leave this process.
    if (!parseApiKey(presentedKey)) return null;
    const cacheKey = createHash('sha256').update(presentedKey).digest('base64url');
    const cached = this.cache.get(cacheKey);
    const now = this.now();
    if (cached && cached.expiresAt > now) {
      // A key in use is asked about again in the last third of its entry's life, while its calls go on with the
      // entry: otherwise every call that arrives when it expires waits on the registry's scrypt check — a
      // stall of an agency system's calls every TTL (issue #22, case-start tail). The entry still expires when
      // it did, so a revocation takes effect within the TTL as before (sooner when the refresh learns of it); a
      // refresh that fails leaves the entry to expire, and the next call asks and waits as usual.
      if (cached.principal && now >= cached.refreshAt) {
        // One refresh per entry: a registry that cannot answer is not asked again before the entry expires.
        cached.refreshAt = cached.expiresAt;
        void this.asked(cacheKey, presentedKey).catch(() => undefined);
      }
      return cached.principal;
    }
    return this.asked(cacheKey, presentedKey);
  }

  /**
   * The registry's answer for the key, asked once however many calls want it: a burst of an agency system's
   * calls (its first, or the first after its entry expired) costs the registry one scrypt check, not one each
   * (issue #22: ten concurrent first calls made ten, and the slowest waited for all of them).
   */
  private asked(cacheKey: string, presentedKey: string): Promise<Principal | null> {
    let asking = this.asking.get(cacheKey);
    if (!asking) {
      asking = this.ask(presentedKey)
        .then((principal) => {
          this.remember(cacheKey, principal);
          return principal;
        })
        .finally(() => this.asking.delete(cacheKey));
      this.asking.set(cacheKey, asking);
    }
    return asking;
  }

  private async ask(presentedKey: string): Promise<Principal | null> {
    let response: Response;
    try {
      response = await this.fetch(this.introspectionUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: presentedKey }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new ApiKeysUnavailableError(
        `introspection at ${this.introspectionUrl} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!response.ok)
      throw new ApiKeysUnavailableError(
        `introspection at ${this.introspectionUrl} answered ${response.status}`,
      );
    const principal = principalOf(await response.json().catch(() => undefined));
    if (principal === undefined)
      throw new ApiKeysUnavailableError(
        `introspection at ${this.introspectionUrl} answered an unknown shape`,
      );
    return principal;
  }

  private remember(cacheKey: string, principal: Principal | null): void {
    const ttl = principal ? this.options.positiveTtlMs : this.options.negativeTtlMs;
    const now = this.now();
    this.cache.delete(cacheKey);
    this.cache.set(cacheKey, { principal, expiresAt: now + ttl, refreshAt: now + (ttl * 2) / 3 });
    // Map iteration follows insertion order, so the first entries are the oldest.
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= this.options.maxEntries) break;
      this.cache.delete(oldest);
    }
  }
}
