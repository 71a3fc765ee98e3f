import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const CLI = path.resolve(__dirname, '../bin/lep-engines.js');
const run = promisify(execFile);

/** `lep-engines` as a person or CI runs it, with an environment of the test's choosing. */
function lepEngines(args: string[], env: NodeJS.ProcessEnv) {
  return run(process.execPath, [CLI, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('lep-engines (the engines step)', () => {
  let cache: string;
  beforeEach(() => (cache = mkdtempSync(path.join(tmpdir(), 'lep-engines-cache-'))));
  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  it('fails with one line naming the missing toolchain and how to get it, building nothing', async () => {
    // Node is here; Go is not (it lives in /usr/local/go/bin on these machines).
    const result = await lepEngines(['build', 'minio'], {
      PATH: path.dirname(process.execPath),
      LEP_ENGINES_DIR: cache,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^engines: MinIO needs Go >= 1\.25, and `go` is not on PATH: install it \(.+\)$/),
    ]);
    const status = await lepEngines(['status'], { ...process.env, LEP_ENGINES_DIR: cache });
    expect(status.stdout).toMatch(/minio\s+not built/);
  });

  it('says where the cache is, what is built there and which toolchains the machine has', async () => {
    const { code, stdout } = await lepEngines(['status'], { ...process.env, LEP_ENGINES_DIR: cache });
    expect(code).toBe(0);
    expect(stdout).toContain(`cache: ${cache}`);
    for (const engine of ['temporal', 'time-skipping', 'kafka', 'minio'])
      expect(stdout).toMatch(new RegExp(`^${engine}\\s+not built`, 'm'));
    expect(stdout).toMatch(/^go\s+1\.\d+/m);
    expect(stdout).toMatch(/^java\s+\d+/m);
    expect(stdout).toMatch(/^mvn\s+3\.\d+/m);
  });

  it('refuses an engine it does not know, naming the ones it does', async () => {
    const result = await lepEngines(['build', 'zookeeper'], { ...process.env, LEP_ENGINES_DIR: cache });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown engine zookeeper');
    expect(result.stderr).toContain('temporal, time-skipping, kafka, minio');
  });

  it('runs a command with the engines in its environment, exits with its code, and stops them', async () => {
    const probe = `
      const env = process.env;
      console.log(JSON.stringify({ kafka: env.KAFKA_BROKERS, s3: env.S3_ENDPOINT, temporal: env.TEMPORAL_ADDRESS,
        shared: env.LEP_ENGINES_SHARED }));
      process.exit(3);`;
    const result = await lepEngines(['run', '--', process.execPath, '-e', probe], process.env);
    expect(result.code).toBe(3);
    const seen = JSON.parse(result.stdout.trim().split('\n').pop()!);
    expect(seen).toEqual({
      kafka: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      s3: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      temporal: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      shared: '1',
    });
    await expect(fetch(`${seen.s3}/minio/health/live`)).rejects.toThrow();
  }, 180_000);
});
