import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { recordAnchorLeaf, TOPICS } from '@lep/contracts';
import {
  CASE_DATABASE_MIGRATIONS,
  CASE_STORE_ENTITIES,
  anchorRecordHeads,
  documentPath,
  dossierContents,
  DOSSIER_PATHS,
  sealDossier,
  sealRecordAnchorDays,
  writeDossier,
  type CaseRecordContent,
  type DossierContents,
} from '@lep/case-store';
import { merkleRoot, nextLink, type ChainLink } from '@lep/hash-chain';
import { runMigrations, useTestDatabase } from '@lep/testing';
import type { DataSource } from 'typeorm';
import { registerCaseCommands } from '../src/commands/case';
import { runProgram } from './run-program';

const databaseUrl = useTestDatabase('cli_case_dossier');
const CASE_ID = 'case-AG-CLI.DOSSIER-001';
const dir = mkdtempSync(path.join(os.tmpdir(), 'lep-cli-dossier-'));
const PACKAGE = path.join(dir, 'dossier.tar');
let dataSource: DataSource;
let previous: ChainLink<unknown> | undefined;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The document's PDF as the evidence service holds it (case-api streams it in; here it is at hand). */
const PDF = Buffer.from('%PDF-1.7\n% 行政处罚决定书（测试）\n%%EOF\n', 'utf8');
const DOCUMENT_ID = 'doc-1';

/** Writes the 案卷 as case-api does, with the document's PDF. */
const writePackage = (contents: DossierContents, output: Writable) =>
  writeDossier(
    contents,
    output,
    contents.documents.map((document) => ({
      path: document.path,
      size: PDF.length,
      body: Readable.from([PDF]),
    })),
  );

async function append(content: CaseRecordContent): Promise<void> {
  previous = await appendTo(CASE_ID, previous, content);
}

