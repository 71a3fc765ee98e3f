import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startPeers } from '../src';
import { alive, descendants } from '../src/process-tree';

async function gone(pids: number[], withinMs = 15_000): Promise<number[]> {
  const deadline = Date.now() + withinMs;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return pids.filter(alive);
}

/** A separate Node process running embedded peers; resolves once they are up. */
async function peersProcess(...flags: string[]): Promise<PeersProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, 'fixtures/peers-process.js'), ...flags], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`peers process exited with ${code}`)));
    });
  const directories = JSON.parse(await nextLine()) as string[];
  return { child, pids: [child.pid!, ...descendants(child.pid!)], directories, nextLine };
}

interface PeersProcess {
  child: ChildProcess;
  pids: number[];
  directories: string[];
  nextLine(): Promise<string>;
}

describe('teardown', () => {
  it('stop() leaves no peer process (servers included) and no temp directory behind', async () => {
    const before = new Set(descendants(process.pid));
    const peers = await startPeers({ postgres: true, kafka: true, s3: true, temporal: true });
    const started = descendants(process.pid).filter((pid) => !before.has(pid));
    // The PostgreSQL launcher, the postmaster and its workers; each engine and the guard that watches it.
    expect(started.length).toBeGreaterThanOrEqual(9);
    const directories = [
      peers.postgres!.directory!,
      peers.kafka!.directory!,
      peers.s3Peer!.directory!,
      peers.temporal!.server!.dataDir,
    ];
    expect(directories.every(existsSync)).toBe(true);

    await peers.stop();

    expect(await gone(started)).toEqual([]);
    expect(directories.filter(existsSync)).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'a harness process ended by %s stops its peers and removes their temp directories',
    async (signal) => {
      const { child, pids, directories } = await peersProcess();
      expect(pids.length).toBeGreaterThanOrEqual(4);
      const exited = new Promise((resolve) => child.once('exit', (_code, endedBy) => resolve(endedBy)));

      child.kill(signal);

      // It still ends by the signal, so whoever started it sees the interruption.
      expect(await exited).toBe(signal);
      expect(await gone(pids)).toEqual([]);
      expect(directories.filter(existsSync)).toEqual([]);
    },
  );

  it('a process with its own SIGTERM handler keeps its peers until it stops them itself', async () => {
    const { child, pids, directories, nextLine } = await peersProcess('--own-sigterm-handler');
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));

    child.kill('SIGTERM');

    expect(await nextLine()).toBe('peers up in handler: true');
    expect(await exited).toBe(0);
    expect(await gone(pids)).toEqual([]);
    expect(directories.filter(existsSync)).toEqual([]);
  });

  it('a harness process killed outright (SIGKILL) still leaves no process and no temp directory behind', async () => {
    const { child, pids, directories } = await peersProcess();

    child.kill('SIGKILL');

    // Each peer's launcher or guard sees its parent go (stdin or IPC channel closed), stops its server and
    // removes its directory.
    expect(await gone(pids)).toEqual([]);
    const deadline = Date.now() + 5_000;
    while (directories.some(existsSync) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(directories.filter(existsSync)).toEqual([]);
  });
});
