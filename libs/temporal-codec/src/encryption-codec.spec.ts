import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import {
  ENCRYPTION_KEY_ID_METADATA,
  EncryptionCodec,
  isEncrypted,
  PayloadDecryptionError,
} from './encryption-codec';
import { parsePayloadKeys, type PayloadKeyRing } from './payload-keys';

const ID_NUMBER = '650102198001011234';
const PARTY = { name: '张三', idType: 'resident-id', idNumber: ID_NUMBER, address: '乌鲁木齐市天山区' };

const newKey = () => randomBytes(32).toString('base64');
const ring = (entries: Array<[string, string]>, activeId: string): PayloadKeyRing =>
  parsePayloadKeys(entries.map(([id, key]) => `${id}:${key}`).join(','), activeId);

const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const fromPayload = (payload: Payload): unknown => defaultPayloadConverter.fromPayload(payload);
const meta = (payload: Payload, key: string) => Buffer.from(payload.metadata![key]!).toString();

describe('EncryptionCodec', () => {
  const k1 = newKey();
  const codec = new EncryptionCodec(ring([['k1', k1]], 'k1'));

  it('encrypts each payload whole: the stored bytes hold neither the ID number, the name nor the encoding', async () => {
    const [encoded] = await codec.encode([toPayload({ parties: [PARTY] })]);
    expect(meta(encoded, METADATA_ENCODING_KEY)).toBe('binary/encrypted');
    expect(meta(encoded, ENCRYPTION_KEY_ID_METADATA)).toBe('k1');
    expect(Object.keys(encoded.metadata!)).toEqual([METADATA_ENCODING_KEY, ENCRYPTION_KEY_ID_METADATA]);
    const stored = Buffer.from(encoded.data!);
    for (const secret of [ID_NUMBER, '张三', 'json/plain', 'idNumber'])
      expect(stored.includes(Buffer.from(secret))).toBe(false);
  });

  it('decodes back to the same value and metadata', async () => {
    const original = toPayload({ parties: [PARTY], count: 3, at: '2026-12-04' });
    const [decoded] = await codec.decode(await codec.encode([original]));
    expect(fromPayload(decoded)).toEqual({ parties: [PARTY], count: 3, at: '2026-12-04' });
    expect(meta(decoded, METADATA_ENCODING_KEY)).toBe('json/plain');
  });

  it('round-trips every kind of payload the SDK makes: undefined, null, binary, unicode, empty string', async () => {
    const values = [undefined, null, '', '行政处罚决定书', 0, false, new Uint8Array([0, 1, 2, 255])];
    const decoded = await codec.decode(await codec.encode(values.map(toPayload)));
    expect(decoded.map(fromPayload)).toEqual(values);
  });

  it('uses a fresh nonce: the same value encrypts differently every time', async () => {
    const [a, b] = await codec.encode([toPayload(PARTY), toPayload(PARTY)]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
    expect(Buffer.from(a.data!).subarray(0, 12).equals(Buffer.from(b.data!).subarray(0, 12))).toBe(false);
  });

  it('round-trips a large payload (1.5 MB, near Temporal’s 2 MB blob limit)', async () => {
    const large = {
      entries: Array.from({ length: 15_000 }, (_, i) => ({ i, text: `${ID_NUMBER}-${'笔录'.repeat(16)}` })),
    };
    const payload = toPayload(large);
    expect(payload.data!.length).toBeGreaterThan(1_500_000);
    const [encoded] = await codec.encode([payload]);
    expect(Buffer.from(encoded.data!).includes(Buffer.from(ID_NUMBER))).toBe(false);
    expect(fromPayload((await codec.decode([encoded]))[0])).toEqual(large);
  });

  it('passes payloads that were never encrypted through unchanged (histories from before the codec)', async () => {
    const plain = [toPayload(PARTY), toPayload(null), { metadata: {}, data: new Uint8Array([1]) }];
    const decoded = await codec.decode(plain);
    expect(decoded).toEqual(plain);
    expect(decoded.map(isEncrypted)).toEqual([false, false, false]);
  });

  it('keeps encoded and plain payloads apart within one list', async () => {
    const [encrypted] = await codec.encode([toPayload('密文')]);
    const decoded = await codec.decode([toPayload('明文'), encrypted]);
    expect(decoded.map(fromPayload)).toEqual(['明文', '密文']);
  });

  describe('refuses what it cannot authenticate', () => {
    let encrypted: Payload;
    beforeAll(async () => {
      [encrypted] = await codec.encode([toPayload(PARTY)]);
    });
    const withData = (mutate: (data: Buffer) => Buffer): Payload => ({
      ...encrypted,
      data: mutate(Buffer.from(encrypted.data!)),
    });
    const flip = (index: (data: Buffer) => number) => (data: Buffer) => {
      const copy = Buffer.from(data);
      copy[index(copy)] ^= 0x01;
      return copy;
    };

    it.each([
      ['a flipped ciphertext bit', flip(() => 20)],
      ['a flipped nonce bit', flip(() => 0)],
      ['a flipped tag bit', flip((data) => data.length - 1)],
      ['a dropped last byte', (data: Buffer) => data.subarray(0, data.length - 1)],
      ['an appended byte', (data: Buffer) => Buffer.concat([data, Buffer.from([0])])],
      ['data shorter than nonce and tag', (data: Buffer) => data.subarray(0, 27)],
      ['no data at all', () => Buffer.alloc(0)],
    ])('%s', async (_case, mutate) => {
      const failure = await codec.decode([withData(mutate)]).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PayloadDecryptionError);
      expect(failure).toMatchObject({ reason: 'not-authentic' });
    });

    it('a payload encrypted under another key with the same id', async () => {
      const impostor = new EncryptionCodec(ring([['k1', newKey()]], 'k1'));
      await expect(impostor.decode([encrypted])).rejects.toMatchObject({
        reason: 'not-authentic',
        message: expect.stringContaining('key "k1"'),
      });
    });

    it('a key id this process does not list, named in the error', async () => {
      const other = new EncryptionCodec(ring([['k2', newKey()]], 'k2'));
      await expect(other.decode([encrypted])).rejects.toMatchObject({
        reason: 'unknown-key',
        message: 'payload encrypted with key "k1", which TEMPORAL_PAYLOAD_KEYS does not list',
      });
    });

    it('an encrypted payload without a key id', async () => {
      const { [ENCRYPTION_KEY_ID_METADATA]: _dropped, ...metadata } = encrypted.metadata!;
      await expect(codec.decode([{ ...encrypted, metadata }])).rejects.toMatchObject({
        reason: 'missing-key-id',
      });
    });
  });

  describe('rotation', () => {
    it('a new active key encrypts; payloads under the old key still decode while it stays listed', async () => {
      const k2 = newKey();
      const before = new EncryptionCodec(ring([['k1', k1]], 'k1'));
      const after = new EncryptionCodec(
        ring(
          [
            ['k1', k1],
            ['k2', k2],
          ],
          'k2',
        ),
      );
      const [old] = await before.encode([toPayload({ parties: [PARTY] })]);
      const [fresh] = await after.encode([toPayload('after rotation')]);

      expect(meta(fresh, ENCRYPTION_KEY_ID_METADATA)).toBe('k2');
      expect((await after.decode([old, fresh])).map(fromPayload)).toEqual([
        { parties: [PARTY] },
        'after rotation',
      ]);
      // The old ring cannot read the new key's payloads: every process needs the new key before one uses it.
      await expect(before.decode([fresh])).rejects.toMatchObject({ reason: 'unknown-key' });
      // Once k1 is dropped, what it encrypted is unreadable: retire a key only after its histories are gone.
      const retired = new EncryptionCodec(ring([['k2', k2]], 'k2'));
      await expect(retired.decode([old])).rejects.toMatchObject({ reason: 'unknown-key' });
    });
  });
});
