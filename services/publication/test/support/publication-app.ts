import type { INestApplication } from '@nestjs/common';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { AuthModule, Principal, Role, signStaffToken } from '@lep/auth';
import { CloudEvent, type DecisionMadeData } from '@lep/contracts';
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
import {
  createDatabase,
  dropDatabase,
  RegistryProcess,
  startRegistryProcess,
  startTimeSkippingTemporal,
  TEST_PAYLOAD_KEY_ENV,
  testPeers,
  type TimeSkippingTemporal,
} from '@lep/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type CaseDocuments, startCaseDocuments } from '../../../case-api/test/support/case-documents';
import { PublicationConfig } from '../../src/config';
import { DeadlineWorkerModule } from '../../src/deadline/deadline-worker.module';
import { DisclosureWorkflows } from '../../src/deadline/disclosure-workflows';
import { DisclosuresModule } from '../../src/disclosures/disclosures.module';
import { DisclosureEntity } from '../../src/disclosures/disclosure.entity';
import { PublicationClockModule } from '../../src/disclosures/publication-clock';
import { EventHandler } from '../../src/ingest/event-handler';
import { IngestModule, KafkaIngestModule } from '../../src/ingest/ingest.module';
import { PortalModule } from '../../src/portal/portal.module';
import { PUBLICATION_ENTITIES, PUBLICATION_MIGRATIONS } from '../../src/publication-domain';
import { PublicApiModule } from '../../src/public-api/public-api.module';
import { SERVICE } from '../../src/service';
import { FeedModule, UpstreamForwarderModule } from '../../src/upstream/upstream.module';

