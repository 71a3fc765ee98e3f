import { createPublicKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { StaffTokenVerifier } from '../src/jwt/staff-token-verifier';
import { SigningKeysUnavailableError, TokenRejectedError } from '../src/jwt/token-rejected.error';
import { useDateClock } from './support/date-clock';
import { JwksServer, ProviderKey, providerKey, providerToken } from './support/jwks-server';

const ISSUER = 'https://id.lep.test/realms/xjbt';
const AUDIENCE = 'lep-api';

function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: 'staff-7',
    agency: 'XJBT-002',
    roles: ['leader'],
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now,
    exp: now + 3600,
    ...extra,
  };
}

function tokenSignedWith(key: ProviderKey, extra: Record<string, unknown> = {}): Promise<string> {
  return providerToken(key, claims(extra));
}

async function rejection(verifying: Promise<unknown>): Promise<Error> {
  const error = await verifying.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected a rejection');
  return error;
}

describe('staff tokens verified through a JWKS served over HTTP', () => {
  const server = new JwksServer();
  const clock = useDateClock();
  let rsa1: ProviderKey;
  let rsa2: ProviderKey;
  let ec1: ProviderKey;
  let verifier: StaffTokenVerifier;

  beforeAll(async () => {
    await server.start();
    [rsa1, rsa2, ec1] = await Promise.all([
      providerKey('rsa-2026-01', 'RS256'),
      providerKey('rsa-2026-02', 'RS256'),
      providerKey('ec-2026-01', 'ES256'),
    ]);
  });
  afterAll(() => server.stop());

  beforeEach(() => {
    server.publish(rsa1, ec1);
    server.requests = 0;
    server.failing = false;
    verifier = new StaffTokenVerifier({ jwksUrl: server.url, issuer: ISSUER, audience: AUDIENCE });
  });

  it('accepts RS256 and ES256 tokens, fetching the key set once', async () => {
    await expect(verifier.verify(await tokenSignedWith(rsa1))).resolves.toEqual({
      kind: 'staff',
      subject: 'staff-7',
      agencyCode: 'XJBT-002',
      roles: ['leader'],
    });
    await expect(verifier.verify(await tokenSignedWith(ec1))).resolves.toMatchObject({ subject: 'staff-7' });
    expect(server.requests).toBe(1);
  });

  it('follows a key rotation: a new kid triggers one refetch, made-up kids within 30 s trigger none', async () => {
    await verifier.verify(await tokenSignedWith(rsa1));
    clock.advance(31_000);
    server.publish(rsa1, rsa2);
    await expect(verifier.verify(await tokenSignedWith(rsa2))).resolves.toMatchObject({ subject: 'staff-7' });
    expect(server.requests).toBe(2);

    const forged = await providerKey('made-up', 'RS256');
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await rejection(verifier.verify(await tokenSignedWith(forged)))).message).toMatch(
        /kid made-up is not published/,
      );
    expect(server.requests).toBe(2);

    clock.advance(31_000);
    await rejection(verifier.verify(await tokenSignedWith(forged)));
    expect(server.requests).toBe(3);
  });

  it('a retired key stops working once the ten-minute cache expires', async () => {
    await verifier.verify(await tokenSignedWith(rsa1));
    server.publish(rsa2);
    clock.advance(9 * 60_000);
    await expect(verifier.verify(await tokenSignedWith(rsa1))).resolves.toBeDefined();
    expect(server.requests).toBe(1);
    clock.advance(60_000);
    expect((await rejection(verifier.verify(await tokenSignedWith(rsa1)))).message).toMatch(/not published/);
    expect(server.requests).toBe(2);
  });

  it('concurrent requests share one fetch', async () => {
    const token = await tokenSignedWith(rsa1);
    await Promise.all(Array.from({ length: 10 }, () => verifier.verify(token)));
    expect(server.requests).toBe(1);
  });

  it('a token without a kid is refused even though only one key could match', async () => {
    server.publish(rsa1);
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(rsa1.privateKey);
    expect((await rejection(verifier.verify(token))).message).toMatch(/kid is missing/);
  });

  it('a tampered RS256 token, or one signed by a key outside the set under a published kid, is refused', async () => {
    const [header, payload, signature] = (await tokenSignedWith(rsa1)).split('.') as [string, string, string];
    const escalated = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        roles: ['platform-admin'],
      }),
    ).toString('base64url');
    expect((await rejection(verifier.verify(`${header}.${escalated}.${signature}`))).message).toMatch(
      /signature/,
    );
    const impostor = await providerKey(rsa1.kid, 'RS256');
    expect((await rejection(verifier.verify(await tokenSignedWith(impostor)))).message).toMatch(/signature/);
  });

  it('refuses algorithm confusion: HS256 keyed with the public key, or ES256 under an RSA kid', async () => {
    // The classic attack: the public key is public, so a verifier treating it as an HMAC secret is forgeable.
    const publicPem = createPublicKey({ key: rsa1.jwk as never, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    });
    const hs = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: rsa1.kid })
      .sign(new TextEncoder().encode(publicPem.toString()));
    expect((await rejection(verifier.verify(hs))).message).toMatch(/HS256 is not accepted/);

    const ecUnderRsaKid = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', kid: rsa1.kid })
      .sign(ec1.privateKey);
    expect((await rejection(verifier.verify(ecUnderRsaKid))).message).toMatch(
      /kid rsa-2026-01 is not published by the provider for ES256/,
    );

    // Providers may omit `alg` from a JWK; the key type alone must still rule out the wrong algorithm.
    const unbound = await providerKey('rsa-unbound', 'RS256');
    delete unbound.jwk.alg;
    server.publish(rsa1, unbound);
    clock.advance(31_000);
    const ecUnderUnboundKid = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', kid: unbound.kid })
      .sign(ec1.privateKey);
    expect((await rejection(verifier.verify(ecUnderUnboundKid))).message).toMatch(
      /kid rsa-unbound is not published by the provider for ES256/,
    );
    await expect(verifier.verify(await tokenSignedWith(unbound))).resolves.toBeDefined();
  });

  it('checks issuer and expiry on JWKS tokens too', async () => {
    const otherIssuer = await rejection(
      verifier.verify(await tokenSignedWith(rsa1, { iss: 'https://id.other.test/realms/xjbt' })),
    );
    expect(otherIssuer).toBeInstanceOf(TokenRejectedError);
    expect((otherIssuer as TokenRejectedError).detail).toBe(
      `issuer https://id.other.test/realms/xjbt is not ${ISSUER}`,
    );
    const expired = await rejection(
      verifier.verify(await tokenSignedWith(rsa1, { exp: Math.floor(clock.now() / 1000) - 60 })),
    );
    expect((expired as TokenRejectedError).reason).toBe('token-expired');
  });

  it('a provider that is down is reported as unavailable, and retried only after 30 s', async () => {
    server.failing = true;
    const token = await tokenSignedWith(rsa1);
    expect(await rejection(verifier.verify(token))).toBeInstanceOf(SigningKeysUnavailableError);
    expect(await rejection(verifier.verify(token))).toBeInstanceOf(SigningKeysUnavailableError);
    expect(server.requests).toBe(1);
    server.failing = false;
    clock.advance(31_000);
    await expect(verifier.verify(token)).resolves.toBeDefined();
    expect(server.requests).toBe(2);
  });

  it('maps a Keycloak-shaped token (agency attribute, realm roles) through the configured claim names', async () => {
    const keycloak = new StaffTokenVerifier({
      jwksUrl: server.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      claims: {
        agency: 'lep_agency',
        roles: 'realm_access.roles',
        roleMap: { 'lep-handler': 'handler', 'lep-leader': 'leader' },
      },
    });
    const token = await providerToken(ec1, {
      ...claims({ agency: undefined, roles: undefined }),
      lep_agency: 'XJBT-009',
      realm_access: { roles: ['default-roles-xjbt', 'offline_access', 'lep-leader'] },
      resource_access: { account: { roles: ['manage-account'] } },
    });
    await expect(keycloak.verify(token)).resolves.toEqual({
      kind: 'staff',
      subject: 'staff-7',
      agencyCode: 'XJBT-009',
      roles: ['leader'],
    });
  });
});
