import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Where built engines live, outside any checkout so every clone and worktree shares them: LEP_ENGINES_DIR when
 * set, else $XDG_CACHE_HOME/lep/engines, else ~/.cache/lep/engines.
 */
export function enginesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LEP_ENGINES_DIR) return path.resolve(env.LEP_ENGINES_DIR);
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'lep', 'engines');
}
