import { randomBytes } from 'node:crypto';
import type { DataConverter } from '@temporalio/common';
import { dataConverterFromEnv } from '@lep/temporal-codec';

/**
 * The Temporal payload keys of this test process: a random key made when the module loads (a test file's own),
 * so no key lives in the repository. Every client and worker a test builds, and every service process it starts,
 * takes them from here — in-process through testDataConverter(), spawned through these variables.
 */
export const TEST_PAYLOAD_KEY_ENV = {
  TEMPORAL_PAYLOAD_KEYS: `test:${randomBytes(32).toString('base64')}`,
  TEMPORAL_PAYLOAD_KEY_ID: 'test',
} as const;

/** The encrypting data converter of the test process's clients and workers (see TEST_PAYLOAD_KEY_ENV). */
export function testDataConverter(): DataConverter {
  return dataConverterFromEnv(TEST_PAYLOAD_KEY_ENV);
}
