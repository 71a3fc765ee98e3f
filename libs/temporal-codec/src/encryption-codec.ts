import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKeyRing } from './payload-keys';

/** The metadata that marks an encrypted payload; the same names as Temporal's encryption sample. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const ENCRYPTION_KEY_ID_METADATA = 'encryption-key-id';

const CIPHER = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A payload this process cannot decrypt: an unlisted key, or data that fails authentication. */
export class PayloadDecryptionError extends Error {
  constructor(
    readonly reason: 'unknown-key' | 'missing-key-id' | 'not-authentic',
    message: string,
  ) {
    super(message);
    this.name = 'PayloadDecryptionError';
  }
}

const text = (bytes: Uint8Array | null | undefined): string | undefined =>
  bytes ? Buffer.from(bytes).toString('utf8') : undefined;

export function isEncrypted(payload: Payload): boolean {
  return text(payload.metadata?.[METADATA_ENCODING_KEY]) === ENCRYPTED_ENCODING;
}

/**
 * Encrypts every payload Temporal stores (workflow and activity inputs and results, signals, updates, queries,
 * memo, failure details when encoded) with AES-256-GCM under the ring's active key: the whole original payload,
 * metadata included, is sealed, so the history shows only the key id. The data is nonce (12 random bytes),
 * ciphertext, tag (16 bytes) — the layout of Temporal's TypeScript encryption sample.
 *
 * Decoding looks the key up by the id in the payload, so histories written under a retired key still decode
 * while that key is listed; payloads that were never encrypted (histories from before the codec) pass through.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly ring: PayloadKeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.ring.activeId;
    const key = this.ring.keys.get(keyId)!;
    return payloads.map((payload) => {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv(CIPHER, key, nonce);
      const sealed = temporal.api.common.v1.Payload.encode(payload).finish();
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
          [ENCRYPTION_KEY_ID_METADATA]: Buffer.from(keyId),
        },
        data: Buffer.concat([nonce, cipher.update(sealed), cipher.final(), cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? this.decrypt(payload) : payload));
  }

  private decrypt(payload: Payload): Payload {
    const keyId = text(payload.metadata?.[ENCRYPTION_KEY_ID_METADATA]);
    if (!keyId)
      throw new PayloadDecryptionError(
        'missing-key-id',
        `encrypted payload carries no ${ENCRYPTION_KEY_ID_METADATA}`,
      );
    const key = this.ring.keys.get(keyId);
    if (!key)
      throw new PayloadDecryptionError(
        'unknown-key',
        `payload encrypted with key "${keyId}", which TEMPORAL_PAYLOAD_KEYS does not list`,
      );
    const data = Buffer.from(payload.data ?? []);
    if (data.length < NONCE_BYTES + TAG_BYTES)
      throw new PayloadDecryptionError('not-authentic', `encrypted payload (key "${keyId}") is truncated`);
    try {
      const decipher = createDecipheriv(CIPHER, key, data.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const sealed = Buffer.concat([
        decipher.update(data.subarray(NONCE_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(sealed);
    } catch {
      // GCM authentication failed: altered data, or a different key under this id.
      throw new PayloadDecryptionError(
        'not-authentic',
        `encrypted payload (key "${keyId}") failed authentication: altered, or encrypted with another key`,
      );
    }
  }
}
