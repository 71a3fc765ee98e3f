import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_STACK_STATE_FILE, type DevStackState } from '@lep/contracts';

/** The state file of this user's stack (docs/operations.md, "The local stack"). */
export function stateFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LEP_DEV_STACK_FILE || path.join(os.homedir(), DEV_STACK_STATE_FILE);
}

/** Describes the running stack for `npx lep`; it holds the run's signing secret, so only its owner reads it. */
export function writeStateFile(state: DevStackState, file: string = stateFilePath()): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export function removeStateFile(file: string = stateFilePath()): void {
  rmSync(file, { force: true });
}
