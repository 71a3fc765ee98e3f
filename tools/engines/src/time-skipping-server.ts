import path from 'node:path';
import { ensureEngine } from './build';

/**
 * The executable of Temporal's time-skipping test server (built into the cache on first use), for
 * `@temporalio/testing`'s `TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type:
 * 'existing-path', path } } })`. Its extra arguments take `['--start-time', String(epochMs)]` to start the
 * virtual clock at a given instant.
 */
export async function timeSkippingServerExecutable(): Promise<string> {
  return path.join(await ensureEngine('time-skipping'), 'bin', 'lep-time-skipping-server');
}
