import { caseWorkflowId } from '@lep/contracts';
import { metadata, newCaseId } from './support/fixtures';
import { generatedContent, upload } from './support/multipart-client';
import { HANDLER, useEvidenceApp } from './support/evidence-app';

describe('evidence upload: bad input is refused with a field, a rule and nothing kept', () => {
  const evidence = useEvidenceApp('evidence_bad_input');
  const uploadUrl = (caseId: string) => `${evidence().baseUrl}/api/v1/cases/${caseId}/evidence`;
  const file = { name: 'photo.jpg', contentType: 'image/jpeg', content: Buffer.from('jpeg bytes') };

  afterEach(async () => {
    expect(await evidence().objectKeys()).toEqual([]);
    expect(await evidence().dataSource.query(`SELECT id FROM evidence_item`)).toEqual([]);
  });

  it('refuses an upload without a file', async () => {
    const answer = await upload(uploadUrl(newCaseId()), evidence().token(), { fields: metadata() });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'FILE_REQUIRED', violations: [{ field: 'file' }] });
  });

  it.each(['BAD-42', 'case-BT-8-2026-001'])('refuses %s, which is no case id', async (caseId) => {
    const answer = await upload(uploadUrl(caseId), evidence().token(), { fields: metadata(), file });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [{ field: 'caseId', rule: 'matches' }],
    });
  });

  it.each([
    ['into another agency’s case', caseWorkflowId('BT-9', '2026-007'), HANDLER],
    // Under the old format both were case-BT-8-001, and BT's prefix matched BT-8's cases.
    ['by agency BT into BT-8’s case 001', caseWorkflowId('BT-8', '001'), { ...HANDLER, agency: 'BT' }],
    ['by agency BT-8 into BT’s case 8-001', caseWorkflowId('BT', '8-001'), HANDLER],
  ])('refuses evidence %s before reading the file, keeping nothing', async (_, caseId, uploader) => {
    const before = await evidence().objectKeys();
    const answer = await upload(uploadUrl(caseId), evidence().token(uploader), { fields: metadata(), file });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('CASE_OF_OTHER_AGENCY');
    expect(await evidence().objectKeys()).toEqual(before);
    const rows = await evidence().dataSource.query(`SELECT 1 FROM evidence_item WHERE case_id = $1`, [
      caseId,
    ]);
    expect(rows).toEqual([]);
  });

  it('refuses an unknown kind and a missing capture time, naming both fields', async () => {
    const fields = metadata({ kind: 'hologram' });
    delete fields.capturedAt;
    const answer = await upload(uploadUrl(newCaseId()), evidence().token(), { fields, file });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    const violations = answer.body.violations as Array<{ field: string; rule: string; message: string }>;
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'kind', rule: 'isIn' }),
        expect.objectContaining({ field: 'capturedAt', rule: 'isIso8601' }),
      ]),
    );
    expect(violations[0].message).toMatch(/字段/);
  });

  it('refuses a field it does not know', async () => {
    const answer = await upload(uploadUrl(newCaseId()), evidence().token(), {
      fields: metadata({ objectKey: '../../other-case/evidence' }),
      file,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ violations: [{ field: 'objectKey', rule: 'whitelistValidation' }] });
    const polluting = await upload(uploadUrl(newCaseId()), evidence().token(), {
      fields: Object.fromEntries([['__proto__', '{"isAdmin":true}'], ...Object.entries(metadata())]),
      file,
    });
    expect(polluting.status).toBe(400);
  });

  it('refuses oversize metadata: a field over 4 KB, and a description over 1,000 characters', async () => {
    const huge = await upload(uploadUrl(newCaseId()), evidence().token(), {
      fields: metadata({ place: 'x'.repeat(5000) }),
      file,
    });
    expect(huge.status).toBe(400);
    expect(huge.body).toMatchObject({ code: 'METADATA_TOO_LARGE', violations: [{ field: 'place' }] });
    const long = await upload(uploadUrl(newCaseId()), evidence().token(), {
      fields: metadata({ description: '录'.repeat(1001) }),
      file,
    });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ violations: [{ field: 'description', rule: 'maxLength' }] });
  });

  it('refuses metadata sent after the file, since it is checked before any byte is stored', async () => {
    const fields = metadata();
    const { description, ...before } = fields;
    const answer = await upload(uploadUrl(newCaseId()), evidence().token(), {
      fields: before,
      file,
      fieldsAfterFile: { description },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'METADATA_AFTER_FILE',
      violations: [{ field: 'description' }],
    });
  });

  it('refuses state secrets, pointing to the classified channel', async () => {
    for (const level of ['state-secret', '机密']) {
      const answer = await upload(uploadUrl(newCaseId()), evidence().token(), {
        fields: metadata({ confidentiality: level }),
        file,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('STATE_SECRET_REFUSED');
      expect(answer.body.message).toMatch(/涉密渠道/);
    }
  });

  it('refuses a body that is not multipart', async () => {
    const answer = await evidence()
      .client()
      .post(`/api/v1/cases/${newCaseId()}/evidence`)
      .send({ stage: 'x' })
      .expect(400);
    expect(answer.body.code).toBe('MULTIPART_REQUIRED');
  });

  it('refuses a retention that is neither "permanent" nor a number of years', async () => {
    const answer = await upload(uploadUrl(newCaseId()), evidence().token(), {
      fields: metadata({ retention: 'forever' }),
      file,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ violations: [{ field: 'retention', rule: 'matches' }] });
  });

  it('refuses uploads from roles that do not record evidence, and from nobody', async () => {
    const auditor = await upload(
      uploadUrl(newCaseId()),
      evidence().token({ roles: ['auditor'], agency: 'BT-8' }),
      {
        fields: metadata(),
        file,
      },
    );
    expect(auditor.status).toBe(403);
    await evidence()
      .client()
      .post(`/api/v1/cases/${newCaseId()}/evidence`)
      .set('authorization', '')
      .expect(401);
  });
});

describe('evidence upload: size limit', () => {
  const evidence = useEvidenceApp('evidence_size_limit', {
    EVIDENCE_MAX_FILE_BYTES: String(6 * 1024 * 1024),
  });

  it('refuses a file over the configured limit with 413 once the limit is crossed, keeping nothing', async () => {
    const answer = await upload(
      `${evidence().baseUrl}/api/v1/cases/${newCaseId()}/evidence`,
      evidence().token(),
      {
        fields: metadata(),
        file: { name: 'long.mp4', content: generatedContent(16 * 1024 * 1024) },
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('FILE_TOO_LARGE');
    expect(await evidence().objectKeys()).toEqual([]);
    expect(await evidence().dataSource.query(`SELECT id FROM evidence_item`)).toEqual([]);
  });
});
