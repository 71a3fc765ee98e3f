import { createHmac, KeyObject, sign, timingSafeEqual, verify } from 'node:crypto';
import { TokenRejectedError } from './token-rejected.error';

/** The only algorithms accepted; `none` and everything else is refused before any key is looked at. */
export type JwsAlgorithm = 'HS256' | 'RS256' | 'ES256';
export const ASYMMETRIC_ALGORITHMS: readonly JwsAlgorithm[] = ['RS256', 'ES256'];

export interface JwsHeader {
  alg: JwsAlgorithm;
  kid?: string;
  typ?: string;
}

export interface DecodedJws {
  header: JwsHeader;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function invalid(detail: string): TokenRejectedError {
  return new TokenRejectedError('token-invalid', detail);
}

function decodeJsonSegment(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw invalid(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function isJwsAlgorithm(value: unknown): value is JwsAlgorithm {
  return value === 'HS256' || value === 'RS256' || value === 'ES256';
}

/** Splits a compact JWS and reads its header and payload; the signature is NOT checked here. */
export function decodeJws(token: string): DecodedJws {
  const segments = token.split('.');
  if (segments.length !== 3 || !segments.every((segment) => BASE64URL.test(segment)))
    throw invalid('not a compact JWS');
  const [headerSegment, payloadSegment, signatureSegment] = segments as [string, string, string];
  const header = decodeJsonSegment(headerSegment, 'header');
  if (!isJwsAlgorithm(header.alg)) throw invalid(`algorithm ${String(header.alg)} is not accepted`);
  if (header.kid !== undefined && typeof header.kid !== 'string') throw invalid('kid is not a string');
  // A `crit` header names extensions the verifier must understand; we understand none.
  if (header.crit !== undefined) throw invalid('critical header extensions are not supported');
  return {
    header: header as unknown as JwsHeader,
    payload: decodeJsonSegment(payloadSegment, 'payload'),
    signingInput: `${headerSegment}.${payloadSegment}`,
    signature: Buffer.from(signatureSegment, 'base64url'),
  };
}

function hmacSha256(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/**
 * Checks the signature with a key the caller chose for this algorithm. The key type is checked against the
 * algorithm here too, so an RSA public key can never be used as an HMAC secret (algorithm confusion).
 */
export function verifyJwsSignature(jws: DecodedJws, key: string | KeyObject): boolean {
  const { alg } = jws.header;
  if (alg === 'HS256') {
    if (typeof key !== 'string') return false;
    const expected = hmacSha256(jws.signingInput, key);
    return expected.length === jws.signature.length && timingSafeEqual(expected, jws.signature);
  }
  if (typeof key === 'string' || key.type !== 'public') return false;
  const input = Buffer.from(jws.signingInput);
  if (alg === 'RS256') {
    const modulusLength = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return (
      key.asymmetricKeyType === 'rsa' && modulusLength >= 2048 && verify('sha256', input, key, jws.signature)
    );
  }
  return (
    key.asymmetricKeyType === 'ec' &&
    key.asymmetricKeyDetails?.namedCurve === 'prime256v1' &&
    // JWS carries ECDSA signatures as raw r||s, not DER.
    verify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, jws.signature)
  );
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Compact JWS: HS256 with a shared secret, RS256/ES256 with a private key (used by identity-provider stand-ins). */
export function signJws(header: JwsHeader, payload: object, key: string | KeyObject): string {
  const signingInput = `${encodeSegment({ ...header, typ: header.typ ?? 'JWT' })}.${encodeSegment(payload)}`;
  let signature: Buffer;
  if (header.alg === 'HS256') {
    if (typeof key !== 'string') throw new Error('HS256 needs a shared secret');
    signature = hmacSha256(signingInput, key);
  } else {
    if (typeof key === 'string' || key.type !== 'private')
      throw new Error(`${header.alg} needs a private key`);
    signature =
      header.alg === 'ES256'
        ? sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' })
        : sign('sha256', Buffer.from(signingInput), key);
  }
  return `${signingInput}.${signature.toString('base64url')}`;
}
