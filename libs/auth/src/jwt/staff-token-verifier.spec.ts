import { generateKeyPair, SignJWT } from 'jose';
import { useDateClock } from '../../test/support/date-clock';
import { signStaffToken } from './sign-staff-token';
import { StaffTokenVerifier } from './staff-token-verifier';
import { TokenRejectedError } from './token-rejected.error';

const SECRET = 'dev-secret-that-is-at-least-32-bytes-long';
const ISSUER = 'https://id.lep.test';
const AUDIENCE = 'lep-api';
const CLAIMS = { sub: 'staff-1', agency: 'XJBT-001', roles: ['handler' as const] };
const clock = useDateClock();

function sign(overrides: Partial<Parameters<typeof signStaffToken>[1]> = {}): string {
  return signStaffToken(CLAIMS, { secret: SECRET, issuer: ISSUER, audience: AUDIENCE, ...overrides });
}

function verifier(): StaffTokenVerifier {
  return new StaffTokenVerifier({ hs256Secret: SECRET, issuer: ISSUER, audience: AUDIENCE });
}

async function rejection(token: string, at?: number): Promise<TokenRejectedError> {
  if (at !== undefined) clock.set(at);
  const error = await verifier()
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

function hs256(payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));
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
    clock.set((exp + 29) * 1000);
    await expect(verifier().verify(token)).resolves.toMatchObject({ subject: 'staff-1' });
    expect((await rejection(token, (exp + 31) * 1000)).reason).toBe('token-expired');
  });

  it('a token not valid yet (nbf beyond the leeway) is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await rejection(await hs256({ ...validPayload(), nbf: now + 120 }))).detail).toMatch(/nbf/);
    await expect(verifier().verify(await hs256({ ...validPayload(), nbf: now + 20 }))).resolves.toBeDefined();
  });

  it('a token issued in the future (iat beyond the leeway) is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await rejection(await hs256({ ...validPayload(), iat: now + 120 }))).detail).toMatch(/iat/);
    await expect(verifier().verify(await hs256({ ...validPayload(), iat: now + 20 }))).resolves.toBeDefined();
  });

  it('a token for another audience or from another issuer is refused', async () => {
    expect((await rejection(sign({ audience: 'other-api' }))).detail).toMatch(/audience/);
    expect((await rejection(sign({ issuer: 'https://evil.test' }))).detail).toMatch(/issuer/);
  });

  it('accepts an audience list that includes ours', async () => {
    await expect(
      verifier().verify(await hs256({ ...validPayload(), aud: ['other', AUDIENCE] })),
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
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(validPayload())
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(privateKey);
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
    expect((await rejection(await hs256({ ...validPayload(), ...change }))).reason).toBe('token-invalid');
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

  it.each([
    [{ roles: 'realm_access..roles' }, /jwt\.claims\.roles "realm_access\.\.roles" is not a claim path/],
    [{ agency: 'lep agency' }, /jwt\.claims\.agency "lep agency" is not a claim path/],
    [{ roleMap: {} }, /roleMap maps no role/],
    [{ roleMap: { lep_boss: 'superuser' } }, /maps "lep_boss" to "superuser", which is not a staff role/],
    [{ roleMap: { lep_system: 'agency-system' } }, /"agency-system", which is not a staff role/],
  ])('refuses claim names %j at start-up, naming the setting and the rule', (claims, message) => {
    const options = { hs256Secret: SECRET, issuer: ISSUER, audience: AUDIENCE, claims } as never;
    expect(() => new StaffTokenVerifier(options)).toThrow(message);
  });
});

describe('claim names of an identity provider', () => {
  const keycloakLike = (extra: Record<string, unknown>) => ({
    sub: 'f3b0c2de-0000-4000-8000-000000000001',
    iss: ISSUER,
    aud: AUDIENCE,
    exp: Math.floor(Date.now() / 1000) + 300,
    ...extra,
  });
  const mapped = () =>
    new StaffTokenVerifier({
      hs256Secret: SECRET,
      issuer: ISSUER,
      audience: AUDIENCE,
      claims: {
        agency: 'lep_agency',
        roles: 'realm_access.roles',
        roleMap: { lep_handler: 'handler', lep_reviewer: 'legal-reviewer', lep_admin: 'agency-admin' },
      },
    });

  it('reads agency and roles where they are configured and maps the provider role names', async () => {
    const token = await hs256(
      keycloakLike({
        lep_agency: 'XJBT-003',
        realm_access: { roles: ['offline_access', 'lep_handler', 'lep_reviewer', 'default-roles-xjbt'] },
      }),
    );
    await expect(mapped().verify(token)).resolves.toEqual({
      kind: 'staff',
      subject: 'f3b0c2de-0000-4000-8000-000000000001',
      agencyCode: 'XJBT-003',
      roles: ['handler', 'legal-reviewer'],
    });
  });

  it('ignores provider roles outside the map, so a provider role named like a LEP role grants nothing', async () => {
    const token = await hs256(
      keycloakLike({
        lep_agency: 'XJBT-003',
        realm_access: { roles: ['platform-admin', 'uma_authorization'] },
      }),
    );
    await expect(mapped().verify(token)).resolves.toMatchObject({ roles: [] });
  });

  it('a top-level claim whose name contains dots is read whole', async () => {
    const verifier = new StaffTokenVerifier({
      hs256Secret: SECRET,
      issuer: ISSUER,
      audience: AUDIENCE,
      claims: { agency: 'https://lep.example/agency' },
    });
    const token = await hs256(keycloakLike({ 'https://lep.example/agency': 'XJBT-004', roles: ['auditor'] }));
    await expect(verifier.verify(token)).resolves.toMatchObject({
      agencyCode: 'XJBT-004',
      roles: ['auditor'],
    });
  });

  it('a token without the configured claims is refused, naming the configured claim in the detail', async () => {
    const token = await hs256(keycloakLike({ agency: 'XJBT-003', roles: ['handler'] }));
    const error = await mapped()
      .verify(token)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenRejectedError);
    expect((error as TokenRejectedError).detail).toMatch(/agency claim lep_agency/);
  });

  it('without a role map every listed role must still be a LEP role', async () => {
    const verifier = new StaffTokenVerifier({
      hs256Secret: SECRET,
      issuer: ISSUER,
      audience: AUDIENCE,
      claims: { roles: 'realm_access.roles' },
    });
    const token = await hs256(
      keycloakLike({ agency: 'XJBT-003', realm_access: { roles: ['offline_access'] } }),
    );
    const error = await verifier.verify(token).catch((caught: unknown) => caught);
    expect((error as TokenRejectedError).detail).toMatch(/roles is not a list of known roles/);
  });
});
