import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A toolchain an engine build needs is missing or too old; the message is the one line to show. */
export class MissingToolchainError extends Error {
  override readonly name = 'MissingToolchainError';
}

export type Toolchain = 'go' | 'java' | 'mvn';

/** What each toolchain is needed for, how to get it, and the oldest version that builds our pins. */
const TOOLCHAINS: Record<Toolchain, { label: string; minimum: number[]; install: string }> = {
  go: { label: 'Go', minimum: [1, 25], install: 'https://go.dev/dl/ or `apt-get install golang-1.25`' },
  java: { label: 'Java (JDK)', minimum: [17], install: '`apt-get install openjdk-17-jdk-headless`' },
  mvn: { label: 'Maven', minimum: [3, 6], install: '`apt-get install maven`' },
};

/** The java and javac the engines use: $JAVA_HOME's when set, else the ones on PATH. */
export function javaCommand(tool: 'java' | 'javac' = 'java', env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', tool) : tool;
}

/** The absolute path of that java, so a generated script runs the same JVM whatever PATH says later. */
export async function javaExecutable(): Promise<string> {
  const { stderr } = await run(javaCommand('java'), ['-XshowSettings:properties', '-version']);
  const home = /^\s*java\.home = (.+)$/m.exec(stderr)?.[1];
  if (!home)
    throw new Error(`cannot tell where ${javaCommand('java')} lives (no java.home in -XshowSettings)`);
  return path.join(home.trim(), 'bin', 'java');
}

async function versionOf(toolchain: Toolchain): Promise<string> {
  switch (toolchain) {
    case 'go':
      // "go1.26.8"
      return (await run('go', ['env', 'GOVERSION'])).stdout.trim().replace(/^go/, '');
    case 'java': {
      // `java -version` writes 'openjdk version "17.0.15" 2025-04-15' to stderr; javac must exist too.
      await run(javaCommand('javac'), ['-version']);
      const { stderr } = await run(javaCommand('java'), ['-version']);
      return /version "([^"]+)"/.exec(stderr)?.[1] ?? '';
    }
    case 'mvn': {
      const { stdout } = await run('mvn', ['-v', '-B'], { env: { ...process.env, MAVEN_OPTS: '' } });
      return /Apache Maven (\S+)/.exec(stdout)?.[1] ?? '';
    }
  }
}

function atLeast(version: string, minimum: number[]): boolean {
  const parts = version.split(/[.+-]/).map((part) => Number.parseInt(part, 10));
  for (let index = 0; index < minimum.length; index += 1) {
    const part = Number.isNaN(parts[index]) || parts[index] === undefined ? 0 : parts[index];
    if (part !== minimum[index]) return part > minimum[index];
  }
  return true;
}

/** Resolves with the toolchain's version, or fails with one line naming what is missing and how to get it. */
export async function requireToolchain(toolchain: Toolchain, neededFor: string): Promise<string> {
  const { label, minimum, install } = TOOLCHAINS[toolchain];
  const wanted = `${label} >= ${minimum.join('.')}`;
  let version: string;
  try {
    version = await versionOf(toolchain);
  } catch {
    throw new MissingToolchainError(
      `${neededFor} needs ${wanted}, and \`${toolchain === 'java' ? 'java/javac' : toolchain}\` is not on PATH: install it (${install})`,
    );
  }
  if (!atLeast(version, minimum))
    throw new MissingToolchainError(
      `${neededFor} needs ${wanted}, found ${label} ${version}: install a newer one (${install})`,
    );
  return version;
}
