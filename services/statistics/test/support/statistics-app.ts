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
  temporalConnection,
} from '@lep/nest-kit';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  createDatabase,
  createTemporalNamespace,
  dropDatabase,
  RegistryProcess,
  startRegistryProcess,
  startTimeSkippingTemporal,
  TEST_PAYLOAD_KEY_ENV,
  testDataConverter,
  testPeers,
  type TimeSkippingTemporal,
} from '@lep/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AggregatesModule } from '../../src/aggregates/aggregates.module';
import { StatisticsConfig } from '../../src/config';
import { DashboardModule } from '../../src/dashboard/dashboard.module';
import { EventHandler } from '../../src/ingest/event-handler';
import { IngestModule, KafkaIngestModule } from '../../src/ingest/ingest.module';
import { ReportScheduleModule, ReportsModule } from '../../src/reports/reports.module';
import { ReportWorkerModule } from '../../src/reports/statistics-worker';
import { SERVICE } from '../../src/service';
import { STATISTICS_MIGRATIONS } from '../../src/statistics-domain';
import { WarningsModule } from '../../src/warnings/warnings.module';

export interface StatisticsTestApp {
  app: INestApplication;
  dataSource: DataSource;
  databaseUrl: string;
  /**
   * With Temporal or `registry`: the registry process whose working-day calendar the app reads. Without
   * it the app's calendar client points nowhere (nothing in those tests reads the calendar).
   */
  registry?: RegistryProcess;
  /**
   * Only with `temporalStartsAt`: the SDK's test environment on the time-skipping server the worker polls, its
   * clock held from before the app starts (the daily certificate sweep always has a timer, so a free clock would
   * race ahead). Move it with `env.sleep(…)`.
   */
  env?: TestWorkflowEnvironment;
  /**
   * With Temporal: a client that never lets the clock run (the time-skipping client's result() does), in the app's
   * namespace.
   */
  client?: Client;
  /** The consumer's handler: what a Kafka delivery of `event` does, without the transport. */
  deliver(event: CloudEvent): Promise<boolean>;
  staff(roles: Role[], agency: string, subject?: string): ReturnType<typeof request.agent>;
  anonymous(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

export interface StatisticsAppOptions {
  /** Subscribe to Kafka too (only the files that test the transport; the others call deliver()). */
  consumeKafka?: boolean;
  /**
   * Run the annual report worker against Temporal's time-skipping test server whose virtual clock starts here
   * (it has no Schedules: the annual report Schedule is left out).
   */
  temporalStartsAt?: Date;
  /**
   * Run the worker and the annual report Schedule against the project's Temporal dev server, in real time, in a
   * namespace of this app's own.
   */
  devServerTemporal?: boolean;
  /** Run a registry process for the calendar (implied by either Temporal option: the report activities count working days). */
  registry?: boolean;
}

export const AUTH_SECRET = 'statistics-test-secret-at-least-32-characters';

let runtimeInstalled = false;

@Module({})
class StatisticsTestRoot {}

/** The service's modules over a fresh database and the Kafka peer. */
export async function startStatisticsApp(
  databaseUrl: string,
  options: StatisticsAppOptions = {},
): Promise<StatisticsTestApp> {
  const brokers = testPeers().kafkaBrokers;
  if ((options.temporalStartsAt || options.devServerTemporal) && !runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }
  let timeSkipping: TimeSkippingTemporal | undefined;
  /** Opened here for the dev server (closed by close()); the time-skipping environment brings its own. */
  let devServerConnection: Connection | undefined;
  let temporal: { address: string; namespace: string; client: Client } | undefined;
  if (options.temporalStartsAt) {
    timeSkipping = await startTimeSkippingTemporal({ startTime: options.temporalStartsAt });
    const { address, env } = timeSkipping;
    temporal = {
      address,
      namespace: 'default',
      client: new Client({ connection: env.connection, dataConverter: testDataConverter() }),
    };
  } else if (options.devServerTemporal) {
    const { temporalAddress: address } = testPeers();
    const namespace = await createTemporalNamespace(address);
    devServerConnection = await Connection.connect({ address });
    temporal = {
      address,
      namespace,
      client: new Client({ connection: devServerConnection, namespace, dataConverter: testDataConverter() }),
    };
  }
  const registry =
    options.temporalStartsAt || options.devServerTemporal || options.registry
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
    TEMPORAL_NAMESPACE: temporal?.namespace,
    ...TEST_PAYLOAD_KEY_ENV,
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
    modules.push(TemporalClientModule.forRoot(temporalConnection(config)), ReportsModule, ReportWorkerModule);
    if (options.devServerTemporal) modules.push(ReportScheduleModule);
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
    env: timeSkipping?.env,
    client: temporal?.client,
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
      await timeSkipping?.stop();
      await devServerConnection?.close();
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
