import { createPublicKey } from 'node:crypto';
import { signJws } from '../src/jwt/jws';
import { StaffTokenVerifier } from '../src/jwt/staff-token-verifier';
import { SigningKeysUnavailableError, TokenRejectedError } from '../src/jwt/token-rejected.error';
import { JwksServer, ProviderKey, providerKey } from './support/jwks-server';

const ISSUER = 'https://id.lep.test/realms/xjbt';
const AUDIENCE = 'lep-api';

function tokenSignedWith(key: ProviderKey, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: 'staff-7',
    agency: 'XJBT-002',
    roles: ['leader'],
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now,
  };
  return signJws({ alg: key.alg, kid: key.kid }, { ...payload, exp: now + 3600, ...claims }, key.privateKey);
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
  const rsa1 = providerKey('rsa-2026-01', 'RS256');
  const rsa2 = providerKey('rsa-2026-02', 'RS256');
  const ec1 = providerKey('ec-2026-01', 'ES256');
  let clock: number;
  let verifier: StaffTokenVerifier;

  beforeAll(() => server.start());
  afterAll(() => server.stop());

  beforeEach(() => {
    server.publish(rsa1, ec1);
    server.requests = 0;
    server.failing = false;
    clock = Date.now();
    verifier = new StaffTokenVerifier({
      jwksUrl: server.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      now: () => clock,
    });
  });

  it('accepts RS256 and ES256 tokens, fetching the key set once', async () => {
    await expect(verifier.verify(tokenSignedWith(rsa1))).resolves.toEqual({
      kind: 'staff',
      subject: 'staff-7',
      agencyCode: 'XJBT-002',
      roles: ['leader'],
    });
    await expect(verifier.verify(tokenSignedWith(ec1))).resolves.toMatchObject({ subject: 'staff-7' });
    expect(server.requests).toBe(1);
  });

  it('follows a key rotation: a new kid triggers one refetch, made-up kids within 30 s trigger none', async () => {
    await verifier.verify(tokenSignedWith(rsa1));
    clock += 31_000;
    server.publish(rsa1, rsa2);
    await expect(verifier.verify(tokenSignedWith(rsa2))).resolves.toMatchObject({ subject: 'staff-7' });
    expect(server.requests).toBe(2);

    const forged = providerKey('made-up', 'RS256');
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await rejection(verifier.verify(tokenSignedWith(forged)))).message).toMatch(/kid made-up/);
    expect(server.requests).toBe(2);

    clock += 31_000;
    await rejection(verifier.verify(tokenSignedWith(forged)));
    expect(server.requests).toBe(3);
  });

  it('a retired key stops working once the ten-minute cache expires', async () => {
    await verifier.verify(tokenSignedWith(rsa1));
    server.publish(rsa2);
    clock += 9 * 60_000;
    await expect(verifier.verify(tokenSignedWith(rsa1))).resolves.toBeDefined();
    expect(server.requests).toBe(1);
    clock += 60_000;
    expect((await rejection(verifier.verify(tokenSignedWith(rsa1)))).message).toMatch(/not published/);
    expect(server.requests).toBe(2);
  });

  it('concurrent requests share one fetch', async () => {
    await Promise.all(Array.from({ length: 10 }, () => verifier.verify(tokenSignedWith(rsa1))));
    expect(server.requests).toBe(1);
  });

  it('a tampered RS256 token, or one signed by a key outside the set under a published kid, is refused', async () => {
    const [header, payload, signature] = tokenSignedWith(rsa1).split('.') as [string, string, string];
    const escalated = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        roles: ['platform-admin'],
      }),
    ).toString('base64url');
    expect((await rejection(verifier.verify(`${header}.${escalated}.${signature}`))).message).toMatch(
      /signature/,
    );
    const impostor = providerKey(rsa1.kid, 'RS256');
    expect((await rejection(verifier.verify(tokenSignedWith(impostor)))).message).toMatch(/signature/);
  });

  it('refuses algorithm confusion: HS256 keyed with the public key, or ES256 under an RSA kid', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: 's',
      agency: 'XJBT-002',
      roles: ['leader'],
      iss: ISSUER,
      aud: AUDIENCE,
      exp: now + 60,
    };
    // The classic attack: the public key is public, so a verifier treating it as an HMAC secret is forgeable.
    const publicPem = createPublicKey({ key: rsa1.jwk, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    });
    const hs = signJws({ alg: 'HS256', kid: rsa1.kid }, claims, publicPem.toString());
    expect((await rejection(verifier.verify(hs))).message).toMatch(/HS256 is not accepted/);

    const ecUnderRsaKid = signJws({ alg: 'ES256', kid: rsa1.kid }, claims, ec1.privateKey);
    expect((await rejection(verifier.verify(ecUnderRsaKid))).message).toMatch(/bound to RS256/);

    // Providers may omit `alg` from a JWK; the key type alone must still rule out the wrong algorithm.
    const unbound = providerKey('rsa-unbound', 'RS256');
    delete unbound.jwk.alg;
    server.publish(rsa1, unbound);
    clock += 31_000;
    const ecUnderUnboundKid = signJws({ alg: 'ES256', kid: unbound.kid }, claims, ec1.privateKey);
    expect((await rejection(verifier.verify(ecUnderUnboundKid))).message).toMatch(
      /signature does not verify/,
    );
    await expect(verifier.verify(tokenSignedWith(unbound))).resolves.toBeDefined();
  });

  it('checks issuer and expiry on JWKS tokens too', async () => {
    const otherIssuer = await rejection(verifier.verify(tokenSignedWith(rsa1, { iss: 'https://other' })));
    expect(otherIssuer).toBeInstanceOf(TokenRejectedError);
    const expired = await rejection(
      verifier.verify(tokenSignedWith(rsa1, { exp: Math.floor(clock / 1000) - 60 })),
    );
    expect((expired as TokenRejectedError).reason).toBe('token-expired');
  });

  it('a provider that is down is reported as unavailable, and retried only after 30 s', async () => {
    server.failing = true;
    expect(await rejection(verifier.verify(tokenSignedWith(rsa1)))).toBeInstanceOf(
      SigningKeysUnavailableError,
    );
    expect(await rejection(verifier.verify(tokenSignedWith(rsa1)))).toBeInstanceOf(
      SigningKeysUnavailableError,
    );
    expect(server.requests).toBe(1);
    server.failing = false;
    clock += 31_000;
    await expect(verifier.verify(tokenSignedWith(rsa1))).resolves.toBeDefined();
    expect(server.requests).toBe(2);
  });
});
