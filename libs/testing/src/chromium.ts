import { existsSync } from 'node:fs';
import { ensureDebianPackages } from './debian-packages';

const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium for the browser tests (portal, dashboard), installed on first use when running as root. */
export function chromiumExecutable(): string {
  if (!existsSync(CHROMIUM)) ensureDebianPackages(['chromium'], 'The browser tests');
  return CHROMIUM;
}
