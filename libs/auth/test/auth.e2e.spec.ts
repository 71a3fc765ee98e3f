import { Controller, Get, HttpStatus, Inject, INestApplication, Module, Param, Post } from '@nestjs/common';
import request from 'supertest';
import { ApiError, createServiceApp } from '@lep/nest-kit';
import {
  AgencyHierarchy,
  assertAgencyAccess,
  AuthModule,
  AuthOptions,
  CurrentPrincipal,
  Principal,
  Public,
  Role,
  Roles,
  signStaffToken,
} from '../src';
import { InMemoryAgencyTree, InMemoryApiKeyVerifier, RecordingAuthEvents } from './support/in-memory-peers';

const JWT = {
  hs256Secret: 'e2e-secret-that-is-at-least-32-bytes-long',
  issuer: 'lep-dev',
  audience: 'lep-api',
};
const AGENCY_TREE = 'AGENCY_TREE';
const SERVICE = { name: 'auth-e2e', title: 'auth e2e', description: 'auth e2e', version: '1' };

// 兵团本级 → 第一师 → 第一师某局; 第二师 is 第一师's sibling.
const tree = new InMemoryAgencyTree({ 'XJBT-D1': 'XJBT', 'XJBT-D1-01': 'XJBT-D1', 'XJBT-D2': 'XJBT' });

@Controller()
class ProbeController {
  constructor(@Inject(AGENCY_TREE) private readonly agencies: AgencyHierarchy) {}

  @Public()
  @Get('notices')
  notices(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Roles('legal-reviewer')
  @Post('reviews')
  review(): { reviewed: true } {
    return { reviewed: true };
  }

  @Get('agencies/:code/cases')
  async cases(
    @Param('code') code: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ agency: string }> {
    await assertAgencyAccess(principal, code, this.agencies);
    return { agency: code };
  }

  /** A service's own access policy refusing a read, as evidence's does for restricted items. */
  @Get('sealed-files/:id')
  sealed(): never {
    throw new ApiError(HttpStatus.FORBIDDEN, 'FILE_SEALED', '该材料已封存');
  }
}

@Roles('agency-admin')
@Controller('admin')
class AdminController {
  @Get('users')
  users(): string[] {
    return [];
  }

