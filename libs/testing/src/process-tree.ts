import { readdirSync, readFileSync } from 'node:fs';

// Process-tree inspection for teardown checks: after a stop, none of these pids may still run.

/** Parent pid of every process, read from /proc (Linux): the harness's peers include grandchildren. */
function parents(): Map<number, number> {
  const result = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in field 2 may contain spaces; the parent pid follows its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      result.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we listed /proc.
    }
  }
  return result;
}

/** Every live process started, directly or not, by `pid`. */
export function descendants(pid: number): number[] {
  const parentOf = parents();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, itsParent] of parentOf) {
      if (itsParent === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Whether `pid` still runs; a zombie (ended, not yet reaped by its new parent) counts as gone. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The live processes `pid` started itself (each peer's own process, not the servers' workers). */
export function children(pid: number): number[] {
  return [...parents()].filter(([, parent]) => parent === pid).map(([child]) => child);
}
