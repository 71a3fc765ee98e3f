import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import {
  anchorRecordHeads,
  buildDossierParts,
  storeCaseAgency,
  documentPath,
  dossierContents,
  DOSSIER_FORMAT_WITHOUT_DOCUMENTS,
  DOSSIER_PATHS,
  manifestSha256,
  verifyDossier,
  writeDossier,
  type DossierContents,
} from '@lep/case-store';
import type { CaseState } from '@lep/contracts';
import { linkHash } from '@lep/hash-chain';
import { CaseApiConfig } from '../src/config';
import { useCaseApp, type Staff } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { eventually, SERVICES_AUTH } from './support/case-worker';
import { chinaToday } from './support/fixtures';

// The services' token secret: the evidence service started with the worker must accept the same staff tokens.
const caseApp = useCaseApp('case_api_dossier', { authSecret: SERVICES_AUTH.secret });
const AGENCY = 'BT01';
const { worker, handler, head, newCase, investigating, draftBody, request } = useCaseWorker(caseApp, {
  documents: true,
});

beforeAll(() => {
  // The evidence service starts with the worker, after the app: its address is set here (read at each export).
  caseApp().app.get(CaseApiConfig).EVIDENCE_URL = worker().documents!.evidenceUrl;
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'lep-dossier-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A rendered 文书's bytes, as the documents service stores them (only its hash matters here). */
const PDF = Buffer.from('%PDF-1.7\n% 行政处罚文书（测试）\n%%EOF\n', 'utf8');

/**
 * Stores a document PDF in the evidence service as the documents service does (kind `document`, its SHA-256
 * declared) and waits for the worker to link it into the case's record from the evidence.stored event.
 */
async function storeDocument(caseId: string): Promise<string> {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    stage: 'investigating',
    kind: 'document',
    capturedAt: new Date().toISOString(),
    capturedBy: handler.sub!,
    description: '询问笔录',
    confidentiality: 'internal',
    sha256: createHash('sha256').update(PDF).digest('hex'),
    requestId: randomUUID(),
  }))
    form.append(name, value);
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), '询问笔录.pdf');
  const stored = await fetch(
    new URL(`/api/v1/cases/${encodeURIComponent(caseId)}/evidence`, worker().documents!.evidenceUrl),
    {
      method: 'POST',
      headers: { authorization: `Bearer ${caseApp().staffToken(handler)}` },
      body: form,
    },
  );
  expect(stored.status).toBe(201);
  const { id } = (await stored.json()) as { id: string };
  await eventually(
    async () => (await caseApp().staff(handler).get(`/api/v1/cases/${caseId}`)).body.state as CaseState,
    (state) => state.evidence.some((item) => item.evidenceId === id),
    'the document linked',
  );
  return id;
}

/**
 * A minor case taken through decision, service and closure; archived unless told to stop at 结案. With
 * `document`, a document PDF is stored during investigation; its evidence id is then returned too.
 */
async function closedCase(caseNumber: string, archive: boolean): Promise<string>;
async function closedCase(
  caseNumber: string,
  archive: boolean,
  document: true,
): Promise<{ caseId: string; documentId: string }>;
async function closedCase(caseNumber: string, archive: boolean, document = false) {
  const started = await caseApp().staff(handler).post('/api/v1/cases').send(newCase(caseNumber));
  const caseId: string = started.body.caseId;
  const cases = `/api/v1/cases/${caseId}`;
  await investigating(caseId);
  const documentId = document ? await storeDocument(caseId) : undefined;
  await caseApp().staff(handler).post(`${cases}/draft-decision`).send(draftBody(5_000));
  const notified = await caseApp()
    .staff(handler)
    .post(`${cases}/notice`)
    .send({ requestId: request(), hearingRights: false });
  const state: CaseState = notified.body.state;
  await caseApp()
    .staff(head)
    .post(`${cases}/decision`)
    .send({ requestId: request(), draftHash: state.draft?.hash, decidedOn: chinaToday() })
    .expect(200);
  for (const action of archive ? ['service', 'closure', 'archive'] : ['service', 'closure'])
    await caseApp()
      .staff(handler)
      .post(`${cases}/${action}`)
      .send({ requestId: request(), note: '依法办理' })
      .expect(200);
  return documentId ? { caseId, documentId } : caseId;
}

/** The body as bytes, however long: supertest would otherwise try to read a tar as text. */
const exported = async (staff: Staff, caseId: string) =>
  caseApp()
    .staff(staff)
    .get(`/api/v1/cases/${caseId}/dossier`)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      const stream = response as unknown as Readable;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => callback(null, Buffer.concat(chunks)));
      stream.on('error', (error) => callback(error, Buffer.alloc(0)));
    });

const errorOf = (body: Buffer) => JSON.parse(body.toString('utf8')) as { code: string; message: string };

/** verify-archive's check, on the file as the CLI writes it. */
async function verifyFile(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return verifyDossier(createReadStream(file));
}

async function packed(contents: DossierContents): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeDossier(contents, sink);
  return Buffer.concat(chunks);
}

