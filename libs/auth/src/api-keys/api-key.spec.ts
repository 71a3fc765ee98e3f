import { generateApiKey, parseApiKey, verifyApiKeySecret } from './api-key';

describe('API keys', () => {
  const generated = generateApiKey();

  it('are presented as lep_<16 hex keyId>_<32 bytes base64url> and stored as a self-describing scrypt hash', () => {
    expect(generated.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(generated.presented).toMatch(new RegExp(`^lep_${generated.keyId}_[A-Za-z0-9_-]{43}$`));
    const secret = generated.presented.slice(`lep_${generated.keyId}_`.length);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(generated.secretHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(generated.secretHash).not.toContain(secret);
  });

  it('parse back into keyId and secret, and the secret verifies against the stored hash', () => {
    const parsed = parseApiKey(generated.presented);
    expect(parsed?.keyId).toBe(generated.keyId);
    expect(verifyApiKeySecret(parsed!.secret, generated.secretHash)).toBe(true);
  });

  it('a different secret, or the right secret against another key’s hash, does not verify', () => {
    const other = generateApiKey();
    const secret = parseApiKey(generated.presented)!.secret;
    expect(verifyApiKeySecret(parseApiKey(other.presented)!.secret, generated.secretHash)).toBe(false);
    expect(verifyApiKeySecret(secret, other.secretHash)).toBe(false);
  });

  it('each key gets its own id, secret and salt', () => {
    const keys = Array.from({ length: 5 }, generateApiKey);
    expect(new Set(keys.map((key) => key.keyId)).size).toBe(5);
    expect(new Set(keys.map((key) => key.secretHash.split('$')[4])).size).toBe(5);
  });

  it.each([
    ['another prefix', (key: string) => key.replace(/^lep_/, 'lp_')],
    [
      'an upper-case keyId',
      (key: string) => key.replace(/^lep_([0-9a-f]{16})/, (_m, id: string) => `lep_${id.toUpperCase()}`),
    ],
    ['a truncated secret', (key: string) => key.slice(0, -1)],
    ['trailing whitespace', (key: string) => `${key} `],
    ['a bearer prefix', (key: string) => `Bearer ${key}`],
  ])('a key with %s does not parse', (_case, change) => {
    const changed = change(generated.presented);
    expect(changed).not.toBe(generated.presented);
    expect(parseApiKey(changed)).toBeNull();
  });

  it('a secret whose last character carries bits 32 bytes cannot hold is not one we issued', () => {
    const keyId = '0123456789abcdef';
    expect(parseApiKey(`lep_${keyId}_${'A'.repeat(43)}`)).not.toBeNull();
    expect(parseApiKey(`lep_${keyId}_${'A'.repeat(42)}B`)).toBeNull();
  });

  it('a malformed or tampered stored hash never verifies', () => {
    const secret = parseApiKey(generated.presented)!.secret;
    const [scheme, N, r, p, salt, hash] = generated.secretHash.split('$') as string[];
    const variants = [
      '',
      'plain',
      [scheme, N, r, p, salt].join('$'),
      ['bcrypt', N, r, p, salt, hash].join('$'),
      [scheme, '16383', r, p, salt, hash].join('$'),
      [scheme, String(1 << 24), r, p, salt, hash].join('$'),
      [scheme, N, r, p, salt, hash!.slice(0, -2)].join('$'),
      [scheme, N, r, p, `${salt}x`, hash].join('$'),
      [scheme, N, r, p, salt, hash, 'extra'].join('$'),
    ];
    for (const variant of variants) expect(verifyApiKeySecret(secret, variant)).toBe(false);
  });
});
