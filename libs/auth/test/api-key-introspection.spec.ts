import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, INestApplication, Injectable, Module } from '@nestjs/common';
import request from 'supertest';
import { createServiceApp } from '@lep/nest-kit';
import {
  ApiKeyVerifier,
  AuthModule,
  authOptionsFromEnv,
  CurrentPrincipal,
  IntrospectingApiKeyVerifier,
  Principal,
} from '../src';
import { InMemoryApiKeyVerifier, RecordingAuthEvents } from './support/in-memory-peers';

const JWT_SECRET = 'introspection-secret-that-is-32-bytes-long';
const SERVICE = { name: 'auth-introspection', title: 't', description: 'd', version: '1' };

@Controller()
class MeController {
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}

/** Stands in for the registry's POST /api/v1/auth/introspect over real HTTP, counting the questions. */
class FakeRegistry {
  readonly keys = new InMemoryApiKeyVerifier();
  questions = 0;
  /** While set, questions are counted but answered only once it resolves (a registry slow to answer). */
  held?: Promise<void>;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.questions += 1;
        const { key } = JSON.parse(body) as { key: string };
        void Promise.resolve(this.held)
          .then(() => this.keys.verify(key))
          .then((principal) => {
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify(principal ? { active: true, principal } : { active: false }));
          });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api/v1/auth/introspect`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

async function startService(apiKeys: ApiKeyVerifier, events = new RecordingAuthEvents()) {
  @Module({
    imports: [
      AuthModule.forRoot({
        jwt: { hs256Secret: JWT_SECRET, issuer: 'lep', audience: 'lep-api' },
        apiKeys,
        events,
      }),
    ],
    controllers: [MeController],
  })
  class ServiceModule {}
  const app = await createServiceApp(ServiceModule, SERVICE, { logger: false });
  await app.init();
  return app;
}

describe('API keys in a service other than the registry (introspection)', () => {
  const registry = new FakeRegistry();
  let url: string;
  let clock = 1_000_000;
  let app: INestApplication;
  const events = new RecordingAuthEvents();

  beforeAll(async () => {
    url = await registry.start();
    app = await startService(new IntrospectingApiKeyVerifier(url, { now: () => clock }), events);
  });
  afterAll(async () => {
    await app.close();
    await registry.stop();
  });

  const me = (key: string) => request(app.getHttpServer()).get('/me').set('authorization', `Bearer ${key}`);

  it('accepts `Authorization: Bearer lep_…` with the principal the registry names', async () => {
    const key = registry.keys.issue('XJBT-D1');
    const answer = await me(key).expect(200);
    expect(answer.body).toMatchObject({ kind: 'api-key', agencyCode: 'XJBT-D1', roles: ['agency-system'] });
  });

  it('asks the registry once per TTL, and a revocation takes effect when the entry expires', async () => {
    const key = registry.keys.issue('XJBT-D1');
    const before = registry.questions;
    await me(key).expect(200);
    await me(key).expect(200);
    expect(registry.questions).toBe(before + 1);
    registry.keys.revoke(key);
    clock += 29_000;
    await me(key).expect(200);
    clock += 2_000;
    await me(key).expect(401);
    expect(events.denials.at(-1)?.reason).toBe('api-key-invalid');
  });

  it('asks the registry once for a burst of calls with a key it has not seen yet', async () => {
    const key = registry.keys.issue('XJBT-D1');
    const before = registry.questions;
    const answers = await Promise.all(Array.from({ length: 10 }, () => me(key)));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(registry.questions).toBe(before + 1);
  });

  it('asks again about a key in use before its entry expires, without making its calls wait', async () => {
    const key = registry.keys.issue('XJBT-D1');
    const before = registry.questions;
    await me(key).expect(200);
    // In the last third of the entry's life: the call is answered from the entry while the registry, which does
    // not answer yet, is asked again.
    let answer!: () => void;
    registry.held = new Promise((resolve) => (answer = resolve));
    clock += 21_000;
    await me(key).expect(200);
    await me(key).expect(200);
    while (registry.questions < before + 2) await new Promise((resolve) => setTimeout(resolve, 10));
    answer();
    registry.held = undefined;
    // Past the first entry's expiry the refreshed one answers (or the refresh still under way): not a third question.
    clock += 20_000;
    await me(key).expect(200);
    expect(registry.questions).toBe(before + 2);
  });

  it('remembers a refusal briefly, then asks again', async () => {
    const unknown = `lep_0123456789abcdef_${'A'.repeat(43)}`;
    const before = registry.questions;
    await me(unknown).expect(401);
    await me(unknown).expect(401);
    expect(registry.questions).toBe(before + 1);
    clock += 11_000;
    await me(unknown).expect(401);
    expect(registry.questions).toBe(before + 2);
  });

  it('never sends a malformed key to the registry', async () => {
    const before = registry.questions;
    await me('lep_nothex_secret').expect(401);
    expect(registry.questions).toBe(before);
  });

  it('answers 503 when the registry cannot be asked, not 401', async () => {
    const down = await startService(
      new IntrospectingApiKeyVerifier('http://127.0.0.1:9/api/v1/auth/introspect', { timeoutMs: 500 }),
    );
    try {
      const key = registry.keys.issue('XJBT-D1');
      const answer = await request(down.getHttpServer())
        .get('/me')
        .set('authorization', `Bearer ${key}`)
        .expect(503);
      expect(answer.body.code).toBe('API_KEYS_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });

  it('is what authOptionsFromEnv configures when AUTH_API_KEY_INTROSPECTION_URL is set', () => {
    const env = { AUTH_JWT_SECRET: JWT_SECRET, AUTH_ISSUER: 'lep', AUTH_AUDIENCE: 'lep-api' };
    expect(authOptionsFromEnv(env).apiKeys).toBeUndefined();
    expect(authOptionsFromEnv({ ...env, AUTH_API_KEY_INTROSPECTION_URL: url }).apiKeys).toBeInstanceOf(
      IntrospectingApiKeyVerifier,
    );
  });
});

/** A verifier with an injected dependency, as the registry's reads its database. */
@Injectable()
class InjectedVerifier implements ApiKeyVerifier {
  constructor(private readonly table: InMemoryApiKeyVerifier) {}

  verify(presentedKey: string): Promise<Principal | null> {
    return this.table.verify(presentedKey);
  }
}

describe('AuthModule.forRoot with an injected ApiKeyVerifier class', () => {
  it('builds the verifier with its dependencies and uses it for bearer API keys', async () => {
    const table = new InMemoryApiKeyVerifier();
    @Module({
      providers: [{ provide: InMemoryApiKeyVerifier, useValue: table }],
      exports: [InMemoryApiKeyVerifier],
    })
    class KeyTableModule {}
    @Module({
      imports: [
        { module: KeyTableModule, global: true },
        AuthModule.forRoot(
          { jwt: { hs256Secret: JWT_SECRET, issuer: 'lep', audience: 'lep-api' } },
          { apiKeyVerifier: InjectedVerifier },
        ),
      ],
      controllers: [MeController],
    })
    class ServiceModule {}
    const app = await createServiceApp(ServiceModule, SERVICE, { logger: false });
    await app.init();
    try {
      const key = table.issue('XJBT-D2');
      await request(app.getHttpServer())
        .get('/me')
        .set('authorization', `Bearer ${key}`)
        .expect(200)
        .expect((answer) => expect(answer.body.agencyCode).toBe('XJBT-D2'));
    } finally {
      await app.close();
    }
  });

  it('refuses a verifier given both as a value and as a class', () => {
    expect(() =>
      AuthModule.forRoot(
        {
          jwt: { hs256Secret: JWT_SECRET, issuer: 'lep', audience: 'lep-api' },
          apiKeys: new InMemoryApiKeyVerifier(),
        },
        { apiKeyVerifier: InjectedVerifier },
      ),
    ).toThrow(/not both/);
  });
});
