import { createHash, randomFillSync, randomUUID } from 'node:crypto';
import { EVIDENCE_EVENT_TYPES } from '@lep/contracts';
import { metadata, newCaseId, sha256Of } from './support/fixtures';
import { generatedContent, upload } from './support/multipart-client';
import { outboxEvents, useEvidenceApp } from './support/evidence-app';

describe('evidence upload', () => {
  const evidence = useEvidenceApp('evidence_upload');
  const uploadUrl = (caseId: string) => `${evidence().baseUrl}/api/v1/cases/${caseId}/evidence`;
  const rowCount = async () =>
    Number((await evidence().dataSource.query(`SELECT count(*) AS n FROM evidence_item`))[0].n);

  it('stores a multi-part upload under its SHA-256, records it and emits evidence.stored', async () => {
    const caseId = newCaseId();
    const content = Buffer.alloc(12 * 1024 * 1024 + 123, 7); // three 5 MiB parts, the last one short
    const answer = await upload(uploadUrl(caseId), evidence().token(), {
      fields: metadata({ sha256: sha256Of(content), recordingEndedAt: '2026-11-20T10:12:00+08:00' }),
      file: { name: 'DSJ_0815_20261120.mp4', contentType: 'video/mp4', content },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      caseId,
      capturedAt: '2026-11-20T01:30:00.000Z',
      recordingEndedAt: '2026-11-20T02:12:00.000Z',
      agencyCode: 'BT-8',
      stage: '现场检查',
      kind: 'video',
      sha256: sha256Of(content),
      size: content.length,
      originalName: 'DSJ_0815_20261120.mp4',
      contentType: 'video/mp4',
      confidentiality: 'internal',
    });
    expect(await evidence().objectKeys()).toContain(`sha256/${sha256Of(content)}`);
    const events = await outboxEvents(evidence().dataSource, EVIDENCE_EVENT_TYPES.stored);
    const event = events.find((row) => row.event.data.evidenceId === answer.body.id);
    expect(event?.topic).toBe('lep.evidence.stored.v1');
    expect(event?.message_key).toBe(caseId);
    expect(event?.event.data).toMatchObject({
      caseId,
      agencyCode: 'BT-8',
      stage: '现场检查',
      kind: 'video',
      sha256: sha256Of(content),
      size: content.length,
      capturedBy: 'officer-1',
      confidentiality: 'internal',
      // The span recorded travels with the event, for the case's full-process AV check (domain.md R4).
      capturedAt: '2026-11-20T01:30:00.000Z',
      recordingEndedAt: '2026-11-20T02:12:00.000Z',
    });
  });

  it('stores the same bytes once, however often and under whatever name they arrive', async () => {
    const caseId = newCaseId();
    const content = Buffer.from('询问笔录 第一页 —— 同一份扫描件上传两次');
    const first = await upload(uploadUrl(caseId), evidence().token(), {
      fields: metadata({ kind: 'document', stage: 'investigating' }),
      file: { name: 'a.pdf', content },
    });
    const second = await upload(uploadUrl(caseId), evidence().token(), {
      fields: metadata({ kind: 'document', stage: 'investigating' }),
      file: { name: 'b.pdf', content },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    const keys = await evidence().objectKeys();
    expect(keys.filter((key) => key === `sha256/${sha256Of(content)}`)).toHaveLength(1);
  });

  it('streams an upload without a declared hash straight into the evidence bucket, storing identical bytes once even when they race', async () => {
    const content = randomFillSync(Buffer.alloc(11 * 1024 * 1024)); // three 5 MiB parts, the last one short
    const sha256 = sha256Of(content);
    const send = (fields: Record<string, string> = {}) =>
      upload(uploadUrl(newCaseId()), evidence().token(), {
        fields: metadata(fields),
        file: { name: 'undeclared.mp4', content },
      });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ sha256, size: content.length });
    // Its hash was learned with the last byte: the object keeps the unique key it was written under (no copy).
    const objectKeys = async () =>
      (
        await evidence().dataSource.query(`SELECT object_key FROM evidence_item WHERE sha256 = $1`, [sha256])
      ).map((row: { object_key: string }) => row.object_key);
    const [key] = await objectKeys();
    expect(key).toMatch(/^upload\/[0-9a-f-]{36}$/);
    // The same bytes again, twice at once and once with the hash declared: every item points at that object, and
    // the copies streamed meanwhile were abandoned, not kept.
    const again = await Promise.all([send(), send(), send({ sha256 })]);
    expect(again.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(await objectKeys()).toEqual([key, key, key, key]);
    const keys = await evidence().objectKeys();
    expect(keys.filter((stored) => stored === key)).toHaveLength(1);
    expect(keys.filter((stored) => stored.startsWith('unsealed:'))).toEqual([]);
    expect(keys).not.toContain(`sha256/${sha256}`);
    const stored = await evidence().s3.getObject(evidence().bucket, key);
    const hash = createHash('sha256');
    for await (const chunk of stored) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(sha256);
  });

  it('answers a retried upload (same request id) with the item the first attempt stored, storing no second one', async () => {
    const caseId = newCaseId();
    const requestId = `upload-${randomUUID()}`;
    const content = Buffer.from('执法记录仪视频：第一次上传的应答丢失，客户端原样重试');
    const send = (body = content) =>
      upload(uploadUrl(caseId), evidence().token(), {
        fields: metadata({ requestId }),
        file: { name: 'DSJ_retry.mp4', content: body },
      });
    const first = await send();
    const retried = await send();
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    const rows = await evidence().dataSource.query(`SELECT id FROM evidence_item WHERE case_id = $1`, [
      caseId,
    ]);
    expect(rows).toEqual([{ id: first.body.id }]);
    const events = await outboxEvents(evidence().dataSource, EVIDENCE_EVENT_TYPES.stored);
    expect(events.filter((row) => row.event.data.caseId === caseId)).toHaveLength(1);

    // The same request id for other bytes is a client bug, not a retry: refused, nothing stored.
    const reused = await send(Buffer.from('另一份文件'));
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'REQUEST_ID_REUSED', violations: [{ field: 'requestId' }] });
    expect(
      await evidence().dataSource.query(`SELECT id FROM evidence_item WHERE case_id = $1`, [caseId]),
    ).toEqual(rows);
  });

  it('rejects content whose SHA-256 differs from the one the client sent, keeping nothing', async () => {
    const before = { rows: await rowCount(), keys: await evidence().objectKeys() };
    const content = Buffer.alloc(6 * 1024 * 1024, 1); // big enough for the multipart path
    const answer = await upload(uploadUrl(newCaseId()), evidence().token(), {
      fields: metadata({ sha256: sha256Of(Buffer.from('something else')) }),
      file: { name: 'clip.mp4', content },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('SHA256_MISMATCH');
    expect(await rowCount()).toBe(before.rows);
    expect(await evidence().objectKeys()).toEqual(before.keys);
  });

  it('keeps the bytes again when the object an earlier item points at is lost, rather than pointing at nothing', async () => {
    const content = randomFillSync(Buffer.alloc(6 * 1024 * 1024));
    const send = () =>
      upload(uploadUrl(newCaseId()), evidence().token(), {
        fields: metadata(),
        file: { name: 'lost.mp4', content },
      });
    const keyOf = async (id: unknown) =>
      (await evidence().dataSource.query(`SELECT object_key FROM evidence_item WHERE id = $1`, [id]))[0]
        .object_key as string;
    const first = await send();
    const lost = await keyOf(first.body.id);
    // A delete marker hides the object as a loss would (its locked version stays, unreachable by key).
    await evidence().s3.removeObject(evidence().bucket, lost);
    const second = await send();
    expect(second.status).toBe(201);
    const kept = await keyOf(second.body.id);
    expect(kept).not.toBe(lost);
    expect((await evidence().s3.statObject(evidence().bucket, kept)).size).toBe(content.length);
  });

  it('writes declared-hash uploads straight to their content address, once, even when they race', async () => {
    const content = randomFillSync(Buffer.alloc(11 * 1024 * 1024));
    const declared = sha256Of(content);
    const send = () =>
      upload(uploadUrl(newCaseId()), evidence().token(), {
        fields: metadata({ sha256: declared }),
        file: { name: 'same-clip.mp4', content },
      });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    // Known content is streamed to an upload that is abandoned: its object is never written again.
    expect((await send()).status).toBe(201);
    const keys = await evidence().objectKeys();
    expect(keys.filter((key) => key === `sha256/${declared}`)).toHaveLength(1);
    expect(keys.filter((key) => key.startsWith('unsealed:'))).toEqual([]);
    const stored = await evidence().s3.getObject(evidence().bucket, `sha256/${declared}`);
    const hash = createHash('sha256');
    for await (const chunk of stored) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(declared);
    const rows = await evidence().dataSource.query(
      `SELECT count(*) AS n FROM evidence_item WHERE sha256 = $1`,
      [declared],
    );
    expect(Number(rows[0].n)).toBe(3);
  });

  it('leaves nothing visible when a declared-hash upload is cut off half-way', async () => {
    const before = { rows: await rowCount(), keys: await evidence().objectKeys() };
    const content = randomFillSync(Buffer.alloc(48 * 1024 * 1024));
    async function* inSlices() {
      for (let offset = 0; offset < content.length; offset += 1024 * 1024)
        yield content.subarray(offset, offset + 1024 * 1024);
    }
    await upload(
      uploadUrl(newCaseId()),
      evidence().token(),
      {
        fields: metadata({ sha256: sha256Of(content) }),
        file: { name: 'cut-declared.mp4', content: inSlices() },
      },
      { abortAfterBytes: 20 * 1024 * 1024 },
    );
    await new Promise((done) => setTimeout(done, 1000));
    expect(await rowCount()).toBe(before.rows);
    expect(await evidence().objectKeys()).toEqual(before.keys);
  });

  it('leaves no row and no object when the client goes away half-way', async () => {
    const before = { rows: await rowCount(), keys: await evidence().objectKeys() };
    await upload(
      uploadUrl(newCaseId()),
      evidence().token(),
      { fields: metadata(), file: { name: 'cut.mp4', content: generatedContent(64 * 1024 * 1024) } },
      { abortAfterBytes: 20 * 1024 * 1024 },
    );
    // The server notices the reset asynchronously; give it time to abandon the staged upload.
    for (let wait = 0; wait < 50 && (await evidence().objectKeys()).length !== before.keys.length; wait++)
      await new Promise((done) => setTimeout(done, 100));
    await new Promise((done) => setTimeout(done, 500));
    expect(await rowCount()).toBe(before.rows);
    expect(await evidence().objectKeys()).toEqual(before.keys);
    // And the service keeps serving.
    const next = await upload(uploadUrl(newCaseId()), evidence().token(), {
      fields: metadata(),
      file: { name: 'after.mp4', content: Buffer.from('next upload') },
    });
    expect(next.status).toBe(201);
  });

  it('keeps only a plain file name: directories and tricks in the name never reach storage', async () => {
    const content = Buffer.from('path trick');
    const answer = await upload(uploadUrl(newCaseId()), evidence().token(), {
      fields: metadata({ kind: 'photo' }),
      file: { name: '../../etc/..\\..passwd.jpg', content },
    });
    expect(answer.body).toMatchObject({ originalName: 'passwd.jpg' });
    const keys = await evidence().objectKeys();
    expect(keys.every((key) => /^(sha256\/[0-9a-f]{64}|upload\/[0-9a-f-]{36})$/.test(key))).toBe(true);
  });
});

describe('evidence upload: a client that stops sending', () => {
  const evidence = useEvidenceApp('evidence_idle', { EVIDENCE_UPLOAD_IDLE_SECONDS: '1' });

  it('is cut off after the idle timeout, leaving nothing, while no total time limit applies', async () => {
    // Node's default five-minute limit on a whole request would cut off long video uploads.
    expect(evidence().app.getHttpServer().requestTimeout).toBe(0);
    const started = Date.now();
    const answer = await upload(
      `${evidence().baseUrl}/api/v1/cases/${newCaseId()}/evidence`,
      evidence().token(),
      { fields: metadata(), file: { name: 'hung.mp4', content: generatedContent(32 * 1024 * 1024) } },
      { stallAfterBytes: 12 * 1024 * 1024 },
    );
    expect(answer.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    for (let wait = 0; wait < 50 && (await evidence().objectKeys()).length > 0; wait++)
      await new Promise((done) => setTimeout(done, 100));
    expect(await evidence().objectKeys()).toEqual([]);
    expect(await evidence().dataSource.query(`SELECT id FROM evidence_item`)).toEqual([]);
  });
});
