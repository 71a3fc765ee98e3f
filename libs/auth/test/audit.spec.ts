import { Body, Controller, Get, HttpStatus, INestApplication, Module, Post } from '@nestjs/common';
import {
  ApiError,
  createServiceApp,
  DatabaseModule,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  verifyAuditLog,
} from '@lep/nest-kit';
import { useTestDatabase } from '@lep/testing';
import { IsString } from 'class-validator';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthModule, Roles, signStaffToken } from '../src';

const AUTH = { secret: 'audit-test-secret-of-at-least-32-bytes!!', issuer: 'lep', audience: 'lep-api' };

class NoteDto {
  @IsString()
  text!: string;
}

@Controller('notes')
class NotesController {
  @Get()
  list() {
    return [];
  }

  @Post()
  @Roles('handler')
  add(@Body() note: NoteDto) {
    if (note.text === 'conflict') throw new ApiError(HttpStatus.CONFLICT, 'NOTE_EXISTS', '记录已存在');
    return note;
  }
}

const databaseUrl = useTestDatabase('auth_audit');
let app: INestApplication;
let dataSource: DataSource;

const token = (roles: ('handler' | 'auditor')[]) =>
  signStaffToken({ sub: 'p-1', agency: 'BT01', roles }, AUTH);

beforeAll(async () => {
  @Module({
    controllers: [NotesController],
    imports: [
      DatabaseModule.forRoot({
        url: databaseUrl(),
        entities: MESSAGING_ENTITIES,
        migrations: MESSAGING_MIGRATIONS,
      }),
      AuthModule.forRoot({ jwt: { hs256Secret: AUTH.secret, issuer: AUTH.issuer, audience: AUTH.audience } }),
    ],
  })
  class AuditedModule {}
  app = await createServiceApp(
    AuditedModule,
    { name: 'audited', title: 'a', description: 'a', version: '1' },
    {
      logger: false,
    },
  );
  await app.init();
  dataSource = app.get(DataSource);
});

afterAll(() => app?.close());

async function entries(): Promise<Record<string, unknown>[]> {
  const rows: { content: Record<string, unknown> }[] = await dataSource.query(
    `SELECT content FROM audit_entry ORDER BY sequence`,
  );
  return rows.map((row) => row.content);
}

describe('the audit log (审计日志)', () => {
  it('records every state change and every denial, with who, what and how it ended, in a verifiable chain', async () => {
    const server = app.getHttpServer();
    await request(server)
      .post('/notes')
      .set('authorization', `Bearer ${token(['handler'])}`)
      .send({ text: 'a' })
      .expect(201);
    await request(server)
      .post('/notes')
      .set('authorization', `Bearer ${token(['handler'])}`)
      .send({ text: 7 })
      .expect(400);
    await request(server)
      .post('/notes')
      .set('authorization', `Bearer ${token(['handler'])}`)
      .send({ text: 'conflict' })
      .expect(409);
    await request(server)
      .post('/notes')
      .set('authorization', `Bearer ${token(['auditor'])}`)
      .send({ text: 'a' })
      .expect(403);
    await request(server).get('/notes?name=张三').expect(401);
    await request(server)
      .get('/notes')
      .set('authorization', `Bearer ${token(['auditor'])}`)
      .expect(200);

    // Denials are recorded beside the response, not before it: wait for the last one to land.
    let log = await entries();
    for (let tries = 0; log.length < 5 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      log = await entries();
    }
    expect(
      log.map((entry) => [entry.method, entry.path, entry.status, entry.outcome, entry.code ?? null]),
    ).toEqual([
      ['POST', '/notes', 201, 'applied', null],
      ['POST', '/notes', 400, 'refused', 'VALIDATION_FAILED'],
      ['POST', '/notes', 409, 'refused', 'NOTE_EXISTS'],
      ['POST', '/notes', 403, 'denied', 'role-forbidden'],
      ['GET', '/notes', 401, 'denied', 'credential-missing'],
    ]);
    expect(log[0].actor).toEqual({ kind: 'staff', subject: 'p-1', agencyCode: 'BT01', roles: ['handler'] });
    // Each entry names its request, as the response header and the log lines do; no two share one.
    expect(new Set(log.map((entry) => entry.requestId)).size).toBe(5);
    expect(log.every((entry) => typeof entry.requestId === 'string')).toBe(true);
    // Nothing of the body, the credential or the query string is kept.
    expect(JSON.stringify(log)).not.toMatch(/Bearer|张三|"text"/);
    expect(await verifyAuditLog(dataSource)).toMatchObject({ valid: true, length: 5 });
  });

  it('names the first entry someone altered', async () => {
    await dataSource.query(
      `UPDATE audit_entry SET content = jsonb_set(content, '{status}', '200') WHERE sequence = 3`,
    );
    expect(await verifyAuditLog(dataSource)).toMatchObject({
      valid: false,
      brokenAt: 3,
      reason: 'content-hash-mismatch',
    });
  });
});