async function appendTo(
  caseId: string,
  after: ChainLink<unknown> | undefined,
  content: CaseRecordContent,
): Promise<ChainLink<unknown>> {
  const link = nextLink(after, content);
  await dataSource.query(
    `INSERT INTO case_record_entry (case_id, sequence, entry_key, content, previous_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [caseId, link.sequence, `case-${link.sequence}`, JSON.stringify(content), link.previousHash, link.hash],
  );
  return link;
}

const entry = (action: string, title: string, extra: Partial<CaseRecordContent> = {}): CaseRecordContent => ({
  at: '2026-11-02T02:00:00.000Z',
  actor: { id: 'officer-1', role: 'handler', agencyCode: 'AG-CLI' },
  stage: 'investigating',
  action,
  title,
  details: {},
  evidence: [],
  ...extra,
});

beforeAll(async () => {
  dataSource = await runMigrations({
    type: 'postgres',
    url: databaseUrl(),
    entities: CASE_STORE_ENTITIES,
    // The outbox's tables too: sealing a day of record anchors writes its event there.
    migrations: CASE_DATABASE_MIGRATIONS,
  });
  // The record as the worker's steps write it, ending with 归档 sealed by the worker's activity.
  await append(entry('filed', '立案'));
  await append(
    entry('evidence-linked', '证据：现场照片', {
      details: { kind: 'photo', evidenceStage: 'investigating', storedAt: '2026-11-02T03:00:00.000Z' },
      evidence: [{ evidenceId: 'photo-1', sha256: 'ab'.repeat(32) }],
    }),
  );
  await append(
    entry('evidence-linked', '证据：行政处罚决定书', {
      details: { kind: 'document', evidenceStage: 'investigating', size: PDF.length },
      evidence: [{ evidenceId: DOCUMENT_ID, sha256: createHash('sha256').update(PDF).digest('hex') }],
    }),
  );
  await append(entry('stage:closed', '结案', { stage: 'closed', details: { note: '执行完毕' } }));
  const seal = await sealDossier(dataSource, CASE_ID);
  await append(
    entry('stage:archived', '立卷归档', { stage: 'archived', details: { note: '归档', dossier: seal } }),
  );
  const contents = await dossierContents(dataSource, CASE_ID);
  await writePackage(contents, createWriteStream(PACKAGE));
});

afterAll(() => dataSource.destroy());

const NO_STACK = { LEP_DEV_STACK_FILE: path.join(dir, 'none.json') };
const lep = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  runProgram((program) => registerCaseCommands(program, { ...NO_STACK, ...env }), ['case', ...args]);

/** A file's content offset in a tar: after its 512-byte header, which starts with its name. */
function contentOffset(tar: Buffer, name: string): number {
  for (let offset = 0; offset < tar.length; offset += 512)
    if (
      tar.subarray(offset, offset + name.length).toString('latin1') === name &&
      tar[offset + name.length] === 0
    )
      return offset + 512;
  throw new Error(`${name} is not in the archive`);
}

describe('lep case verify-archive', () => {
  it('prints OK with the record length and head hash of an intact 案卷', async () => {
    const run = await lep({}, 'verify-archive', PACKAGE);
    expect(run).toEqual({
      stdout: `OK ${CASE_ID} 案卷 5 个文件与清单一致，执法全过程记录共 5 条，链头哈希 ${previous?.hash}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('names the file in which one byte changed, and exits 1', async () => {
    const tar = readFileSync(PACKAGE);
    tar[contentOffset(tar, DOSSIER_PATHS.evidenceIndex) + 20] ^= 0x01;
    const changed = path.join(dir, 'changed.tar');
    writeFileSync(changed, tar);
    const run = await lep({}, 'verify-archive', changed);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`${DOSSIER_PATHS.evidenceIndex}：内容与清单不符`);
    expect(run.stderr).not.toContain(DOSSIER_PATHS.record);
  });

  it("names a document's PDF in which one byte changed", async () => {
    const tar = readFileSync(PACKAGE);
    tar[contentOffset(tar, documentPath(DOCUMENT_ID)) + 3] ^= 0x01;
    const changed = path.join(dir, 'changed-pdf.tar');
    writeFileSync(changed, tar);
    const run = await lep({}, 'verify-archive', changed);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`${documentPath(DOCUMENT_ID)}：内容与清单不符`);
    expect(run.stderr).not.toContain(DOSSIER_PATHS.evidenceIndex);
  });

  it('names the record when its last entry is dropped from the package', async () => {
    const contents = await dossierContents(dataSource, CASE_ID);
    const recordPart = contents.parts.find((part) => part.path === DOSSIER_PATHS.record)!;
    const record = JSON.parse(recordPart.bytes.toString('utf8'));
    record.entries.pop();
    const last = record.entries.at(-1);
    recordPart.bytes = Buffer.from(
      JSON.stringify({ ...record, head: { sequence: last.sequence, hash: last.hash } }),
    );
    const cut = path.join(dir, 'cut.tar');
    await writePackage(contents, createWriteStream(cut));
    const run = await lep({}, 'verify-archive', cut);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`${DOSSIER_PATHS.record}：没有归档记录（最后的记录可能被截去）`);
  });

  it('exits 2 for a file it cannot read', async () => {
    const run = await lep({}, 'verify-archive', path.join(dir, 'missing.tar'));
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('无法读取');
  });
});