  @Roles('auditor')
  @Get('audit')
  audit(): string[] {
    return [];
  }
}

async function startApp(options: AuthOptions): Promise<INestApplication> {
  @Module({
    imports: [AuthModule.forRoot(options)],
    controllers: [ProbeController, AdminController],
    providers: [{ provide: AGENCY_TREE, useValue: tree }],
  })
  class ProbeModule {}
  const app = await createServiceApp(ProbeModule, SERVICE, { logger: false });
  await app.init();
  return app;
}

function bearer(roles: Role[], agency = 'XJBT-D1', expiresInSeconds?: number): string {
  const token = signStaffToken(
    { sub: `staff-${roles.join('+')}`, agency, roles },
    { secret: JWT.hs256Secret, issuer: JWT.issuer, audience: JWT.audience, expiresInSeconds },
  );
  return `Bearer ${token}`;
}

describe('AuthModule in a service built with createServiceApp', () => {
  const apiKeys = new InMemoryApiKeyVerifier();
  const events = new RecordingAuthEvents();
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await startApp({ jwt: JWT, apiKeys, events });
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());
  beforeEach(() => events.denials.splice(0));

  describe('authentication', () => {
    it('lets anonymous callers read a @Public() route, as the anonymous principal', async () => {
      const response = await http.get('/notices').expect(200);
      expect(response.body).toEqual({ kind: 'anonymous', subject: 'anonymous', roles: [] });
    });

    it('refuses anonymous callers everywhere else with 401 UNAUTHENTICATED and records the denial', async () => {
      const response = await http.get('/me?idNumber=650102199001011234').expect(401);
      expect(response.body).toEqual({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: '缺少或无效的身份凭证',
      });
      expect(events.denials).toEqual([
        { reason: 'credential-missing', request: expect.objectContaining({ method: 'GET', path: '/me' }) },
      ]);
    });

    it('gives a staff token holder their principal', async () => {
      const response = await http
        .get('/me')
        .set('authorization', bearer(['handler']))
        .expect(200);
      expect(response.body).toEqual({
        kind: 'staff',
        subject: 'staff-handler',
        agencyCode: 'XJBT-D1',
        roles: ['handler'],
      });
    });

    it('answers an expired token with 401 TOKEN_EXPIRED', async () => {
      const response = await http
        .get('/me')
        .set('authorization', bearer(['handler'], 'XJBT-D1', -120))
        .expect(401);
      expect(response.body).toMatchObject({ code: 'TOKEN_EXPIRED', message: '身份凭证已过期' });
      expect(events.denials[0]?.reason).toBe('token-expired');
    });

    it('refuses a forged token, another scheme and a bad token even on a @Public() route', async () => {
      const forged = bearer(['handler']).slice(0, -4) + 'AAAA';
      await http.get('/me').set('authorization', forged).expect(401);
      await http.get('/me').set('authorization', 'Basic dXNlcjpwYXNz').expect(401);
      await http.get('/notices').set('authorization', forged).expect(401);
      expect(events.denials.map((denial) => denial.reason)).toEqual([
        'token-invalid',
        'token-invalid',
        'token-invalid',
      ]);
      expect(events.denials[0]?.request.detail).toBe('signature does not verify');
    });

    it('authenticates an agency system by its API key', async () => {
      const key = apiKeys.issue('XJBT-D1-01');
      const response = await http.get('/me').set('x-api-key', key).expect(200);
      expect(response.body).toEqual({
        kind: 'api-key',
        subject: key.split('_')[1],
        agencyCode: 'XJBT-D1-01',
        roles: ['agency-system'],
      });
    });

    it('refuses an unknown or altered API key with 401', async () => {
      const key = apiKeys.issue('XJBT-D1');
      const altered = key.slice(0, -2) + (key.endsWith('AA') ? 'AQ' : 'AA');
      await http.get('/me').set('x-api-key', altered).expect(401);
      await http
        .get('/me')
        .set('x-api-key', 'lep_0000000000000000_' + 'A'.repeat(43))
        .expect(401);
      expect(events.denials.map((denial) => denial.reason)).toEqual(['api-key-invalid', 'api-key-invalid']);
    });

    it('answers 400 when a bearer token and an API key are both presented', async () => {
      const response = await http
        .get('/me')
        .set('authorization', bearer(['handler']))
        .set('x-api-key', apiKeys.issue('XJBT-D1'))
        .expect(400);
      expect(response.body.code).toBe('AMBIGUOUS_CREDENTIALS');
      expect(events.denials[0]?.reason).toBe('credentials-ambiguous');
    });
  });

  describe('roles', () => {
    it('refuses a role the route does not allow with 403 ROLE_FORBIDDEN, naming who was refused', async () => {
      const response = await http
        .post('/reviews')
        .set('authorization', bearer(['handler']))
        .expect(403);
      expect(response.body).toEqual({
        statusCode: 403,
        code: 'ROLE_FORBIDDEN',
        message: '当前角色无权执行此操作',
      });
      expect(events.denials).toEqual([
        {
          reason: 'role-forbidden',
          request: expect.objectContaining({
            path: '/reviews',
            principal: { kind: 'staff', subject: 'staff-handler', agencyCode: 'XJBT-D1' },
          }),
        },
      ]);
    });

    it('lets a listed role and the platform admin through', async () => {
      await http
        .post('/reviews')
        .set('authorization', bearer(['handler', 'legal-reviewer']))
        .expect(201);
      await http
        .post('/reviews')
        .set('authorization', bearer(['platform-admin'], 'XJBT'))
        .expect(201);
    });

    it('applies controller-level @Roles, replaced by a method-level @Roles', async () => {
      await http
        .get('/admin/users')
        .set('authorization', bearer(['agency-admin']))
        .expect(200);
      await http
        .get('/admin/users')
        .set('authorization', bearer(['auditor']))
        .expect(403);
      await http
        .get('/admin/audit')
        .set('authorization', bearer(['auditor']))
        .expect(200);
      await http
        .get('/admin/audit')
        .set('authorization', bearer(['agency-admin']))
        .expect(403);
    });

    it('an agency system cannot use staff-only routes', async () => {
      await http.post('/reviews').set('x-api-key', apiKeys.issue('XJBT-D1')).expect(403);
    });
  });

  describe('agency scope', () => {
    it.each([
      ['its own agency', 'XJBT-D1', 200],
      ['an agency below it', 'XJBT-D1-01', 200],
      ['a sibling agency', 'XJBT-D2', 403],
      ['its parent agency', 'XJBT', 403],
    ])('staff of 第一师 reading %s (%s) → %d', async (_case, agency, status) => {
      const response = await http
        .get(`/agencies/${agency}/cases`)
        .set('authorization', bearer(['handler'], 'XJBT-D1'))
        .expect(status);
      if (status === 403) {
        expect(response.body).toEqual({
          statusCode: 403,
          code: 'AGENCY_FORBIDDEN',
          message: '无权访问其他执法主体的数据',
        });
        expect(events.denials).toEqual([
          {
            reason: 'agency-forbidden',
            request: expect.objectContaining({
              path: `/agencies/${agency}/cases`,
              principal: { kind: 'staff', subject: 'staff-handler', agencyCode: 'XJBT-D1' },
            }),
          },
        ]);
      }
    });

    it("records a read refused by a service's own access policy as a denial, with its code", async () => {
      await http
        .get('/sealed-files/7')
        .set('authorization', bearer(['handler'], 'XJBT-D1'))
        .expect(403, { statusCode: 403, code: 'FILE_SEALED', message: '该材料已封存' });
      expect(events.denials).toEqual([
        {
          reason: 'access-forbidden',
          request: expect.objectContaining({ path: '/sealed-files/7', detail: 'FILE_SEALED' }),
        },
      ]);
    });

    it('scopes API keys to their agency too', async () => {
      const key = apiKeys.issue('XJBT-D1-01');
      await http.get('/agencies/XJBT-D1-01/cases').set('x-api-key', key).expect(200);
      await http.get('/agencies/XJBT-D1/cases').set('x-api-key', key).expect(403);
    });

    it('lets the platform admin reach any agency, whatever agency its token names', async () => {
      await http
        .get('/agencies/XJBT-D1-01/cases')
        .set('authorization', bearer(['platform-admin'], 'XJBT-D2'))
        .expect(200);
    });
  });
});