/** Where a file's bytes start in a tar: after its 512-byte header, which begins with its name. */
function contentOffset(tar: Buffer, name: string): number {
  for (let offset = 0; offset < tar.length; offset += 512)
    if (
      tar.subarray(offset, offset + name.length).toString('latin1') === name &&
      tar[offset + name.length] === 0
    )
      return offset + 512;
  throw new Error(`${name} is not in the archive`);
}

describe('GET /api/v1/cases/:caseId/dossier (案卷)', () => {
  let caseId: string;
  let documentId: string;
  let tar: Buffer;
  let withdrawn: string;

  beforeAll(async () => {
    ({ caseId, documentId } = await closedCase('DOSSIER-001', true, true));
    const response = await exported(handler, caseId);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-tar');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${caseId}.tar`);
    tar = response.body as Buffer;
  }, 120_000);

  it('is sealed at 归档 and verifies offline: the archive entry carries the manifest hash over the record before it', async () => {
    const result = await verifyFile('intact.tar', tar);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ caseId, files: 5 });
    // The document's PDF is in the package, byte for byte as stored, under the hash the record holds.
    const pdfAt = contentOffset(tar, documentPath(documentId));
    expect(Buffer.compare(tar.subarray(pdfAt, pdfAt + PDF.length), PDF)).toBe(0);

    const record = (await caseApp().staff(handler).get(`/api/v1/cases/${caseId}/record`)).body;
    const archive = record.entries.at(-1);
    const contents = await dossierContents(caseApp().dataSource, caseId);
    expect(archive.content).toMatchObject({
      action: 'stage:archived',
      details: {
        dossier: {
          manifestSha256: manifestSha256(contents.manifest),
          recordSequence: archive.sequence - 1,
          recordHash: archive.previousHash,
        },
      },
    });
    expect(result.headHash).toBe(archive.hash);
    // The evidence index lists the video the case linked, with its hash from the record.
    const index = JSON.parse(
      contents.parts.find((part) => part.path === DOSSIER_PATHS.evidenceIndex)!.bytes.toString('utf8'),
    );
    expect(index.items).toEqual([
      expect.objectContaining({
        evidenceId: `video-${caseId}`,
        sha256: 'ab'.repeat(32),
        kind: 'video',
        size: 4_096,
      }),
      expect.objectContaining({ evidenceId: documentId, kind: 'document', size: PDF.length }),
    ]);
    expect(contents.manifest.files).toContainEqual({
      path: documentPath(documentId),
      sha256: createHash('sha256').update(PDF).digest('hex'),
      size: PDF.length,
    });
    // The same case exports the same bytes.
    expect(Buffer.compare((await exported(handler, caseId)).body, tar)).toBe(0);
  });

  it('names the file in which one byte was changed', async () => {
    for (const name of [
      DOSSIER_PATHS.evidenceIndex,
      DOSSIER_PATHS.reviewOpinions,
      documentPath(documentId),
    ]) {
      const changed = Buffer.from(tar);
      changed[contentOffset(changed, name) + 5] ^= 0x01;
      const result = await verifyFile(`changed-${path.basename(name)}.tar`, changed);
      expect(result.problems).toEqual([{ file: name, problem: expect.stringContaining('内容与清单不符') }]);
    }
    const changed = Buffer.from(tar);
    // Inside the record: a digit of an entry's content becomes another.
    const recordStart = contentOffset(changed, DOSSIER_PATHS.record);
    const at = changed.indexOf('"依法办理"', recordStart);
    changed[at + 1] = changed[at + 1] ^ 0x01;
    const result = await verifyFile('changed-record.tar', changed);
    expect(result.problems.map((problem) => problem.file)).toContain(DOSSIER_PATHS.record);
  });

  it('exports and verifies a case sealed before the PDFs were part of the 案卷 (format 1) as it was sealed', async () => {
    // The 归档 entry as the worker wrote it before format 2: the seal of a manifest without documents, no format.
    const [archive]: {
      sequence: number;
      content: { details: Record<string, unknown> };
      previous_hash: string;
    }[] = await caseApp().dataSource.query(
      `SELECT sequence, content, previous_hash FROM case_record_entry WHERE case_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [caseId],
    );
    const { manifest } = await buildDossierParts(
      caseApp().dataSource,
      caseId,
      archive.sequence - 1,
      DOSSIER_FORMAT_WITHOUT_DOCUMENTS,
    );
    const content = {
      ...archive.content,
      details: {
        ...archive.content.details,
        dossier: {
          manifestSha256: manifestSha256(manifest),
          recordSequence: manifest.recordHead.sequence,
          recordHash: manifest.recordHead.hash,
        },
      },
    };
    await caseApp().dataSource.query(
      `UPDATE case_record_entry SET content = $3, hash = $4 WHERE case_id = $1 AND sequence = $2`,
      [caseId, archive.sequence, content, linkHash(archive.previous_hash, archive.sequence, content)],
    );
    const legacy = await exported(handler, caseId);
    expect(legacy.status).toBe(200);
    const result = await verifyFile('format-1.tar', legacy.body);
    expect(result).toMatchObject({ problems: [], files: 4 });
    expect(legacy.body.includes(Buffer.from(documentPath(documentId)))).toBe(false);
  });

  it('names the record when its last entry is dropped, from the package or from the database before export', async () => {
    const contents = await dossierContents(caseApp().dataSource, caseId);
    const recordPart = contents.parts.find((part) => part.path === DOSSIER_PATHS.record)!;
    const record = JSON.parse(recordPart.bytes.toString('utf8'));
    record.entries.pop();
    const last = record.entries.at(-1);
    for (const head of [record.head, { sequence: last.sequence, hash: last.hash }]) {
      recordPart.bytes = Buffer.from(JSON.stringify({ ...record, head }));
      const result = await verifyFile('cut.tar', await packed(contents));
      expect(result.problems).toContainEqual({
        file: DOSSIER_PATHS.record,
        problem: expect.stringMatching(/截去/),
      });
      expect(new Set(result.problems.map((problem) => problem.file))).toEqual(
        new Set([DOSSIER_PATHS.record]),
      );
    }

    await caseApp().dataSource.query(
      `DELETE FROM case_record_entry WHERE case_id = $1 AND sequence = (SELECT max(sequence) FROM case_record_entry WHERE case_id = $1)`,
      [caseId],
    );
    // The case index still says archived: the package is built from the cut record, and verify-archive names it.
    const cut = await exported(handler, caseId);
    expect(cut.status).toBe(200);
    const result = await verifyFile('cut-in-database.tar', cut.body);
    expect(result.problems).toEqual([
      { file: DOSSIER_PATHS.record, problem: '没有归档记录（最后的记录可能被截去）' },
    ]);
  });

  it('names the entries cut after 归档 that the record anchor had seen (a withdrawal on 复议)', async () => {
    withdrawn = await closedCase('DOSSIER-003', true);
    await caseApp()
      .staff(head)
      .post(`/api/v1/cases/${withdrawn}/revocation`)
      .send({
        requestId: request(),
        kind: 'revoked',
        reason: '复议机关认定事实不清，撤销原处罚决定',
        source: { kind: 'reconsideration', documentNumber: '兵司复决〔2026〕31号', decidedOn: chinaToday() },
      })
      .expect(200);
    // The worker anchors every head hourly; the test takes the run it would make now.
    expect(await anchorRecordHeads(caseApp().dataSource, chinaToday())).toBeGreaterThan(0);
    const anchored = await exported(handler, withdrawn);
    const intact = await verifyFile('anchored.tar', anchored.body);
    expect(intact).toMatchObject({ problems: [], files: 5 });

    // Cutting the withdrawal off the end leaves a valid chain with its 归档 entry: only the anchor shows the cut.
    const [{ sequence }]: { sequence: number }[] = await caseApp().dataSource.query(
      `SELECT max(sequence) AS sequence FROM case_record_entry WHERE case_id = $1`,
      [withdrawn],
    );
    await caseApp().dataSource.query(`DELETE FROM case_record_entry WHERE case_id = $1 AND sequence = $2`, [
      withdrawn,
      sequence,
    ]);
    const cut = await exported(handler, withdrawn);
    const result = await verifyFile('cut-after-archive.tar', cut.body);
    expect(result.problems).toEqual([
      {
        file: DOSSIER_PATHS.record,
        problem: `缺少 ${chinaToday()} 锚定的第 ${sequence} 条记录：记录末尾被截去`,
      },
    ]);
  });

  it('is exported by a supervising agency, the export recorded in the audit log (domain.md L9)', async () => {
    // The 兵团 above the case's agency, as the registry's tree would announce it.
    await storeCaseAgency(caseApp().dataSource, {
      code: 'BT',
      parentCode: null,
      justiceBureau: false,
      removed: false,
    });
    await storeCaseAgency(caseApp().dataSource, {
      code: AGENCY,
      parentCode: 'BT',
      justiceBureau: false,
      removed: false,
    });
    // A case without documents: the evidence service opens an agency's PDFs to that agency's staff only.
    const supervisor: Staff = { sub: 'auditor-bt', roles: ['auditor'], agency: 'BT' };
    const supervised = await exported(supervisor, withdrawn);
    expect(supervised.status).toBe(200);
    const reads: { content: Record<string, unknown> }[] = await caseApp().dataSource.query(
      `SELECT content FROM audit_entry WHERE content->>'path' = $1`,
      [`/api/v1/cases/${withdrawn}/dossier`],
    );
    expect(reads.map((read) => read.content)).toEqual([
      expect.objectContaining({ outcome: 'read', code: 'SUPERVISION_READ', supervisedAgencyCode: AGENCY }),
    ]);
  });

  it('is refused before 归档 (409) and to another agency (403)', async () => {
    const open = await closedCase('DOSSIER-002', false);
    const refused = await exported(handler, open);
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body)).toMatchObject({
      code: 'CASE_NOT_ARCHIVED',
      message: '案件尚未归档，没有可导出的案卷',
    });
    const other: Staff = { sub: 'handler-bt02', roles: ['handler'], agency: 'BT02' };
    expect((await exported(other, caseId)).status).toBe(403);
  });
});