describe('lep case export', () => {
  let server: Server;
  let requests: { url?: string; authorization?: string }[];

  // Stands in for case-api's GET /api/v1/cases/:caseId/dossier (tested in case-api's dossier spec): it streams the
  // 案卷 built by the same library, and answers 409 with case-api's error body for a case not archived.
  beforeAll(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push({ url: request.url, authorization: request.headers.authorization });
      if (request.url === `/api/v1/cases/${encodeURIComponent(CASE_ID)}/dossier`) {
        response.writeHead(200, { 'content-type': 'application/x-tar' });
        void dossierContents(dataSource, CASE_ID).then((contents) => writePackage(contents, response));
        return;
      }
      response.writeHead(409, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          statusCode: 409,
          code: 'CASE_NOT_ARCHIVED',
          message: '案件尚未归档，没有可导出的案卷',
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const caseApi = () => ({
    LEP_CASE_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    LEP_TOKEN: 'lep_key_secret',
  });

  it("writes the 案卷 to the file named, with the caller's credential, and it verifies", async () => {
    const file = path.join(dir, 'exported.tar');
    const run = await lep(caseApi(), 'export', CASE_ID, '-o', file);
    expect(run).toEqual({ stdout: `已导出 ${CASE_ID} 的案卷：${file}\n`, stderr: '', exitCode: 0 });
    expect(requests.at(-1)?.authorization).toBe('Bearer lep_key_secret');
    expect((await lep({}, 'verify-archive', file)).exitCode).toBe(0);
  });

  it('says why case-api refused, writes nothing, and needs a credential', async () => {
    const file = path.join(dir, 'refused.tar');
    const run = await lep(caseApi(), 'export', 'case-AG-CLI.OPEN-001', '-o', file);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('导出失败（409 CASE_NOT_ARCHIVED）：案件尚未归档，没有可导出的案卷');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const anonymous = await lep({ LEP_CASE_API_URL: caseApi().LEP_CASE_API_URL }, 'export', CASE_ID);
    expect(anonymous.exitCode).toBe(2);
    expect(anonymous.stderr).toContain('LEP_TOKEN');
  });
});

describe('lep case verify-archive --database-url (online)', () => {
  it('checks the package against the record anchor in the case database as well', async () => {
    // A withdrawal on 复议 after 归档, anchored by the worker's hourly run: the package exported before it lacks it.
    await append(entry('withdrawn', '撤销行政处罚决定', { stage: 'archived', details: { kind: 'revoked' } }));
    expect(await anchorRecordHeads(dataSource, '2026-12-05')).toBe(1);
    expect((await lep({}, 'verify-archive', PACKAGE)).exitCode).toBe(0);
    const online = await lep({}, 'verify-archive', PACKAGE, '--database-url', databaseUrl());
    expect(online.exitCode).toBe(1);
    expect(online.stderr).toContain(
      `${DOSSIER_PATHS.record}：缺少 2026-12-05 锚定的第 6 条记录：案卷中的记录被截去，或案卷导出早于该条记录`,
    );

    // Exported now, the package carries the anchor and holds the entry: it verifies both ways.
    const current = path.join(dir, 'current.tar');
    await writePackage(await dossierContents(dataSource, CASE_ID), createWriteStream(current));
    expect(await lep({}, 'verify-archive', current, '--database-url', databaseUrl())).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining('案卷 6 个文件与清单一致，执法全过程记录共 6 条'),
    });
  });
});

