import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of `pid` from /proc, or undefined once the process is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses; ppid is the second field after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Every live process below `root` (children, grandchildren, …). */
export function descendantsOf(root: number): number[] {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const parents = new Map(pids.map((pid) => [pid, parentOf(pid)]));
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next = pids.filter((pid) => frontier.includes(parents.get(pid) ?? -1));
    found.push(...next);
    frontier = next;
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
