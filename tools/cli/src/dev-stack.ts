import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_STACK_STATE_FILE, type DevStackState } from '@lep/contracts';

/**
 * The stack `npm start` runs on this machine, as it describes itself (DEV_STACK_STATE_FILE in the home folder,
 * or LEP_DEV_STACK_FILE); undefined when none runs. Lets `lep` find the services, the case database and the
 * development signing secret without anyone copying them around.
 */
export function runningDevStack(env: NodeJS.ProcessEnv = process.env): DevStackState | undefined {
  const file = env.LEP_DEV_STACK_FILE || path.join(os.homedir(), DEV_STACK_STATE_FILE);
  let state: DevStackState;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as DevStackState;
  } catch {
    return undefined;
  }
  return isAlive(state.pid) ? state : undefined;
}

/** A stack that was killed outright leaves its file behind: it describes nothing once its process is gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
