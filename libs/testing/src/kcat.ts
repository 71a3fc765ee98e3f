import { existsSync } from 'node:fs';
import { ensureDebianPackages } from './debian-packages';

const KCAT = '/usr/bin/kcat';

/** Debian's kcat, a Kafka client we did not write, for tests that read topics; installed on first use as root. */
export function kcatExecutable(): string {
  if (!existsSync(KCAT)) ensureDebianPackages(['kcat'], 'Tests that read topics with kcat');
  return KCAT;
}
