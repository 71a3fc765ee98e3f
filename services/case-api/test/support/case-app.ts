import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AuthModule, Principal, Role, signStaffToken } from '@lep/auth';
import {
  createServiceApp,
  DatabaseModule,
  loadConfig,
  ServiceConfigModule,
  TemporalClientModule,
  temporalConnection,
} from '@lep/nest-kit';
import { createDatabase, dropDatabase, runMigrations, TEST_PAYLOAD_KEY_ENV, testPeers } from '@lep/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CASE_API_ENTITIES, CASE_API_MODULES, CASE_API_SCHEMA } from '../../src/case-api-domain';
import { CaseApiConfig } from '../../src/config';
import { SERVICE } from '../../src/service';

export interface Staff {
  sub?: string;
  roles: Role[];
  agency: string;
}

export interface CaseTestApp {
  app: INestApplication;
  databaseUrl: string;
  dataSource: DataSource;
  /** A staff token, as the identity provider would issue it (for clients other than supertest). */
  staffToken(staff: Staff): string;
  /** An HTTP client carrying a staff token; a 兵团 platform admin unless told otherwise. */
  staff(staff?: Staff): ReturnType<typeof request.agent>;
  /** An HTTP client of an agency's own case system (API key, role agency-system). */
  system(agencyCode: string): ReturnType<typeof request.agent>;
  anonymous(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

/** The Temporal Web UI origin the app allows to call the payload codec (TEMPORAL_UI_ORIGIN). */
export const TEMPORAL_UI_ORIGIN = 'http://127.0.0.1:8233';

const AUTH = { secret: 'case-api-test-secret-at-least-32-characters', issuer: 'lep', audience: 'lep-api' };

/**
 * API keys are the registry's (not reachable from these tests): this verifier stands in for its lookup and
 * answers `lep_test_<agency>` with that agency's system principal, the shape the registry's verifier returns.
 */
const TEST_API_KEYS = {
  async verify(presented: string): Promise<Principal | null> {
    const agency = /^lep_test_([A-Za-z0-9-]+)$/.exec(presented)?.[1];
    return agency
      ? { kind: 'api-key', subject: `key-${agency}`, agencyCode: agency, roles: ['agency-system'] }
      : null;
  },
};

@Module({})
class CaseApiTestRoot {}

export interface CaseAppOptions {
  /**
   * CASE_ACTION_WAIT_SECONDS: how long an action waits for its workflow before answering 202. 30 unless told:
   * the tests judge each action's own answer, which on a loaded machine may take longer than production's 5 s.
   */
  actionWaitSeconds?: number;
  /**
   * The token secret, when the test's staff tokens must also open services started beside the app (the evidence
   * service the 案卷 export reads PDFs from, with the caller's own token).
   */
  authSecret?: string;
}

/** case-api's modules over a real database and the project's Temporal server, with the production pipes and guard. */
export async function startCaseApp(databaseUrl: string, options: CaseAppOptions = {}): Promise<CaseTestApp> {
  // The worker owns lep_cases and migrates it at its start; here its migrations run before case-api starts.
  const migrated = await runMigrations({
    type: 'postgres',
    url: databaseUrl,
    migrations: CASE_API_SCHEMA.migrations,
    migrationsTableName: 'lep_migrations',
  });
  await migrated.destroy();
  const auth = { ...AUTH, secret: options.authSecret ?? AUTH.secret };
  const config = loadConfig(CaseApiConfig, {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: testPeers().temporalAddress,
    ...TEST_PAYLOAD_KEY_ENV,
    AUTH_JWT_SECRET: auth.secret,
    CASE_ACTION_WAIT_SECONDS: String(options.actionWaitSeconds ?? 30),
    TEMPORAL_UI_ORIGIN,
  });
  const app = await createServiceApp(
    {
      module: CaseApiTestRoot,
      imports: [
        ServiceConfigModule.forValue(CaseApiConfig, config),
        DatabaseModule.forRoot({
          url: databaseUrl,
          entities: CASE_API_ENTITIES,
          migrations: [],
          schemaOwner: CASE_API_SCHEMA,
        }),
        TemporalClientModule.forRoot({
          ...temporalConnection(config),
          namespace: testPeers().temporalNamespace,
        }),
        AuthModule.forRoot({
          jwt: { hs256Secret: auth.secret, issuer: auth.issuer, audience: auth.audience },
          apiKeys: TEST_API_KEYS,
        }),
        ...CASE_API_MODULES,
      ],
    },
    SERVICE,
    { logger: false },
  );
  await app.init();
  const server = app.getHttpServer();
  const staffToken = (staff: Staff) =>
    signStaffToken({ sub: staff.sub ?? 'test-staff', agency: staff.agency, roles: staff.roles }, auth);
  return {
    app,
    databaseUrl,
    dataSource: app.get(DataSource),
    staffToken,
    staff: (staff = { roles: ['platform-admin'] as Role[], agency: 'BT' }) =>
      request.agent(server).set('authorization', `Bearer ${staffToken(staff)}`),
    system: (agencyCode) => request.agent(server).set('authorization', `Bearer lep_test_${agencyCode}`),
    anonymous: () => request.agent(server),
    close: () => app.close(),
  };
}

/** A case-api app over a fresh database for the calling test file. */
export function useCaseApp(prefix: string, options: CaseAppOptions = {}): () => CaseTestApp {
  let databaseUrl: string | undefined;
  let caseApp: CaseTestApp | undefined;
  beforeAll(async () => {
    databaseUrl = await createDatabase(testPeers().databaseServerUrl, prefix);
    caseApp = await startCaseApp(databaseUrl, options);
  });
  afterAll(async () => {
    await caseApp?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });
  return () => {
    if (!caseApp) throw new Error('the case-api app exists only inside tests (after beforeAll)');
    return caseApp;
  };
}
