import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface GeneratedApiKey {
  keyId: string;
  /** `lep_<keyId>_<secret>`: shown to the agency once, never stored. */
  presented: string;
  /** What the registry stores: `scrypt$N$r$p$<salt>$<hash>`, self-describing so parameters can change later. */
  secretHash: string;
}

const PRESENTED_KEY = /^lep_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const SECRET_BYTES = 32;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

/**
 * The secret carries 256 random bits, so brute force is hopeless at any work factor; scrypt at Node's
 * default cost (about 30 ms on the dev machine) only adds margin for a stolen hash table. Every API request
 * pays this cost, which is why it is not higher.
 */
const SCRYPT = { N: 16384, r: 8, p: 1 };
/** Refuse stored parameters that would make a single verification take absurd memory or time. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

function scryptMemory(N: number, r: number, p: number): number {
  return 128 * r * (N + p + 2);
}

function hashSecret(secret: string, salt: Buffer, N: number, r: number, p: number): Buffer {
  return scryptSync(secret, salt, HASH_BYTES, { N, r, p, maxmem: scryptMemory(N, r, p) + 1024 * 1024 });
}

export function generateApiKey(): GeneratedApiKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const salt = randomBytes(SALT_BYTES);
  const { N, r, p } = SCRYPT;
  const hash = hashSecret(secret, salt, N, r, p);
  return {
    keyId,
    presented: `lep_${keyId}_${secret}`,
    secretHash: ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$'),
  };
}

/** Splits `lep_<keyId>_<secret>`; null for anything that is not exactly that shape. */
export function parseApiKey(presented: string): { keyId: string; secret: string } | null {
  const match = PRESENTED_KEY.exec(presented);
  if (!match) return null;
  const [, keyId, secret] = match as unknown as [string, string, string];
  // 43 base64url characters hold 258 bits; only the canonical encoding of 32 bytes is a key we issued.
  if (Buffer.from(secret, 'base64url').toString('base64url') !== secret) return null;
  return { keyId, secret };
}

function positiveInteger(text: string | undefined): number | null {
  if (!text || !/^[1-9][0-9]{0,9}$/.test(text)) return null;
  return Number(text);
}

/** True when `secret` hashes to `secretHash`; compared in constant time. A malformed hash never matches. */
export function verifyApiKeySecret(secret: string, secretHash: string): boolean {
  const [scheme, nText, rText, pText, saltText, hashText, ...rest] = secretHash.split('$');
  const N = positiveInteger(nText);
  const r = positiveInteger(rText);
  const p = positiveInteger(pText);
  if (scheme !== 'scrypt' || rest.length > 0 || N === null || r === null || p === null) return false;
  if ((N & (N - 1)) !== 0 || scryptMemory(N, r, p) > MAX_SCRYPT_MEMORY || !saltText || !hashText)
    return false;
  const expected = Buffer.from(hashText, 'base64url');
  if (expected.length !== HASH_BYTES) return false;
  const actual = hashSecret(secret, Buffer.from(saltText, 'base64url'), N, r, p);
  return timingSafeEqual(actual, expected);
}
