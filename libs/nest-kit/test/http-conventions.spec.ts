import { Body, Controller, Get, HttpStatus, INestApplication, Module, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import request from 'supertest';
import { ApiError, createServiceApp, HealthModule } from '../src';

class CreateThingDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(10)
  count!: number;
}

@Controller('things')
class ThingsController {
  readonly created: CreateThingDto[] = [];

  @Post()
  create(@Body() dto: CreateThingDto) {
    this.created.push(dto);
    return { ok: true };
  }

  @Post('conflict')
  conflict() {
    throw new ApiError(HttpStatus.CONFLICT, 'THING_LOCKED', '该事项已锁定，不能修改');
  }

  @Get('broken')
  broken() {
    throw new Error('password=hunter2 at /srv/secret/path');
  }
}

@Module({ imports: [HealthModule.register([])], controllers: [ThingsController] })
class ThingsModule {}

describe('HTTP conventions every service shares', () => {
  let app: INestApplication;
  let controller: ThingsController;

  beforeAll(async () => {
    app = await createServiceApp(
      ThingsModule,
      { name: 'things', title: 'Things', description: 'test service', version: '1' },
      { logger: false },
    );
    await app.init();
    controller = app.get(ThingsController);
  });

  afterAll(() => app.close());

  it('accepts a valid body', async () => {
    await request(app.getHttpServer()).post('/things').send({ name: '甲', count: 2 }).expect(201);
    expect(controller.created).toEqual([{ name: '甲', count: 2 }]);
  });

  it('names the field and the rule of every violation, in Chinese, and changes nothing', async () => {
    const before = controller.created.length;
    const response = await request(app.getHttpServer())
      .post('/things')
      .send({ name: '', count: 11 })
      .expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '请求参数不符合要求',
    });
    expect(response.body.violations).toEqual(
      expect.arrayContaining([
        { field: 'name', rule: 'isNotEmpty', message: '字段 name 不能为空' },
        { field: 'count', rule: 'max', message: '字段 count 数值过大' },
      ]),
    );
    expect(controller.created.length).toBe(before);
  });

  it('refuses unknown fields instead of dropping them', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .send({ name: 'a', count: 1, admin: true })
      .expect(400);
    expect(response.body.violations).toEqual([
      { field: 'admin', rule: 'whitelistValidation', message: '字段 admin 是不允许的字段' },
    ]);
  });

  it('answers malformed JSON with a 400 and a stable code', async () => {
    const response = await request(app.getHttpServer())
      .post('/things')
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body).toEqual({ statusCode: 400, code: 'BAD_REQUEST', message: '请求格式不正确' });
  });

  it('passes a domain refusal through with its code and message', async () => {
    const response = await request(app.getHttpServer()).post('/things/conflict').expect(409);
    expect(response.body).toEqual({
      statusCode: 409,
      code: 'THING_LOCKED',
      message: '该事项已锁定，不能修改',
    });
  });

  it('answers an unknown route with a Chinese 404', async () => {
    const response = await request(app.getHttpServer()).get('/nowhere').expect(404);
    expect(response.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '资源不存在' });
  });

  it('never leaks internals of an unexpected error', async () => {
    const response = await request(app.getHttpServer()).get('/things/broken').expect(500);
    expect(response.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误' });
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it('serves OpenAPI JSON describing the routes and the health check', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/things', '/health']));
  });

  it('reports ok on /health when no dependency is declared', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body.status).toBe('ok');
  });
});
