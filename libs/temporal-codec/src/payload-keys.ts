/**
 * The keys Temporal payloads are encrypted with, read from two environment variables:
 * `TEMPORAL_PAYLOAD_KEYS` lists every key still needed (`id:base64,id:base64`, each key 32 random bytes) and
 * `TEMPORAL_PAYLOAD_KEY_ID` names the one new payloads are encrypted with. Rotation adds a key and moves the
 * active id; the old keys stay listed for as long as histories encrypted with them are kept.
 */
export const PAYLOAD_KEYS_VARIABLE = 'TEMPORAL_PAYLOAD_KEYS';
export const PAYLOAD_KEY_ID_VARIABLE = 'TEMPORAL_PAYLOAD_KEY_ID';

/** AES-256: 32 bytes. */
export const PAYLOAD_KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Raised at start-up when the key variables are missing or malformed; the message names the variable. */
export class PayloadKeyConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'PayloadKeyConfigError';
  }
}

export interface PayloadKeyRing {
  /** The id new payloads are encrypted with. */
  activeId: string;
  /** Every key that can still decrypt, by id (the active one included). */
  keys: ReadonlyMap<string, Buffer>;
}

function decodeKey(id: string, encoded: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  // Buffer.from skips characters that are not base64; only an exact round trip proves the text was a key.
  if (key.length !== PAYLOAD_KEY_BYTES || key.toString('base64') !== encoded)
    throw new PayloadKeyConfigError(
      PAYLOAD_KEYS_VARIABLE,
      `key "${id}" must be ${PAYLOAD_KEY_BYTES} bytes in standard base64 (openssl rand -base64 32)`,
    );
  return key;
}

/** Every problem is reported naming the variable and the key, never the key material. */
export function parsePayloadKeys(keys: string | undefined, activeId: string | undefined): PayloadKeyRing {
  if (!keys?.trim())
    throw new PayloadKeyConfigError(
      PAYLOAD_KEYS_VARIABLE,
      'is required (id:base64-32-byte-key, comma-separated)',
    );
  const ring = new Map<string, Buffer>();
  for (const entry of keys.split(',').map((part) => part.trim())) {
    const separator = entry.indexOf(':');
    const id = separator < 0 ? '' : entry.slice(0, separator);
    if (!KEY_ID.test(id))
      throw new PayloadKeyConfigError(
        PAYLOAD_KEYS_VARIABLE,
        'must be id:base64-32-byte-key entries separated by commas (id: letters, digits, . _ -, at most 64)',
      );
    if (ring.has(id)) throw new PayloadKeyConfigError(PAYLOAD_KEYS_VARIABLE, `lists key "${id}" twice`);
    ring.set(id, decodeKey(id, entry.slice(separator + 1)));
  }
  if (!activeId?.trim())
    throw new PayloadKeyConfigError(
      PAYLOAD_KEY_ID_VARIABLE,
      `is required (the id of a key in ${PAYLOAD_KEYS_VARIABLE})`,
    );
  if (!ring.has(activeId))
    throw new PayloadKeyConfigError(
      PAYLOAD_KEY_ID_VARIABLE,
      `names key "${activeId}", which ${PAYLOAD_KEYS_VARIABLE} does not list`,
    );
  return { activeId, keys: ring };
}

/** The problem with the two variables, or undefined when they make a key ring (for config validators). */
export function payloadKeysProblem(
  keys: string | undefined,
  activeId: string | undefined,
): PayloadKeyConfigError | undefined {
  try {
    parsePayloadKeys(keys, activeId);
    return undefined;
  } catch (error) {
    if (error instanceof PayloadKeyConfigError) return error;
    throw error;
  }
}
