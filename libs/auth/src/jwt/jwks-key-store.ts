import { createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { SigningKeysUnavailableError } from './token-rejected.error';

export interface JwksKeyStoreOptions {
  /** How long a fetched key set is trusted; after that it is fetched again. */
  cacheTtlMs?: number;
  /** An unknown `kid` triggers a refetch (the provider may have rotated), but at most this often. */
  minRefetchIntervalMs?: number;
  fetchTimeoutMs?: number;
  /** Milliseconds since the epoch; tests move it to cross the intervals above. */
  now?: () => number;
}

export interface SigningKey {
  key: KeyObject;
  /** The algorithm the provider bound the key to, if it said. */
  alg?: string;
}

interface KeySet {
  keys: Map<string, SigningKey>;
  fetchedAt: number;
}

/** Reads the usable signature keys of a JWKS document; keys we cannot use are skipped, not fatal. */
function parseKeySet(document: unknown): Map<string, SigningKey> {
  const keys = new Map<string, SigningKey>();
  const entries = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(entries)) throw new SigningKeysUnavailableError('JWKS document has no keys array');
  for (const jwk of entries as Record<string, unknown>[]) {
    if (typeof jwk?.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
    // A JWKS must only publish public keys; a private one means a misconfigured provider, so don't use it.
    if ('d' in jwk) continue;
    try {
      const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
      keys.set(jwk.kid, { key, ...(typeof jwk.alg === 'string' ? { alg: jwk.alg } : {}) });
    } catch {
      continue;
    }
  }
  return keys;
}

/**
 * The identity provider's public keys, by `kid`. Key sets are cached for ten minutes; a token signed with a
 * key we have not seen yet (rotation) triggers one refetch, throttled so a flood of tokens with made-up `kid`s
 * cannot turn this service into a load generator against the provider.
 */
export class JwksKeyStore {
  private readonly cacheTtlMs: number;
  private readonly minRefetchIntervalMs: number;
  private readonly fetchTimeoutMs: number;
  private readonly now: () => number;
  private current?: KeySet;
  private lastFetchStartedAt = Number.NEGATIVE_INFINITY;
  private inFlight?: Promise<KeySet>;

  constructor(
    private readonly url: string,
    options: JwksKeyStoreOptions = {},
  ) {
    this.cacheTtlMs = options.cacheTtlMs ?? 10 * 60_000;
    this.minRefetchIntervalMs = options.minRefetchIntervalMs ?? 30_000;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** The key for `kid`, or undefined when the provider does not (or no longer) publishes it. */
  async getKey(kid: string): Promise<SigningKey | undefined> {
    if (this.inFlight) return (await this.inFlight).keys.get(kid);
    const throttled = this.now() - this.lastFetchStartedAt < this.minRefetchIntervalMs;
    const cached = this.current;
    if (cached && this.now() - cached.fetchedAt < this.cacheTtlMs) {
      const known = cached.keys.get(kid);
      if (known || throttled) return known;
    } else if (throttled) {
      // No usable key set and the last fetch, moments ago, failed: don't hammer a provider that is down.
      throw new SigningKeysUnavailableError(
        `${this.url} failed recently; retrying after the refetch interval`,
      );
    }
    return (await this.refresh()).keys.get(kid);
  }

  private refresh(): Promise<KeySet> {
    // Concurrent requests share one fetch.
    this.inFlight = this.fetchKeySet().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async fetchKeySet(): Promise<KeySet> {
    this.lastFetchStartedAt = this.now();
    let document: unknown;
    try {
      const response = await fetch(this.url, {
        signal: AbortSignal.timeout(this.fetchTimeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = await response.json();
    } catch (error) {
      throw new SigningKeysUnavailableError(
        `fetching ${this.url} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.current = { keys: parseKeySet(document), fetchedAt: this.now() };
    return this.current;
  }
}
