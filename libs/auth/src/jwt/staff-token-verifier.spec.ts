import { generateKeyPairSync } from 'node:crypto';
import { signJws } from './jws';
import { signStaffToken } from './sign-staff-token';
import { StaffTokenVerifier } from './staff-token-verifier';
import { TokenRejectedError } from './token-rejected.error';

const SECRET = 'dev-secret-that-is-at-least-32-bytes-long';
const ISSUER = 'https://id.lep.test';
const AUDIENCE = 'lep-api';
const CLAIMS = { sub: 'staff-1', agency: 'XJBT-001', roles: ['handler' as const] };

function sign(overrides: Partial<Parameters<typeof signStaffToken>[1]> = {}): string {
  return signStaffToken(CLAIMS, { secret: SECRET, issuer: ISSUER, audience: AUDIENCE, ...overrides });
}

function verifier(nowMs = Date.now()): StaffTokenVerifier {
  return new StaffTokenVerifier({
    hs256Secret: SECRET,
    issuer: ISSUER,
    audience: AUDIENCE,
    now: () => nowMs,
  });
}

async function rejection(token: string, at?: number): Promise<TokenRejectedError> {
  const error = await verifier(at)
    .verify(token)
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  if (!(error instanceof TokenRejectedError))
    throw new Error(`expected a TokenRejectedError, got ${String(error)}`);
  return error;
}

/** The token's payload with some claims replaced, re-encoded without re-signing. */
function withPayload(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

function hs256(payload: object): string {
  return signJws({ alg: 'HS256' }, payload, SECRET);
}

function validPayload(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { ...CLAIMS, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600 };
}

describe('staff tokens (HS256)', () => {
  it('a signed token yields the staff principal it names', async () => {
    await expect(verifier().verify(sign())).resolves.toEqual({
      kind: 'staff',
      subject: 'staff-1',
      agencyCode: 'XJBT-001',
      roles: ['handler'],
    });
  });

  it('an expired token is refused as expired, but 30 s of clock skew is tolerated', async () => {
    const token = sign({ expiresInSeconds: 60 });
    const exp = Math.floor(Date.now() / 1000) + 60;
    await expect(verifier((exp + 29) * 1000).verify(token)).resolves.toMatchObject({ subject: 'staff-1' });
    expect((await rejection(token, (exp + 31) * 1000)).reason).toBe('token-expired');
  });

  it('a token not valid yet (nbf beyond the leeway) is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await rejection(hs256({ ...validPayload(), nbf: now + 120 }))).detail).toMatch(/nbf/);
    await expect(verifier().verify(hs256({ ...validPayload(), nbf: now + 20 }))).resolves.toBeDefined();
  });

  it('a token for another audience or from another issuer is refused', async () => {
    expect((await rejection(sign({ audience: 'other-api' }))).detail).toMatch(/audience/);
    expect((await rejection(sign({ issuer: 'https://evil.test' }))).detail).toMatch(/issuer/);
  });

  it('accepts an audience list that includes ours', async () => {
    await expect(
      verifier().verify(hs256({ ...validPayload(), aud: ['other', AUDIENCE] })),
    ).resolves.toBeDefined();
  });

  it('a token whose payload was altered (roles escalated) fails the signature check', async () => {
    const tampered = withPayload(sign(), (claims) => (claims.roles = ['platform-admin']));
    expect((await rejection(tampered)).detail).toBe('signature does not verify');
  });

  it('a token signed with another secret is refused', async () => {
    const other = sign({ secret: 'another-secret-that-is-also-32-bytes-long' });
    expect((await rejection(other)).reason).toBe('token-invalid');
  });

  it('alg "none" is refused even with an empty signature', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(validPayload())).toString('base64url');
    expect((await rejection(`${header}.${payload}.`)).detail).toMatch(/not a compact JWS|none/);
    expect((await rejection(`${header}.${payload}.c2ln`)).detail).toMatch(/none/);
  });

  it('an RS256 token is refused when only the development secret is configured', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = signJws({ alg: 'RS256', kid: 'k1' }, validPayload(), privateKey);
    expect((await rejection(token)).detail).toMatch(/RS256 is not accepted/);
  });

  it.each([
    ['an unknown role', { roles: ['superuser'] }],
    ['roles that are not a list', { roles: 'handler' }],
    ['the API-key-only role', { roles: ['agency-system'] }],
    ['an empty agency', { agency: '' }],
    ['an agency code with whitespace', { agency: 'XJBT 001' }],
    ['no subject', { sub: '' }],
    ['no expiry', { exp: undefined }],
  ])('claims with %s are refused', async (_case, change) => {
    expect((await rejection(hs256({ ...validPayload(), ...change }))).reason).toBe('token-invalid');
  });

  it('garbage is refused as invalid, not thrown as an unexpected error', async () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', '!!.??.**', 'eyJ9.eyJ9.x'])
      expect((await rejection(token)).reason).toBe('token-invalid');
  });
});

describe('verifier configuration', () => {
  it('needs exactly one trust source and a secret of at least 256 bits', () => {
    const base = { issuer: ISSUER, audience: AUDIENCE };
    expect(() => new StaffTokenVerifier(base)).toThrow(/exactly one/);
    expect(
      () => new StaffTokenVerifier({ ...base, hs256Secret: SECRET, jwksUrl: 'http://127.0.0.1:1/jwks' }),
    ).toThrow(/exactly one/);
    expect(() => new StaffTokenVerifier({ ...base, hs256Secret: 'short' })).toThrow(/32 bytes/);
  });

  it('signStaffToken refuses claims a verifier would refuse', () => {
    expect(() =>
      signStaffToken(
        { ...CLAIMS, roles: ['agency-system'] },
        { secret: SECRET, issuer: ISSUER, audience: AUDIENCE },
      ),
    ).toThrow(/agency-system/);
  });
});
