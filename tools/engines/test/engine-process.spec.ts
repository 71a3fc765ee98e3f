import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { EngineProcess } from '../src/engine-process';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return !alive(pid);
}

/** A stand-in engine: a process that serves nothing and runs until killed. */
const SLEEPER = { command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] };

describe('an engine process and its guard', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'lep-engine-process-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const spec = () => ({
    name: 'sleeper',
    ...SLEEPER,
    cwd: dir,
    logFile: path.join(dir, 'sleeper.log'),
    ready: async () => true,
    stopGraceMs: 2_000,
  });

  it('is killed outright by kill(), as in a crash, and stopped gracefully by stop()', async () => {
    const crashed = await EngineProcess.start(spec());
    await crashed.kill();
    expect(await crashed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(alive(crashed.pid)).toBe(false);

    const stopped = await EngineProcess.start(spec());
    await stopped.stop();
    expect(await stopped.exited).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('says why it did not start, with what the engine printed', async () => {
    await expect(
      EngineProcess.start({
        ...spec(),
        args: ['-e', 'console.error("port 7233 in use"); process.exit(2)'],
        ready: async () => false,
      }),
    ).rejects.toThrow(/sleeper exited while starting \(exit code 2\):\nport 7233 in use/);
  });

  it('ends with the process that started it, even one killed outright, and removes its data folder', async () => {
    const data = mkdtempSync(path.join(dir, 'data-'));
    const starter = spawn(process.execPath, [path.join(__dirname, 'fixtures/starter.js'), data], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const enginePid = Number(
      await new Promise<string>((resolve) =>
        createInterface({ input: starter.stdout! }).once('line', resolve),
      ),
    );
    expect(alive(enginePid)).toBe(true);

    starter.kill('SIGKILL');

    expect(await gone(enginePid)).toBe(true);
    const deadline = Date.now() + 5_000;
    while (existsSync(data) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(data)).toBe(false);
  });
});
