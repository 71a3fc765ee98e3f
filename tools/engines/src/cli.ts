import { spawn } from 'node:child_process';
import { engineFolder, ensureEngines, isBuilt } from './build';
import { enginesDir } from './cache';
import { SHARED_ENGINES_VARIABLE, startEngineSet, type EngineSet } from './engine-set';
import { ENGINE_NAMES, EngineName, RECIPES } from './recipes';
import { MissingToolchainError, requireToolchain, type Toolchain } from './toolchains';

const USAGE = `usage: lep-engines <command>

  build [engine…]       build what is missing into the cache (all engines by default: ${ENGINE_NAMES.join(', ')})
  status                what is built, where, and which toolchains this machine has
  start                 run Kafka, MinIO and the Temporal dev server (with LEP's topics, namespace and search
                        attributes) until Ctrl-C, printing their addresses
  run -- <command…>     the same around one command, which finds them in KAFKA_BROKERS, S3_ENDPOINT, S3_ACCESS_KEY,
                        S3_SECRET_KEY, S3_REGION and TEMPORAL_ADDRESS; exits with the command's exit code

The cache is ${enginesDir()} (LEP_ENGINES_DIR overrides it).`;

async function status(): Promise<void> {
  console.log(`cache: ${enginesDir()}`);
  for (const name of ENGINE_NAMES) {
    const folder = engineFolder(name);
    console.log(
      `${name.padEnd(14)} ${isBuilt(name) ? 'built    ' : 'not built'} ${RECIPES[name].title}  ${folder}`,
    );
  }
  for (const toolchain of ['go', 'java', 'mvn'] as Toolchain[]) {
    const found = await requireToolchain(toolchain, 'building the engines').then(
      (version) => `${version}`,
      (error: Error) => `MISSING: ${error.message}`,
    );
    console.log(`${toolchain.padEnd(14)} ${found}`);
  }
}

function describe(engines: EngineSet): string[] {
  return [
    `Kafka broker      ${engines.kafka.brokers.join(',')}`,
    `MinIO (S3)        ${engines.minio.endpoint}  (key ${engines.minio.accessKey})`,
    `Temporal          ${engines.temporal.address}  Web UI ${engines.temporal.uiUrl ?? '(headless)'}`,
  ];
}

/** Runs until a signal, then stops the engines. */
async function start(): Promise<void> {
  const engines = await startEngineSet();
  for (const line of describe(engines)) console.log(line);
  console.log('\nexport for services or tests:');
  for (const [name, value] of Object.entries(engines.environment())) console.log(`  export ${name}=${value}`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
  });
  await engines.stop();
}

/** Starts the engines, runs the command with them in its environment, stops them; exits with its code. */
async function run(command: string[]): Promise<number> {
  if (command.length === 0) throw new Error('run needs a command after --');
  const engines = await startEngineSet({ temporalUiPort: null });
  for (const line of describe(engines)) console.error(`engines: ${line}`);
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...engines.environment(), [SHARED_ENGINES_VARIABLE]: '1' },
  });
  // A Ctrl-C reaches the command too (same process group); a SIGTERM sent to us alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  const code = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      console.error(`engines: cannot run ${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? signalNumber(signal) : 0)));
  });
  await engines.stop();
  return code;
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'build': {
      const unknown = rest.filter((name) => !ENGINE_NAMES.includes(name as EngineName));
      if (unknown.length > 0) throw new Error(`unknown engine ${unknown.join(', ')}\n${USAGE}`);
      await ensureEngines(rest.length > 0 ? (rest as EngineName[]) : ENGINE_NAMES);
      return 0;
    }
    case 'status':
      await status();
      return 0;
    case 'start':
      await start();
      return 0;
    case 'run':
      return run(rest[0] === '--' ? rest.slice(1) : rest);
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A missing toolchain is one line; anything else carries what the failing step printed.
    console.error(
      `engines: ${error instanceof MissingToolchainError ? error.message : String(error instanceof Error ? error.message : error)}`,
    );
    process.exit(1);
  },
);
