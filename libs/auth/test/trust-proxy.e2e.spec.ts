import { Body, Controller, INestApplication, Module, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import {
  createServiceApp,
  DatabaseModule,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  parseTrustProxy,
} from '@lep/nest-kit';
import { useTestDatabase } from '@lep/testing';
import { IsString } from 'class-validator';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthModule, Public } from '../src';

const AUTH = { hs256Secret: 'proxy-test-secret-of-at-least-32-bytes!!', issuer: 'lep', audience: 'lep-api' };
const LIMIT = 2;

class CommentDto {
  @IsString()
  text!: string;
}

/** A public, rate-limited, state-changing route: what the portal's citizens reach through the proxy. */
@Controller('comments')
@UseGuards(ThrottlerGuard)
class CommentsController {
  @Public()
  @Post()
  add(@Body() comment: CommentDto) {
    return comment;
  }
}

/** The app as runService builds it from TRUST_PROXY, over its own database. */
function appBehind(trustProxy: string | undefined) {
  const databaseUrl = useTestDatabase('auth_proxy');
  const state: { app?: INestApplication; dataSource?: DataSource } = {};
  beforeAll(async () => {
    @Module({
      controllers: [CommentsController],
      imports: [
        DatabaseModule.forRoot({
          url: databaseUrl(),
          entities: MESSAGING_ENTITIES,
          migrations: MESSAGING_MIGRATIONS,
        }),
        AuthModule.forRoot({ jwt: AUTH }),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: LIMIT }]),
      ],
    })
    class ProxiedModule {}
    state.app = await createServiceApp(
      ProxiedModule,
      { name: 'proxied', title: 'p', description: 'p', version: '1' },
      { logger: false, trustProxy: parseTrustProxy(trustProxy) },
    );
    await state.app.init();
    state.dataSource = state.app.get(DataSource);
  });
  afterAll(() => state.app?.close());
  return {
    post: (forwardedFor: string) =>
      request(state.app!.getHttpServer())
        .post('/comments')
        .set('x-forwarded-for', forwardedFor)
        .send({ text: 'hello' }),
    auditedAddresses: async (): Promise<string[]> => {
      const rows: { content: { ip?: string } }[] = await state.dataSource!.query(
        `SELECT content FROM audit_entry ORDER BY sequence`,
      );
      return rows.map((row) => row.content.ip ?? '(none)');
    },
  };
}

describe('behind one reverse proxy (TRUST_PROXY=1)', () => {
  const service = appBehind('1');

  it('gives each forwarded client its own rate-limit allowance and records its address in the audit log', async () => {
    for (let call = 0; call < LIMIT; call++) await service.post('203.0.113.7').expect(201);
    const limited = await service.post('203.0.113.7').expect(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    // Another citizen behind the same proxy is not affected by the first one's allowance.
    await service.post('198.51.100.9').expect(201);
    expect(await service.auditedAddresses()).toEqual(['203.0.113.7', '203.0.113.7', '198.51.100.9']);
  });

  it('takes the address the proxy appended, not one the client wrote into X-Forwarded-For itself', async () => {
    // The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the address it saw.
    await service.post('192.0.2.1, 198.51.100.20').expect(201);
    expect((await service.auditedAddresses()).at(-1)).toBe('198.51.100.20');
  });
});

describe('behind proxies named by address (TRUST_PROXY=loopback)', () => {
  const service = appBehind('loopback');

  it('walks back past the trusted proxies to the first address that is not one', async () => {
    await service.post('198.51.100.30, 127.0.0.5').expect(201);
    expect(await service.auditedAddresses()).toEqual(['198.51.100.30']);
  });
});

describe('without a trusted proxy (TRUST_PROXY unset)', () => {
  const service = appBehind(undefined);

  it('ignores a forged X-Forwarded-For: one allowance and the peer address for every header value', async () => {
    for (let call = 0; call < LIMIT; call++) await service.post(`203.0.113.${call + 1}`).expect(201);
    await service.post('198.51.100.9').expect(429);
    const addresses = await service.auditedAddresses();
    expect(addresses).toHaveLength(LIMIT);
    for (const address of addresses) expect(address).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });
});
