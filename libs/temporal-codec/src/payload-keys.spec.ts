import { randomBytes } from 'node:crypto';
import { parsePayloadKeys, PayloadKeyConfigError, payloadKeysProblem } from './payload-keys';

const key = () => randomBytes(32).toString('base64');

function problem(
  keys: string | undefined,
  activeId: string | undefined,
): { variable: string; message: string } {
  const error = payloadKeysProblem(keys, activeId);
  if (!error) throw new Error('expected the key variables to be refused');
  return { variable: error.variable, message: error.message };
}

describe('parsePayloadKeys', () => {
  it('reads every listed key and the active id', () => {
    const [a, b] = [key(), key()];
    const ring = parsePayloadKeys(`2026-01:${a}, 2026-07:${b}`, '2026-07');
    expect(ring.activeId).toBe('2026-07');
    expect([...ring.keys.keys()]).toEqual(['2026-01', '2026-07']);
    expect(ring.keys.get('2026-01')!.toString('base64')).toBe(a);
  });

  it.each([
    ['missing', undefined, 'k1', 'TEMPORAL_PAYLOAD_KEYS', /is required/],
    ['blank', '  ', 'k1', 'TEMPORAL_PAYLOAD_KEYS', /is required/],
    ['an entry without id', `:${key()}`, 'k1', 'TEMPORAL_PAYLOAD_KEYS', /id:base64-32-byte-key/],
    ['an entry without colon', key(), 'k1', 'TEMPORAL_PAYLOAD_KEYS', /id:base64-32-byte-key/],
    ['an id with a space', `my key:${key()}`, 'my key', 'TEMPORAL_PAYLOAD_KEYS', /id:base64-32-byte-key/],
    [
      'a 16-byte key',
      `k1:${randomBytes(16).toString('base64')}`,
      'k1',
      'TEMPORAL_PAYLOAD_KEYS',
      /"k1" must be 32 bytes/,
    ],
    [
      'a 33-byte key',
      `k1:${randomBytes(33).toString('base64')}`,
      'k1',
      'TEMPORAL_PAYLOAD_KEYS',
      /"k1" must be 32 bytes/,
    ],
    [
      'a key that is not base64',
      `k1:${'!'.repeat(44)}`,
      'k1',
      'TEMPORAL_PAYLOAD_KEYS',
      /"k1" must be 32 bytes/,
    ],
    [
      'a hex key',
      `k1:${randomBytes(32).toString('hex')}`,
      'k1',
      'TEMPORAL_PAYLOAD_KEYS',
      /"k1" must be 32 bytes/,
    ],
    ['an id listed twice', `k1:${key()},k1:${key()}`, 'k1', 'TEMPORAL_PAYLOAD_KEYS', /"k1" twice/],
    ['a trailing comma', `k1:${key()},`, 'k1', 'TEMPORAL_PAYLOAD_KEYS', /id:base64-32-byte-key/],
    ['no active id', `k1:${key()}`, undefined, 'TEMPORAL_PAYLOAD_KEY_ID', /is required/],
    [
      'an active id not listed',
      `k1:${key()}`,
      'k2',
      'TEMPORAL_PAYLOAD_KEY_ID',
      /"k2", which TEMPORAL_PAYLOAD_KEYS/,
    ],
  ])('refuses %s, naming the variable', (_case, keys, activeId, variable, message) => {
    const refused = problem(keys, activeId);
    expect(refused.variable).toBe(variable);
    expect(refused.message).toMatch(new RegExp(`^${variable} `));
    expect(refused.message).toMatch(message);
  });

  it('never repeats key material in its message', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parsePayloadKeys(`k1:${short}`, 'k1')).toThrow(PayloadKeyConfigError);
    expect(problem(`k1:${short}`, 'k1').message).not.toContain(short);
  });
});
