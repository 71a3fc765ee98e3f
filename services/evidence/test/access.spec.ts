import { randomUUID } from 'node:crypto';
import type { Role } from '@lep/auth';
import { metadata, newCaseId, sha256Of } from './support/fixtures';
import { upload } from './support/multipart-client';
import { Staff, useEvidenceApp } from './support/evidence-app';

const PURPOSE = encodeURIComponent('法制审核查阅现场录像');
const staff = (roles: Role[], agency = 'BT-8', sub = `${roles.join('+')}@${agency}`): Staff => ({
  sub,
  roles,
  agency,
});

describe('evidence access', () => {
  const evidence = useEvidenceApp('evidence_access');
  const caseId = newCaseId();
  const video = Buffer.from(Array.from({ length: 10_000 }, (_, index) => index % 251));
  const privacy = Buffer.from('当事人身份证复印件（个人隐私）');
  let videoId = '';
  let privacyId = '';

  const accessLog = (evidenceId: string) =>
    evidence().dataSource.query(
      `SELECT action, outcome, reason, purpose, byte_range, accessor, accessor_agency FROM evidence_access_log
        WHERE evidence_id = $1 ORDER BY id`,
      [evidenceId],
    );

  beforeAll(async () => {
    const url = `${evidence().baseUrl}/api/v1/cases/${caseId}/evidence`;
    const first = await upload(url, evidence().token(), {
      fields: metadata(),
      file: { name: '现场录像.mp4', contentType: 'video/mp4', content: video },
    });
    const second = await upload(url, evidence().token(), {
      fields: metadata({ kind: 'photo', stage: 'investigating', confidentiality: 'personal-privacy' }),
      file: { name: 'id-card.jpg', contentType: 'image/jpeg', content: privacy },
    });
    videoId = first.body.id as string;
    privacyId = second.body.id as string;
  });

  it('streams the whole item with its hash, and logs who read it for what', async () => {
    const answer = await evidence()
      .client()
      .get(`/api/v1/evidence/${videoId}/content?purpose=${PURPOSE}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(answer.body as Buffer, video)).toBe(0);
    expect(answer.headers['x-content-sha256']).toBe(sha256Of(video));
    expect(answer.headers['accept-ranges']).toBe('bytes');
    expect(answer.headers['content-disposition']).toContain(encodeURIComponent('现场录像.mp4'));
    expect(await accessLog(videoId)).toEqual([
      expect.objectContaining({
        action: 'download',
        outcome: 'granted',
        purpose: '法制审核查阅现场录像',
        accessor: 'officer-1',
        accessor_agency: 'BT-8',
      }),
    ]);
  });

  it('answers Range requests with 206 and the exact bytes, as a video player seeks', async () => {
    const read = (range: string) =>
      evidence()
        .client()
        .get(`/api/v1/evidence/${videoId}/content?purpose=${PURPOSE}`)
        .set('range', range)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const middle = await read('bytes=1000-1999').expect(206);
    expect(middle.headers['content-range']).toBe(`bytes 1000-1999/${video.length}`);
    expect(Buffer.compare(middle.body as Buffer, video.subarray(1000, 2000))).toBe(0);
    const tail = await read('bytes=-100').expect(206);
    expect(Buffer.compare(tail.body as Buffer, video.subarray(video.length - 100))).toBe(0);
    const open = await read('bytes=9990-').expect(206);
    expect(open.headers['content-range']).toBe(`bytes 9990-9999/${video.length}`);
    const beyond = await read(`bytes=${video.length}-`).expect(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${video.length}`);
    const ranges = (await accessLog(videoId)).map((row: { byte_range: string | null }) => row.byte_range);
    expect(ranges).toEqual(expect.arrayContaining(['bytes=1000-1999', 'bytes=-100']));
  });

  it('requires a stated purpose', async () => {
    const answer = await evidence().client().get(`/api/v1/evidence/${videoId}/content`).expect(400);
    expect(answer.body.violations[0]).toMatchObject({ field: 'purpose' });
  });

  it('hands out a short-lived presigned URL that serves the bytes, logged like a download', async () => {
    const answer = await evidence()
      .client(staff(['leader']))
      .post(`/api/v1/evidence/${videoId}/presigned-url`)
      .send({ purpose: '负责人审批前查看' })
      .expect(200);
    expect(new Date(answer.body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    const fetched = await fetch(answer.body.url);
    expect(fetched.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await fetched.arrayBuffer()), video)).toBe(0);
    expect(await accessLog(videoId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'presigned-url', outcome: 'granted', purpose: '负责人审批前查看' }),
      ]),
    );
  });

  it('lets the case handlers, reviewers and leaders open a privacy item, and logs each', async () => {
    for (const roles of [['handler'], ['legal-reviewer'], ['leader']] as Role[][]) {
      await evidence()
        .client(staff(roles))
        .get(`/api/v1/evidence/${privacyId}/content?purpose=${PURPOSE}`)
        .expect(200);
    }
    const granted = (await accessLog(privacyId)).filter(
      (row: { outcome: string }) => row.outcome === 'granted',
    );
    expect(granted.map((row: { accessor: string }) => row.accessor)).toEqual([
      'handler@BT-8',
      'legal-reviewer@BT-8',
      'leader@BT-8',
    ]);
  });

  it('denies a privacy item to outsiders — other agencies, auditors, admins — and logs the denials', async () => {
    const outsiders: Staff[] = [
      staff(['handler'], 'BT-1'),
      staff(['auditor']),
      staff(['agency-admin']),
      staff(['platform-admin'], 'BT'),
    ];
    for (const outsider of outsiders) {
      const answer = await evidence()
        .client(outsider)
        .get(`/api/v1/evidence/${privacyId}/content?purpose=${PURPOSE}`)
        .expect(403);
      expect(answer.body.code).toBe('EVIDENCE_ACCESS_DENIED');
      await evidence()
        .client(outsider)
        .post(`/api/v1/evidence/${privacyId}/presigned-url`)
        .send({ purpose: '想看看' })
        .expect(403);
    }
    const denied = (await accessLog(privacyId)).filter(
      (row: { outcome: string }) => row.outcome === 'denied',
    );
    expect(denied).toHaveLength(outsiders.length * 2);
    expect(denied[0]).toMatchObject({
      accessor: 'handler@BT-1',
      accessor_agency: 'BT-1',
      reason: 'OTHER_AGENCY',
    });
    expect(denied.map((row: { reason: string }) => row.reason)).toContain('RESTRICTED_ITEM');
  });

  it('denies even an internal item to another agency, and serves nothing anonymously', async () => {
    await evidence()
      .client(staff(['leader'], 'BT-1'))
      .get(`/api/v1/evidence/${videoId}/content?purpose=${PURPOSE}`)
      .expect(403);
    await evidence()
      .client()
      .get(`/api/v1/evidence/${videoId}/content?purpose=${PURPOSE}`)
      .set('authorization', '')
      .expect(401);
  });

  it('lists only the items the caller may open', async () => {
    const handlerList = await evidence().client().get(`/api/v1/cases/${caseId}/evidence`).expect(200);
    expect(handlerList.body.map((item: { id: string }) => item.id)).toEqual([videoId, privacyId]);
    const auditorList = await evidence()
      .client(staff(['auditor']))
      .get(`/api/v1/cases/${caseId}/evidence`)
      .expect(200);
    expect(auditorList.body.map((item: { id: string }) => item.id)).toEqual([videoId]);
    const otherAgency = await evidence()
      .client(staff(['handler'], 'BT-1'))
      .get(`/api/v1/cases/${caseId}/evidence`)
      .expect(200);
    expect(otherAgency.body).toEqual([]);
  });

  it('answers 404 for an item that does not exist', async () => {
    const answer = await evidence()
      .client()
      .get(`/api/v1/evidence/${randomUUID()}/content?purpose=${PURPOSE}`)
      .expect(404);
    expect(answer.body.code).toBe('EVIDENCE_NOT_FOUND');
  });
});
