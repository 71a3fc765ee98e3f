import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { createServiceApp, HealthModule } from '@lep/nest-kit';
import request from 'supertest';
import { AuthModule } from '../src';

const SECRET = 'a-development-secret-of-at-least-32-bytes!';

@Controller('cases')
class CasesController {
  @Get()
  list() {
    return [];
  }
}

@Module({
  controllers: [CasesController],
  imports: [
    AuthModule.forRoot({ jwt: { hs256Secret: SECRET, issuer: 'lep-test', audience: 'lep' } }),
    HealthModule.register([]),
  ],
})
class GuardedServiceModule {}

describe('routes every service shares, behind the auth guard', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createServiceApp(
      GuardedServiceModule,
      { name: 'guarded', title: 'g', description: 'g', version: '1' },
      { logger: false },
    );
    await app.init();
  });

  afterAll(() => app.close());

  it('keeps /health open to anonymous probes (load balancers, compose healthchecks)', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);
  });

  it('keeps the OpenAPI document open', async () => {
    await request(app.getHttpServer()).get('/api/docs-json').expect(200);
  });

  it('still refuses anonymous callers on every other route', async () => {
    const response = await request(app.getHttpServer()).get('/cases').expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });
});
