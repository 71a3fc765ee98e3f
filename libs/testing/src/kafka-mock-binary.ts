import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(PACKAGE_ROOT, 'native/kafka-mock.c');
const BINARY = path.join(PACKAGE_ROOT, 'build/kafka-mock');
const HEADER = '/usr/include/librdkafka/rdkafka_mock.h';

function onPath(command: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((directory) => existsSync(path.join(directory, command)));
}

/** Debian packages the launcher's build still lacks. */
function missingPackages(): string[] {
  return [...(existsSync(HEADER) ? [] : ['librdkafka-dev']), ...(onPath('cc') ? [] : ['gcc'])];
}

/** Installs what the build lacks when we may (root); otherwise says in one line what to install. */
function ensureBuildTools(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Kafka mock cluster needs ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` (or set KAFKA_BROKERS)`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'ignore', env });
  try {
    install();
  } catch {
    // A fresh machine has no package lists yet.
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    install();
  }
}

/** Path of the launcher, compiled from native/kafka-mock.c on first use or when the source changed. */
export function kafkaMockBinary(): string {
  if (existsSync(BINARY) && statSync(BINARY).mtimeMs >= statSync(SOURCE).mtimeMs) return BINARY;
  ensureBuildTools();
  mkdirSync(path.dirname(BINARY), { recursive: true });
  const temporary = `${BINARY}.${process.pid}`;
  execFileSync('cc', ['-O2', '-Wall', '-o', temporary, SOURCE, '-lrdkafka'], { stdio: 'inherit' });
  // Rename is atomic, so parallel jest projects never run a half-written binary.
  execFileSync('mv', ['-f', temporary, BINARY]);
  return BINARY;
}
