import type { INestApplication } from '@nestjs/common';
import { Module, Type } from '@nestjs/common';
import { AuthModule, Role, signStaffToken } from '@lep/auth';
import { CloudEvent } from '@lep/contracts';
import {
  CalendarClientModule,
  createServiceApp,
  DatabaseModule,
  KafkaModule,
  loadConfig,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  OutboxModule,
  ServiceConfigModule,
  TemporalClientModule,
} from '@lep/nest-kit';
import { TemporalTestServer } from '@lep/temporal-test-server';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createDatabase, dropDatabase, RegistryProcess, startRegistryProcess, testPeers } from '@lep/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AggregatesModule } from '../../src/aggregates/aggregates.module';
import { StatisticsConfig } from '../../src/config';
import { DashboardModule } from '../../src/dashboard/dashboard.module';
import { EventHandler } from '../../src/ingest/event-handler';
import { IngestModule, KafkaIngestModule } from '../../src/ingest/ingest.module';
import { ReportsModule, ReportWorkerModule } from '../../src/reports/reports.module';
import { SERVICE } from '../../src/service';
import { STATISTICS_MIGRATIONS } from '../../src/statistics-domain';
import { WarningsModule } from '../../src/warnings/warnings.module';

export interface StatisticsTestApp {
  app: INestApplication;
  dataSource: DataSource;
  databaseUrl: string;
  /**
   * With `temporalStartsAt` or `registry`: the registry process whose working-day calendar the app reads. Without
   * it the app's calendar client points nowhere (nothing in those tests reads the calendar).
   */
  registry?: RegistryProcess;
  /** Only with `temporalStartsAt`: the Temporal test server the worker polls. */
  temporal?: TemporalTestServer;
  /**
   * Only with `temporalStartsAt`: attached to that server with time skipping LOCKED from before the app starts
   * (the daily certificate sweep always has a timer, so an unlocked clock would race ahead). Move it with
   * `env.sleep(…)` or unlock it explicitly.
   */
  env?: TestWorkflowEnvironment;
  /** The consumer's handler: what a Kafka delivery of `event` does, without the transport. */
  deliver(event: CloudEvent): Promise<boolean>;
  staff(roles: Role[], agency: string, subject?: string): ReturnType<typeof request.agent>;
  anonymous(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

export interface StatisticsAppOptions {
  /** Subscribe to Kafka too (only the files that test the transport; the others call deliver()). */
  consumeKafka?: boolean;
  /** Run the annual report worker against a Temporal test server whose virtual clock starts here. */
  temporalStartsAt?: Date;
  /** Run a registry process for the calendar (implied by temporalStartsAt). */
  registry?: boolean;
}

export const AUTH_SECRET = 'statistics-test-secret-at-least-32-characters';

let runtimeInstalled = false;

type EnvironmentFactory = {
  create(options: {
    server: { type: 'existing' };
    address: string;
    supportsTimeSkipping: boolean;
    namespace: string;
    client: Record<string, never>;
    plugins: never[];
  }): Promise<TestWorkflowEnvironment>;
};

/** `create` is how TestWorkflowEnvironment attaches to a running server with time skipping (not yet public). */
function attachTestEnvironment(address: string): Promise<TestWorkflowEnvironment> {
  return (TestWorkflowEnvironment as unknown as EnvironmentFactory).create({
    server: { type: 'existing' },
    address,
    supportsTimeSkipping: true,
    namespace: 'default',
    client: {},
    plugins: [],
  });
}

@Module({})
class StatisticsTestRoot {}

/** The service's modules over a fresh database and the Kafka peer. */
export async function startStatisticsApp(
  databaseUrl: string,
  options: StatisticsAppOptions = {},
): Promise<StatisticsTestApp> {
  const brokers = testPeers().kafkaBrokers;
  let temporal: TemporalTestServer | undefined;
  let env: TestWorkflowEnvironment | undefined;
  if (options.temporalStartsAt) {
    if (!runtimeInstalled) {
      Runtime.install({ logger: new DefaultLogger('ERROR') });
      runtimeInstalled = true;
    }
    temporal = await TemporalTestServer.start({ timeSkipping: true, startTime: options.temporalStartsAt });
    env = await attachTestEnvironment(temporal.address);
    await env.connection.testService!.lockTimeSkipping({});
  }
  const registry =
    options.temporalStartsAt || options.registry
      ? await startRegistryProcess({
          secret: AUTH_SECRET,
          sign: (claims) =>
            signStaffToken(
              { ...claims, roles: claims.roles as Role[] },
              { secret: AUTH_SECRET, issuer: 'lep', audience: 'lep-api' },
            ),
        })
      : undefined;
  const config = loadConfig(StatisticsConfig, {
    PORT: '3000',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    TEMPORAL_ADDRESS: temporal?.address ?? 'localhost:7233',
    AUTH_JWT_SECRET: AUTH_SECRET,
    REGISTRY_URL: registry?.url ?? 'http://127.0.0.1:1',
  });
  const modules: Array<Type | ReturnType<typeof TemporalClientModule.forRoot>> = [
    AggregatesModule,
    WarningsModule,
    IngestModule,
    DashboardModule,
  ];
  if (options.consumeKafka) modules.push(KafkaIngestModule);
  if (temporal) {
    modules.push(
      TemporalClientModule.forRoot({ address: temporal.address, namespace: 'default' }),
      ReportsModule,
      ReportWorkerModule,
    );
  }
  const app = await createServiceApp(
    {
      module: StatisticsTestRoot,
      imports: [
        ServiceConfigModule.forValue(StatisticsConfig, config),
        CalendarClientModule.forRoot(config),
        DatabaseModule.forRoot({
          url: databaseUrl,
          entities: [...MESSAGING_ENTITIES],
          migrations: [...MESSAGING_MIGRATIONS, ...STATISTICS_MIGRATIONS],
        }),
        KafkaModule.forRoot({ clientId: 'statistics-test', brokers }),
        OutboxModule.register(),
        AuthModule.forRoot({ jwt: { hs256Secret: AUTH_SECRET, issuer: 'lep', audience: 'lep-api' } }),
        ...modules,
      ],
    },
    SERVICE,
    { logger: false },
  );
  await app.init();
  const handler = app.get(EventHandler);
  return {
    app,
    dataSource: app.get(DataSource),
    databaseUrl,
    registry,
    temporal,
    env,
    deliver: (event) => handler.handle(event),
    anonymous: () => request.agent(app.getHttpServer()),
    staff: (roles, agency, subject = 'staff-1') => {
      const token = signStaffToken(
        { sub: subject, roles, agency },
        { secret: AUTH_SECRET, issuer: 'lep', audience: 'lep-api' },
      );
      return request.agent(app.getHttpServer()).set('authorization', `Bearer ${token}`);
    },
    async close() {
      await app.close();
      await env?.teardown();
      await temporal?.stop();
      await registry?.stop();
    },
  };
}

/** A statistics app over a fresh database for the calling test file. */
export function useStatisticsApp(
  prefix: string,
  options: StatisticsAppOptions = {},
): () => StatisticsTestApp {
  let databaseUrl: string | undefined;
  let statistics: StatisticsTestApp | undefined;
  beforeAll(async () => {
    const url = await createDatabase(testPeers().databaseServerUrl, prefix);
    databaseUrl = url;
    statistics = await startStatisticsApp(url, options);
  }, 120_000);
  afterAll(async () => {
    await statistics?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });
  return () => {
    if (!statistics) throw new Error('the statistics app exists only inside tests (after beforeAll)');
    return statistics;
  };
}

export interface OutboxRow {
  id: string;
  message_key: string;
  event: CloudEvent<Record<string, unknown>>;
}

export function outboxEvents(dataSource: DataSource, type?: string): Promise<OutboxRow[]> {
  return dataSource.query(
    `SELECT id, message_key, event FROM outbox_event
      WHERE $1::text IS NULL OR event->>'type' = $1 ORDER BY created_at, id`,
    [type ?? null],
  );
}

export async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
