import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startPeers } from '../src';
import { kafkaMockBinary } from '../src/kafka-mock-binary';
import { alive, descendants } from '../src/process-tree';

async function gone(pids: number[], withinMs = 5_000): Promise<number[]> {
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
  it('stop() leaves no peer process (PostgreSQL server included) and no temp directory behind', async () => {
    const before = new Set(descendants(process.pid));
    const peers = await startPeers({ postgres: true, kafka: true, s3: true });
    const started = descendants(process.pid).filter((pid) => !before.has(pid));
    // The PostgreSQL launcher, the postmaster and its workers, and the Kafka mock.
    expect(started.length).toBeGreaterThanOrEqual(3);
    const directories = [peers.postgres!.directory!, peers.s3Peer!.directory!];
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

  it('the Kafka mock ends on SIGTERM even while its stdin is still open', async () => {
    const mock = spawn(kafkaMockBinary(), ['1'], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise((resolve) => createInterface({ input: mock.stdout! }).once('line', resolve));
    const exited = new Promise((resolve) => mock.once('exit', (code) => resolve(code)));

    mock.kill('SIGTERM');

    expect(await gone([mock.pid!], 2_000)).toEqual([]);
    expect(await exited).toBe(0);
    mock.stdin!.end();
  });

  it('a process with its own SIGTERM handler keeps its peers until it stops them itself', async () => {
    const { child, pids, directories, nextLine } = await peersProcess('--own-sigterm-handler');
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));

    child.kill('SIGTERM');

    expect(await nextLine()).toBe('peers up in handler: true');
    expect(await exited).toBe(0);
    expect(await gone(pids)).toEqual([]);
    expect(directories.filter(existsSync)).toEqual([]);
  });

  it('a harness process killed outright (SIGKILL) still leaves no PostgreSQL or Kafka process behind', async () => {
    const { child, pids, directories } = await peersProcess();
    const [postgresDirectory, s3Directory] = directories;

    child.kill('SIGKILL');

    // The out-of-process peers end when their stdin closes; the in-process S3 store dies with the harness,
    // but nothing can run in a SIGKILLed process to remove its directory.
    expect(await gone(pids)).toEqual([]);
    expect(existsSync(postgresDirectory)).toBe(false);
    await rm(s3Directory, { recursive: true, force: true });
  });
});