export interface PublicationTestApp {
  app: INestApplication;
  /** The registry process whose working-day calendar the app counts deadlines on. */
  registry: RegistryProcess;
  dataSource: DataSource;
  /** Temporal's time-skipping test server of this app: its clock is held until a test moves it (`temporal.env.sleep`). */
  temporal: TimeSkippingTemporal;
  /** The consumer's handler: what a Kafka delivery of `event` does, without the transport. */
  deliver(event: CloudEvent): Promise<boolean>;
  /** Delivers a decision.made and answers its stored record (published at once unless something holds it back). */
  receive(event: CloudEvent): Promise<DisclosureEntity>;
  /** Waits until the decision's disclosure is published (its deadline workflow has put it on the portal). */
  published(decisionId: string): Promise<DisclosureEntity>;
  workflows: DisclosureWorkflows;
  /** The documents service (and the evidence service behind it) the app reads masked 决定书 from, when asked for. */
  documents?: CaseDocuments;
  /** Unauthenticated client, as the public. */
  anonymous(): ReturnType<typeof request.agent>;
  staff(roles: Role[], agency: string, subject?: string): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

export interface PublicationAppOptions {
  /** Where the time-skipping Temporal server's virtual clock starts. */
  startsAt?: Date;
  kafkaBrokers?: string[];
  /** Subscribe to Kafka too (only the files that test the transport; the others call deliver()). */
  consumeKafka?: boolean;
  rateLimitPerMinute?: number;
  /** Forward disclosures to an upper-level deployment (the upward feed). */
  upstream?: { url: string; token: string };
  /**
   * Agency-system API keys this deployment accepts, standing in for the registry's introspection (the registry
   * service is not started here); presented key → principal.
   */
  apiKeys?: Record<string, Principal>;
  /** Run the documents and evidence services (S3 behind them) over this app's registry, trusting its tokens. */
  documents?: boolean;
}

const AUTH_SECRET = 'publication-test-secret-at-least-32-characters';
const AUTH = { secret: AUTH_SECRET, issuer: 'lep', audience: 'lep-api' };
let runtimeInstalled = false;

@Module({})
class PublicationTestRoot {}

/**
 * The service's modules over a fresh database, the Kafka peer, a registry process of its own (the calendar's owner)
 * and Temporal's time-skipping test server of its own, whose clock runs in real time from `startsAt` until a test
 * moves it on (deadlines of weeks pass in moments).
 */
export async function startPublicationApp(
  databaseUrl: string,
  options: PublicationAppOptions = {},
): Promise<PublicationTestApp> {
  const registry = await startRegistryProcess({
    secret: AUTH_SECRET,
    sign: (claims) => signStaffToken({ ...claims, roles: claims.roles as Role[] }, AUTH),
  });
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }
  const documents = options.documents ? await startCaseDocuments(registry.url, AUTH_SECRET) : undefined;
  const temporal = await startTimeSkippingTemporal({ startTime: options.startsAt });
  const brokers = options.kafkaBrokers ?? testPeers().kafkaBrokers;
  const config = loadConfig(PublicationConfig, {
    PORT: '3000',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    TEMPORAL_ADDRESS: temporal.address,
    ...TEST_PAYLOAD_KEY_ENV,
    AUTH_JWT_SECRET: AUTH_SECRET,
    REGISTRY_URL: registry.url,
    PUBLIC_RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 10_000),
    PUBLICATION_UPSTREAM_URL: options.upstream?.url,
    PUBLICATION_UPSTREAM_TOKEN: options.upstream?.token,
    ...(documents ? { DOCUMENTS_URL: documents.url } : {}),
  });
  const modules: Array<Type | DynamicModule> = [
    DisclosuresModule,
    IngestModule,
    DeadlineWorkerModule,
    PortalModule,
    FeedModule,
  ];
  if (options.consumeKafka) modules.push(KafkaIngestModule);
  if (options.upstream) modules.push(UpstreamForwarderModule);
  const app = await createServiceApp(
    {
      module: PublicationTestRoot,
      imports: [
        ServiceConfigModule.forValue(PublicationConfig, config),
        CalendarClientModule.forRoot(config),
        // Records published at receipt carry the test server's time, as the workflow's steps do.
        PublicationClockModule.forValue({ now: async () => new Date(await temporal.env.currentTimeMs()) }),
        DatabaseModule.forRoot({
          url: databaseUrl,
          entities: [...MESSAGING_ENTITIES, ...PUBLICATION_ENTITIES],
          migrations: [...MESSAGING_MIGRATIONS, ...PUBLICATION_MIGRATIONS],
        }),
        KafkaModule.forRoot({ clientId: 'publication-test', brokers }),
        OutboxModule.register(),
        TemporalClientModule.forRoot(temporalConnection(config)),
        AuthModule.forRoot({
          jwt: { hs256Secret: AUTH_SECRET, issuer: 'lep', audience: 'lep-api' },
          ...(options.apiKeys
            ? { apiKeys: { verify: async (key: string) => options.apiKeys?.[key] ?? null } }
            : {}),
        }),
        PublicApiModule.register(config.PUBLIC_RATE_LIMIT_PER_MINUTE),
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
    registry,
    dataSource: app.get(DataSource),
    temporal,
    deliver: (event) => handler.handle(event),
    async receive(event) {
      await handler.handle(event);
      const { decisionId } = event.data as DecisionMadeData;
      return until(
        async () =>
          (await app.get(DataSource).getRepository(DisclosureEntity).findOneBy({ decisionId })) ?? undefined,
      );
    },
    published: (decisionId) =>
      until(
        async () =>
          (await app
            .get(DataSource)
            .getRepository(DisclosureEntity)
            .findOneBy({ decisionId, status: 'published' })) ?? undefined,
      ),
    workflows: app.get(DisclosureWorkflows),
    documents,
    anonymous: () => request.agent(app.getHttpServer()),
    staff: (roles, agency, subject = 'staff-1') => {
      const token = signStaffToken({ sub: subject, roles, agency }, AUTH);
      return request.agent(app.getHttpServer()).set('authorization', `Bearer ${token}`);
    },
    async close() {
      await app.close();
      await temporal.stop();
      await documents?.stop();
      await registry.stop();
    },
  };
}

/** A publication app over a fresh database for the calling test file. */
export function usePublicationApp(
  prefix: string,
  options: PublicationAppOptions = {},
): () => PublicationTestApp {
  let databaseUrl: string | undefined;
  let publication: PublicationTestApp | undefined;
  beforeAll(async () => {
    databaseUrl = await createDatabase(testPeers().databaseServerUrl, prefix);
    publication = await startPublicationApp(databaseUrl, options);
  }, 120_000);
  afterAll(async () => {
    await publication?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });
  return () => {
    if (!publication) throw new Error('the publication app exists only inside tests (after beforeAll)');
    return publication;
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
