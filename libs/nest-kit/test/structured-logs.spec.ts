import { Controller, Get, Headers, INestApplication, Logger, Module, Param } from '@nestjs/common';
import request from 'supertest';
import { logLevel } from 'kafkajs';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createServiceApp, HealthModule, kafkaJsonLogCreator, LogLevel, TypeOrmJsonLogger } from '../src';

// A valid resident ID number (checksum included) and a mobile number: what a party's record carries.
const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';
const STAFF_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdGFmZi0xIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
const API_KEY = 'lep_0123456789abcdef_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefg';

@Controller('parties')
class PartiesController {
  private readonly logger = new Logger('Parties');

  // Deliberately careless, as a handler written in a hurry might be: the log must still carry nothing secret.
  @Get(':idNumber')
  find(@Param('idNumber') idNumber: string, @Headers('authorization') authorization?: string) {
    this.logger.log(`looking up party ${idNumber} (phone ${PHONE}) for ${authorization}`);
    this.logger.warn(`party ${idNumber} has no address on file`);
    return { found: true };
  }

  @Get(':idNumber/broken')
  broken(@Param('idNumber') idNumber: string) {
    throw new Error(`no record for ${idNumber}`);
  }
}

@Module({ imports: [HealthModule.register([])], controllers: [PartiesController] })
class PartiesModule {}

type LogLine = Record<string, unknown> & { level: string; msg: string };

async function startApp(logLevel?: LogLevel): Promise<{ app: INestApplication; raw: string[] }> {
  const raw: string[] = [];
  const app = await createServiceApp(
    PartiesModule,
    { name: 'parties', title: 'Parties', description: 'test service', version: '1' },
    { logLevel, logDestination: { write: (line: string) => void raw.push(line) } },
  );
  await app.init();
  return { app, raw };
}

describe('structured logs', () => {
  let app: INestApplication;
  let raw: string[];

  beforeAll(async () => ({ app, raw } = await startApp()));
  afterAll(() => app.close());

  // Each test reads only what was written during it.
  beforeEach(() => (raw.length = 0));
  const written = () => raw.map((line) => JSON.parse(line) as LogLine);

  it('writes one JSON object per line, every line of a request carrying its id, echoed in the response', async () => {
    const response = await request(app.getHttpServer())
      .get(`/parties/${ID_NUMBER}`)
      .set('X-Request-Id', 'gateway-7f3a.42')
      .set('Authorization', `Bearer ${STAFF_TOKEN}`)
      .expect(200);
    expect(response.headers['x-request-id']).toBe('gateway-7f3a.42');

    const ofRequest = written();
    expect(ofRequest.map((line) => [line.level, line.context ?? null, line.msg])).toEqual([
      ['info', 'Parties', expect.stringContaining('looking up party')],
      ['warn', 'Parties', expect.stringContaining('has no address on file')],
      ['info', null, 'request completed'],
    ]);
    for (const line of ofRequest) {
      expect(line).toMatchObject({ service: 'parties', requestId: 'gateway-7f3a.42' });
      expect(new Date(line.time as string).toISOString()).toBe(line.time);
    }
    expect(ofRequest[2]).toMatchObject({ method: 'GET', route: '/parties/:idNumber', status: 200 });
  });

  it('never writes a credential, an ID number or a phone number, whatever the handler logs', async () => {
    await request(app.getHttpServer())
      .get(`/parties/${ID_NUMBER}`)
      .set('Authorization', `Bearer ${STAFF_TOKEN}`)
      .expect(200);
    await request(app.getHttpServer()).get(`/parties/${ID_NUMBER}`).set('x-api-key', API_KEY).expect(200);
    await request(app.getHttpServer()).get(`/parties/${ID_NUMBER}`).set('Authorization', `Bearer ${API_KEY}`);
    await request(app.getHttpServer()).get(`/parties/${ID_NUMBER}/broken`).expect(500);

    const output = raw.join('');
    expect(output).toContain('looking up party');
    expect(output).toContain('[身份证号已隐去]');
    expect(output).toContain('Bearer [redacted]');
    for (const secret of [ID_NUMBER, PHONE, STAFF_TOKEN, API_KEY, STAFF_TOKEN.split('.')[1]])
      expect(output).not.toContain(secret);
    // The failure is logged as an error under the request's id, its message masked too.
    const failed = written().filter((line) => line.level === 'error');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((line) => typeof line.requestId === 'string')).toBe(true);
  });

  it('replaces a request id that is not a sane token with a fresh one', async () => {
    const response = await request(app.getHttpServer())
      .get(`/parties/${ID_NUMBER}`)
      .set('X-Request-Id', `<script>${'x'.repeat(200)}`)
      .expect(200);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(written().every((line) => line.requestId === id)).toBe(true);
    const other = await request(app.getHttpServer()).get(`/parties/${ID_NUMBER}`).expect(200);
    expect(other.headers['x-request-id']).not.toBe(id);
  });

  it('logs health probes and scrapes at debug level only, so the default level leaves them out', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(written()).toEqual([]);
  });
});

describe('messages of the Kafka client and TypeORM', () => {
  it('come out as JSON lines under their own context, without query parameters', async () => {
    const { app, raw } = await startApp();
    try {
      raw.length = 0;
      // As TypeORM calls it: with the statement's parameters.
      const typeOrmLogger: TypeOrmLogger = new TypeOrmJsonLogger();
      kafkaJsonLogCreator(logLevel.WARN)({
        namespace: 'Connection',
        level: logLevel.ERROR,
        label: 'ERROR',
        log: { message: 'Connection error: connect ECONNREFUSED', broker: '127.0.0.1:1', timestamp: 'now' },
      });
      typeOrmLogger.logQueryError('duplicate key', 'INSERT INTO party (id_number)\n VALUES ($1)', [
        ID_NUMBER,
      ]);
      const lines = raw.map((line) => JSON.parse(line) as LogLine);
      expect(lines.map((line) => [line.level, line.context, line.msg])).toEqual([
        ['error', 'Kafka', 'Connection: Connection error: connect ECONNREFUSED (broker=127.0.0.1:1)'],
        ['error', 'TypeORM', 'query failed: duplicate key — INSERT INTO party (id_number) VALUES ($1)'],
      ]);
      expect(raw.join('')).not.toContain(ID_NUMBER);
    } finally {
      await app.close();
    }
  });
});

describe('LOG_LEVEL', () => {
  it('warn: drops the info lines, keeps warnings and errors', async () => {
    const { app, raw } = await startApp('warn');
    try {
      await request(app.getHttpServer()).get(`/parties/${ID_NUMBER}`).expect(200);
      await request(app.getHttpServer()).get(`/parties/${ID_NUMBER}/broken`).expect(500);
      const levels = raw.map((line) => (JSON.parse(line) as LogLine).level);
      expect(levels).toContain('warn');
      expect(levels).toContain('error');
      expect(levels.filter((level) => level !== 'warn' && level !== 'error')).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('debug: adds the probe lines the default level leaves out', async () => {
    const { app, raw } = await startApp('debug');
    try {
      raw.length = 0;
      await request(app.getHttpServer()).get('/health/live').expect(200);
      expect(raw.map((line) => JSON.parse(line) as LogLine)).toEqual([
        expect.objectContaining({
          level: 'debug',
          route: '/health/live',
          status: 200,
          msg: 'request completed',
        }),
      ]);
    } finally {
      await app.close();
    }
  });
});