describe("lep case verify-archive --publication-url (the day's tree head published outside the case database)", () => {
  const OTHER_CASE = 'case-AG-CLI.DOSSIER-002';
  let published: { root: string; caseCount: number } | null;
  let server: Server;
  let publicationUrl: string;

  beforeAll(async () => {
    // Stands in for the publication service's public route, answering what it was sent (record-anchors.spec
    // proves the service keeps and serves what the worker seals).
    server = createServer((request, response) => {
      const day = /^\/api\/v1\/public\/record-anchors\/(\d{4}-\d{2}-\d{2})$/.exec(request.url ?? '');
      if (!day || !published) {
        response
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"code":"RECORD_ANCHOR_DAY_NOT_FOUND"}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ anchorDate: day[1], ...published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    publicationUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('seals a day once, in the outbox, and takes no more anchors on it', async () => {
    // The case above was anchored on 2026-12-05 (the test before); another case's head moves that day too.
    await appendTo(OTHER_CASE, undefined, entry('filed', '立案'));
    expect(await anchorRecordHeads(dataSource, '2026-12-05')).toBe(1);
    expect(await sealRecordAnchorDays(dataSource, '2026-12-05')).toEqual([]); // the day is not over
    const [day, ...more] = await sealRecordAnchorDays(
      dataSource,
      '2026-12-06',
      new Date('2026-12-05T16:30:00Z'),
    );
    expect(more).toEqual([]);
    expect(day).toMatchObject({
      anchorDate: '2026-12-05',
      caseCount: 2,
      sealedAt: '2026-12-05T16:30:00.000Z',
    });
    const anchors: { case_id: string; sequence: number; hash: string }[] = await dataSource.query(
      `SELECT case_id, sequence, hash FROM case_record_anchor WHERE anchor_date = '2026-12-05' ORDER BY case_id`,
    );
    expect(day!.root).toBe(
      merkleRoot(
        anchors.map((row) => recordAnchorLeaf({ caseId: row.case_id, anchorDate: '2026-12-05', ...row })),
      ),
    );
    const outbox: { topic: string; message_key: string; event: { id: string; data: unknown } }[] =
      await dataSource.query(`SELECT topic, message_key, event FROM outbox_event WHERE topic = $1`, [
        TOPICS.caseRecordAnchor.name,
      ]);
    expect(outbox).toEqual([
      expect.objectContaining({
        message_key: '2026-12-05',
        event: expect.objectContaining({ id: 'record-anchors-2026-12-05', data: day }),
      }),
    ]);
    expect(await sealRecordAnchorDays(dataSource, '2026-12-07')).toEqual([]);
    // A head that moves on a sealed day is not anchored on it (the next day's run anchors it).
    await appendTo(
      OTHER_CASE,
      (
        await dataSource.query(`SELECT sequence, hash FROM case_record_entry WHERE case_id = $1`, [
          OTHER_CASE,
        ])
      )[0],
      entry('evidence-linked', '证据：现场照片'),
    );
    expect(await anchorRecordHeads(dataSource, '2026-12-05')).toBe(0);
    published = { root: day!.root, caseCount: day!.caseCount };
  });

  it("proves the 案卷's anchor against the published root", async () => {
    const current = path.join(dir, 'proved.tar');
    await writePackage(await dossierContents(dataSource, CASE_ID), createWriteStream(current));
    const proof = JSON.parse(
      readFileSync(current)
        .subarray(contentOffset(readFileSync(current), DOSSIER_PATHS.anchorProof))
        .toString('utf8')
        .split('\0')[0]!,
    );
    expect(proof).toMatchObject({
      anchor: { caseId: CASE_ID, anchorDate: '2026-12-05', sequence: 6 },
      treeSize: 2,
    });
    expect(await lep({}, 'verify-archive', current, '--publication-url', publicationUrl)).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining('案卷 7 个文件与清单一致'),
    });
    published = null;
    const unpublished = await lep({}, 'verify-archive', current, '--publication-url', publicationUrl);
    expect(unpublished.exitCode).toBe(1);
    expect(unpublished.stderr).toContain(`${DOSSIER_PATHS.anchorProof}：公示平台没有 2026-12-05 的存证根`);
    published = { root: proof.root, caseCount: proof.treeSize };
  });

  it('names a record cut short whose anchors were rewritten with it in the case database', async () => {
    // Whoever holds the case database cuts the withdrawal off the record and rewrites the anchor and the day's
    // root to match: the package verifies offline and against the database, only the published root shows it.
    await dataSource.query(`DELETE FROM case_record_entry WHERE case_id = $1 AND sequence = 6`, [CASE_ID]);
    await dataSource.query(`UPDATE case_record_anchor SET sequence = 5, hash = $2 WHERE case_id = $1`, [
      CASE_ID,
      previous!.previousHash,
    ]);
    const anchors: { case_id: string; sequence: number; hash: string }[] = await dataSource.query(
      `SELECT case_id, sequence, hash FROM case_record_anchor WHERE anchor_date = '2026-12-05' ORDER BY case_id`,
    );
    const forged = merkleRoot(
      anchors.map((row) => recordAnchorLeaf({ caseId: row.case_id, anchorDate: '2026-12-05', ...row })),
    );
    await dataSource.query(`UPDATE case_record_anchor_day SET root = $1`, [forged]);
    const cut = path.join(dir, 'cut.tar');
    await writePackage(await dossierContents(dataSource, CASE_ID), createWriteStream(cut));
    expect((await lep({}, 'verify-archive', cut, '--database-url', databaseUrl())).exitCode).toBe(0);
    const checked = await lep({}, 'verify-archive', cut, '--publication-url', publicationUrl);
    expect(checked.exitCode).toBe(1);
    expect(checked.stderr).toContain(
      `${DOSSIER_PATHS.anchorProof}：2026-12-05 的存证根 ${forged}（2 件）与公示平台公布的 ${published!.root}（2 件）不符`,
    );
  });
});
