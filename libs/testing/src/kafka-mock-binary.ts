import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureDebianPackages } from './debian-packages';

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

/** Path of the launcher, compiled from native/kafka-mock.c on first use or when the source changed. */
export function kafkaMockBinary(): string {
  if (existsSync(BINARY) && statSync(BINARY).mtimeMs >= statSync(SOURCE).mtimeMs) return BINARY;
  ensureDebianPackages(missingPackages(), 'The Kafka mock cluster', 'or set KAFKA_BROKERS');
  mkdirSync(path.dirname(BINARY), { recursive: true });
  const temporary = `${BINARY}.${process.pid}`;
  execFileSync('cc', ['-O2', '-Wall', '-o', temporary, SOURCE, '-lrdkafka'], { stdio: 'inherit' });
  // Rename is atomic, so parallel jest projects never run a half-written binary.
  execFileSync('mv', ['-f', temporary, BINARY]);
  return BINARY;
}