describe('AuthModule configurations', () => {
  it('refuses API keys when the service accepts none', async () => {
    const app = await startApp({ jwt: JWT });
    try {
      await request(app.getHttpServer())
        .get('/me')
        .set('x-api-key', new InMemoryApiKeyVerifier().issue('XJBT-D1'))
        .expect(401);
    } finally {
      await app.close();
    }
  });

  it('answers 503 when the identity provider’s key set cannot be fetched', async () => {
    const app = await startApp({
      jwt: { jwksUrl: 'http://127.0.0.1:1/jwks', issuer: JWT.issuer, audience: JWT.audience },
    });
    try {
      const payload = bearer(['handler']).split('.')[1];
      const rs256Header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1' })).toString('base64url');
      const response = await request(app.getHttpServer())
        .get('/me')
        .set('authorization', `Bearer ${rs256Header}.${payload}.c2ln`)
        .expect(503);
      expect(response.body.code).toBe('AUTH_KEYS_UNAVAILABLE');
    } finally {
      await app.close();
    }
  });

  it('refuses to start with both a development secret and a JWKS, or with neither', () => {
    expect(() => AuthModule.forRoot({ jwt: { ...JWT, jwksUrl: 'http://127.0.0.1:1/jwks' } })).toThrow(
      /exactly one/,
    );
    expect(() => AuthModule.forRoot({ jwt: { issuer: 'i', audience: 'a' } })).toThrow(/exactly one/);
  });
});
