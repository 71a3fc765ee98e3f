import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from './encryption-codec';
import { parsePayloadKeys, type PayloadKeyRing } from './payload-keys';

/** The module whose `failureConverter` encodes failure messages; every workflow bundle carries it too. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/**
 * The data converter of every LEP Temporal client and worker: the SDK's default JSON payloads and failures with
 * their messages encoded, both encrypted by the codec. Clients and workers of one namespace must share the key
 * ring, or a worker cannot read what a client started.
 */
export function encryptingDataConverter(ring: PayloadKeyRing): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(ring)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

/** The same, from the two variables as the environment holds them (TEMPORAL_PAYLOAD_KEYS, TEMPORAL_PAYLOAD_KEY_ID). */
export function dataConverterFromEnv(env: {
  TEMPORAL_PAYLOAD_KEYS?: string;
  TEMPORAL_PAYLOAD_KEY_ID?: string;
}): DataConverter {
  return encryptingDataConverter(parsePayloadKeys(env.TEMPORAL_PAYLOAD_KEYS, env.TEMPORAL_PAYLOAD_KEY_ID));
}
