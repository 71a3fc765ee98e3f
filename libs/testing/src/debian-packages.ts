import { execFileSync } from 'node:child_process';

/**
 * Installs Debian packages a test peer needs when we may (root); otherwise fails with the one line that
 * tells the developer what to install. Parallel jest projects may call this at once: apt waits for the
 * dpkg lock instead of failing.
 */
export function ensureDebianPackages(missing: string[], neededFor: string, alternative = ''): void {
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    const install = `sudo apt-get install -y ${missing.join(' ')}`;
    throw new Error(
      `${neededFor} needs ${missing.join(' and ')}: run \`${install}\`${alternative && ` (${alternative})`}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  const install = () =>
    execFileSync('apt-get', [...lockWait, 'install', '-y', '-qq', ...missing], { stdio: 'ignore', env });
  try {
    install();
  } catch {
    // A fresh machine has no package lists yet.
    execFileSync('apt-get', [...lockWait, 'update', '-qq'], { stdio: 'ignore', env });
    install();
  }
}
