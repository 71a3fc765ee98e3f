import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding the lock; 'writing' while its holder writes it, 'gone' once released, 'stale' if its holder died. */
function lockHolder(file: string): number | 'writing' | 'gone' | 'stale' {
  try {
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(holder)) return alive(holder) ? holder : 'stale';
    // An empty file is a lock being written this instant, unless it has stayed empty for a while.
    return Date.now() - statSync(file).mtimeMs > 10_000 ? 'stale' : 'writing';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

/**
 * Holds `<dir>/<name>.lock` while `work` runs, so two test runs (or two checkouts) that need the same engine at
 * once build it once: the second waits, then finds it built. A lock left by a process that died is taken over.
 */
export async function withBuildLock<T>(
  dir: string,
  name: string,
  onWait: (holder: number) => void,
  work: () => Promise<T>,
): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.lock`);
  let reported = false;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(file);
      if (holder === 'gone') continue;
      if (holder === 'stale') {
        rmSync(file, { force: true });
        continue;
      }
      if (!reported && typeof holder === 'number') {
        onWait(holder);
        reported = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}
