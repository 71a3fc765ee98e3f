import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withBuildLock } from '../src/build-lock';

describe('the build lock (one build of an engine at a time, across processes)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'lep-engines-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets a second builder wait until the first is done, saying who it waits for', async () => {
    const order: string[] = [];
    const waitedFor: number[] = [];
    let finishFirst!: () => void;
    const first = withBuildLock(
      dir,
      'kafka',
      () => undefined,
      async () => {
        order.push('first begins');
        await new Promise<void>((resolve) => (finishFirst = resolve));
        order.push('first ends');
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = withBuildLock(
      dir,
      'kafka',
      (holder) => waitedFor.push(holder),
      async () => {
        order.push('second begins');
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    finishFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first begins', 'first ends', 'second begins']);
    expect(waitedFor).toEqual([process.pid]);
  });

  it('takes over a lock left by a builder that died', async () => {
    // A pid that cannot be running: above the kernel's pid_max.
    writeFileSync(path.join(dir, 'minio.lock'), '4194399');
    await expect(
      withBuildLock(
        dir,
        'minio',
        () => undefined,
        async () => 'built',
      ),
    ).resolves.toBe('built');
  });
});
