import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(PACKAGE_ROOT, 'native/kafka-mock.c');
const BINARY = path.join(PACKAGE_ROOT, 'build/kafka-mock');
const HEADER = '/usr/include/librdkafka/rdkafka_mock.h';

/** Installs Debian's librdkafka-dev when it is missing and we may (root); otherwise says what to install. */
function ensureLibrdkafka(): void {
  if (existsSync(HEADER)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'Kafka mock cluster needs librdkafka-dev: run `sudo apt-get install -y librdkafka-dev` (or set KAFKA_BROKERS)',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'librdkafka-dev'], { stdio: 'ignore', env });
}

/** Path of the launcher, compiled from native/kafka-mock.c on first use or when the source changed. */
export function kafkaMockBinary(): string {
  ensureLibrdkafka();
  if (!existsSync(BINARY) || statSync(BINARY).mtimeMs < statSync(SOURCE).mtimeMs) {
    mkdirSync(path.dirname(BINARY), { recursive: true });
    const temporary = `${BINARY}.${process.pid}`;
    execFileSync('cc', ['-O2', '-o', temporary, SOURCE, '-lrdkafka'], { stdio: 'inherit' });
    // Rename is atomic, so parallel jest projects never run a half-written binary.
    execFileSync('mv', ['-f', temporary, BINARY]);
  }
  return BINARY;
}
