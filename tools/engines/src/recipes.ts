import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Progress, runBuildCommand } from './progress';
import { javaCommand, javaExecutable, Toolchain } from './toolchains';

/** The engines LEP runs on outside production, each pinned. */
export type EngineName = 'temporal' | 'time-skipping' | 'kafka' | 'minio';
export const ENGINE_NAMES: EngineName[] = ['temporal', 'time-skipping', 'kafka', 'minio'];

export interface Recipe {
  name: EngineName;
  /** What it is, for progress and status lines. */
  title: string;
  /** The folder under the cache that holds it; it changes whenever the pin (or our launcher) changes. */
  folder: string;
  toolchains: Toolchain[];
  /** Files that must exist in the folder once built (relative paths). */
  artifacts: string[];
  /** Builds into `dir` (an empty folder that becomes `folder` once this resolves). */
  build(dir: string, progress: Progress): Promise<void>;
}

const LAUNCHER_SOURCE = path.resolve(__dirname, '../java/LepTimeSkippingServer.java');

/** Built from source by `go install`: the Go module proxy serves both, nothing else is downloaded. */
function goRecipe(name: EngineName, title: string, module: string, version: string, binary: string): Recipe {
  const folder = `${binary}-${version}`;
  return {
    name,
    title,
    folder,
    toolchains: ['go'],
    artifacts: [`bin/${binary}`],
    async build(dir, progress) {
      await runBuildCommand('go', ['install', '-v', `${module}@${version}`], {
        cwd: dir,
        // Pure Go (no cgo): nothing to link against on the machine. GOTOOLCHAIN=local builds with the Go that
        // requireToolchain checked instead of fetching another one.
        env: {
          ...process.env,
          GOBIN: path.join(dir, 'bin'),
          CGO_ENABLED: '0',
          GOTOOLCHAIN: 'local',
          GOFLAGS: '',
        },
        onLine: (line) => progress.step(line.replace(/^go: /, '')),
      });
    },
  };
}

interface MavenArtifact {
  groupId: string;
  artifactId: string;
  version: string;
}

/** The one-off project `mvn dependency:copy-dependencies` needs to resolve `artifacts` with their dependencies. */
function pomOf(artifacts: MavenArtifact[]): string {
  const dependencies = artifacts
    .map(
      ({ groupId, artifactId, version }) =>
        `<dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`,
    )
    .join('');
  return `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>lep.engines</groupId><artifactId>resolve</artifactId><version>1</version><dependencies>${dependencies}</dependencies></project>\n`;
}

/** Copies the runtime jars of `artifacts` from Maven Central into `<dir>/lib`. */
async function copyJars(dir: string, artifacts: MavenArtifact[], progress: Progress): Promise<void> {
  writeFileSync(path.join(dir, 'pom.xml'), pomOf(artifacts));
  await runBuildCommand(
    'mvn',
    [
      '-B',
      '-Dstyle.color=never',
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${path.join(dir, 'lib')}`,
    ],
    {
      cwd: dir,
      env: process.env,
      onLine: (line) => {
        const fetched = /^(?:\[INFO\] )?Downloaded from \S+: \S+\/([^/]+)$/.exec(line);
        if (fetched) progress.step(fetched[1]);
      },
    },
  );
}

const KAFKA_VERSION = '4.4.0';
// Kafka logs through SLF4J 1.7 (slf4j-api 1.7.36 is its runtime dependency) onto Log4j 2, which it brings;
// without this binding the broker prints nothing, warnings and errors included.
const LOG4J_VERSION = '2.25.5';
const TEST_SERVER_VERSION = '1.38.0';

function launcherHash(): string {
  return createHash('sha256').update(readFileSync(LAUNCHER_SOURCE)).digest('hex').slice(0, 8);
}

export const RECIPES: Record<EngineName, Recipe> = {
  temporal: goRecipe(
    'temporal',
    'Temporal CLI (dev server with Web UI)',
    'github.com/temporalio/cli/cmd/temporal',
    // The newest tag whose go.mod has no `replace` directive, which `go install module@version` refuses.
    'v1.5.1',
    'temporal',
  ),
  minio: goRecipe(
    'minio',
    'MinIO',
    'github.com/minio/minio',
    // MinIO is distributed as source only; this pseudo-version is the one the Go module proxy lists.
    'v0.0.0-20260212201848-7aac2a2c5b7c',
    'minio',
  ),
  kafka: {
    name: 'kafka',
    title: `Apache Kafka ${KAFKA_VERSION} (KRaft)`,
    folder: `kafka-${KAFKA_VERSION}`,
    toolchains: ['java', 'mvn'],
    artifacts: [`lib/kafka_2.13-${KAFKA_VERSION}.jar`, `lib/log4j-slf4j-impl-${LOG4J_VERSION}.jar`],
    build: (dir, progress) =>
      copyJars(
        dir,
        [
          { groupId: 'org.apache.kafka', artifactId: 'kafka_2.13', version: KAFKA_VERSION },
          { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-slf4j-impl', version: LOG4J_VERSION },
        ],
        progress,
      ),
  },
  'time-skipping': {
    name: 'time-skipping',
    title: `Temporal time-skipping test server ${TEST_SERVER_VERSION} (Java SDK)`,
    get folder() {
      return `temporal-test-server-${TEST_SERVER_VERSION}-${launcherHash()}`;
    },
    toolchains: ['java', 'mvn'],
    artifacts: ['bin/lep-time-skipping-server', 'classes/LepTimeSkippingServer.class'],
    async build(dir, progress) {
      await copyJars(
        dir,
        [
          { groupId: 'io.temporal', artifactId: 'temporal-test-server', version: TEST_SERVER_VERSION },
          // The server logs through SLF4J 1.7; slf4j-simple prints its warnings instead of SLF4J's "NOP" notice.
          { groupId: 'org.slf4j', artifactId: 'slf4j-simple', version: '1.7.36' },
        ],
        progress,
      );
      progress.step('javac LepTimeSkippingServer');
      await runBuildCommand(
        javaCommand('javac'),
        ['-d', path.join(dir, 'classes'), '-cp', path.join(dir, 'lib', '*'), LAUNCHER_SOURCE],
        { cwd: dir, env: process.env, onLine: () => undefined },
      );
      // The server's executable: the port, then its options. Paths are found from the
      // script's own place, since this folder is renamed once built.
      mkdirSync(path.join(dir, 'bin'));
      const script = path.join(dir, 'bin', 'lep-time-skipping-server');
      writeFileSync(
        script,
        [
          '#!/bin/sh',
          '# Generated by tools/engines: LepTimeSkippingServer <port> [--enable-time-skipping] [--start-time <epoch ms>].',
          'home="$(cd "$(dirname "$0")/.." && pwd)"',
          `exec '${await javaExecutable()}' -Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \\`,
          '  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$home/lib/*:$home/classes" LepTimeSkippingServer "$@"',
          '',
        ].join('\n'),
      );
      chmodSync(script, 0o755);
    },
  },
};
