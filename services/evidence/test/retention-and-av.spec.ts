import { metadata, newCaseId, sha256Of } from './support/fixtures';
import { upload } from './support/multipart-client';
import { useEvidenceApp } from './support/evidence-app';

const LEADER = { sub: 'leader-1', roles: ['leader' as const], agency: 'BT-8' };

describe('retention', () => {
  const evidence = useEvidenceApp('evidence_retention');
  const uploadTo = (caseId: string, content: Buffer, overrides: Record<string, string> = {}) =>
    upload(`${evidence().baseUrl}/api/v1/cases/${caseId}/evidence`, evidence().token(), {
      fields: metadata(overrides),
      file: { name: 'record.mp4', content },
    });
  /** Moves an item's retention end into the past, as the passing of years would. */
  const expire = (id: string) =>
    evidence().dataSource.query(
      `UPDATE evidence_item SET retain_until = now() - interval '1 day' WHERE id = $1`,
      [id],
    );

  it('refuses deletion before retention ends, in Chinese, and keeps the item', async () => {
    const stored = await uploadTo(newCaseId(), Buffer.from('十年保存'), { retention: '10y' });
    expect(stored.body.retainUntil).toMatch(/^20(36|37)-/);
    const answer = await evidence()
      .client(LEADER)
      .delete(`/api/v1/evidence/${stored.body.id}?purpose=${encodeURIComponent('清理重复上传')}`)
      .expect(409);
    expect(answer.body).toMatchObject({ code: 'RETENTION_ACTIVE' });
    expect(answer.body.message).toMatch(/届满前不得删除/);
    const permanent = await uploadTo(newCaseId(), Buffer.from('永久保存'), { retention: 'permanent' });
    const refused = await evidence()
      .client(LEADER)
      .delete(`/api/v1/evidence/${permanent.body.id}?purpose=${encodeURIComponent('清理')}`)
      .expect(409);
    expect(refused.body.message).toMatch(/永久保存/);
    expect(await evidence().objectKeys()).toHaveLength(2);
  });

  it('deletes an item after retention, keeping the bytes while another item still holds them', async () => {
    const content = Buffer.from('两个案件共用的同一份照片');
    const first = await uploadTo(newCaseId(), content);
    const second = await uploadTo(newCaseId(), content);
    await expire(first.body.id as string);
    await expire(second.body.id as string);
    const key = `sha256/${sha256Of(content)}`;
    const remove = (id: unknown) =>
      evidence()
        .client(LEADER)
        .delete(`/api/v1/evidence/${String(id)}?purpose=${encodeURIComponent('保存期满清理')}`);
    await remove(first.body.id).expect(204);
    expect(await evidence().objectKeys()).toContain(key);
    await remove(second.body.id).expect(204);
    expect(await evidence().objectKeys()).not.toContain(key);
    const log = await evidence().dataSource.query(
      `SELECT action, outcome, purpose FROM evidence_access_log WHERE evidence_id = $1`,
      [second.body.id],
    );
    expect(log).toEqual([{ action: 'delete', outcome: 'granted', purpose: '保存期满清理' }]);
  });

  it('lets only leaders and agency admins delete', async () => {
    const stored = await uploadTo(newCaseId(), Buffer.from('handler cannot delete'));
    await evidence()
      .client()
      .delete(`/api/v1/evidence/${stored.body.id}?purpose=${encodeURIComponent('清理')}`)
      .expect(403);
  });
});

describe('audio-visual status', () => {
  const evidence = useEvidenceApp('evidence_av_status');
  const caseId = newCaseId();

  beforeAll(async () => {
    const url = `${evidence().baseUrl}/api/v1/cases/${caseId}/evidence`;
    const send = (overrides: Record<string, string>) =>
      upload(url, evidence().token(), {
        fields: metadata(overrides),
        file: { name: 'x', content: Buffer.from(JSON.stringify(overrides)) },
      });
    await send({ stage: '现场检查', kind: 'video' });
    await send({ stage: '查封扣押', kind: 'photo' }); // a photo is not an audio-visual record
    await send({ stage: '送达', kind: 'audio' });
  });

  it('names the stages that still lack audio or video', async () => {
    const stages = encodeURIComponent('现场检查,查封扣押,送达');
    const answer = await evidence()
      .client()
      .get(`/api/v1/cases/${caseId}/av-status?stages=${stages}`)
      .expect(200);
    expect(answer.body).toEqual({
      caseId,
      stages: [
        { stage: '现场检查', audioVisualItems: 1, satisfied: true },
        { stage: '查封扣押', audioVisualItems: 0, satisfied: false },
        { stage: '送达', audioVisualItems: 1, satisfied: true },
      ],
      missingStages: ['查封扣押'],
    });
  });

  it("does not count another agency's uploads", async () => {
    const answer = await evidence()
      .client({ roles: ['handler'], agency: 'BT-1' })
      .get(`/api/v1/cases/${caseId}/av-status?stages=${encodeURIComponent('现场检查')}`)
      .expect(200);
    expect(answer.body.missingStages).toEqual(['现场检查']);
  });

  it('requires at least one stage', async () => {
    const answer = await evidence().client().get(`/api/v1/cases/${caseId}/av-status?stages=`).expect(400);
    expect(answer.body.violations[0]).toMatchObject({ field: 'stages' });
  });
});
