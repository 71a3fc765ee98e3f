import { CASE_LICENCE_ITEM, ordinaryFacts } from '@lep/testing';
import type { CaseFiledData, CaseState } from '@lep/contracts';
import { chinaDateOf } from '@lep/calendar';
import { useCaseApp } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { eventually } from './support/case-worker';
import { chinaToday } from './support/fixtures';

/**
 * 受理 / 不予受理 of a 行政许可 application (domain.md P7a): an application not accepted ends its case with one
 * recorded step and a case.filed that statistics count in 申请数 but not 受理数; an accepted one goes on.
 */
const caseApp = useCaseApp('case_api_application');
const { handler, newCase, caseState, investigating, request } = useCaseWorker(caseApp);

const daysAgo = (days: number) => chinaDateOf(Date.now() - days * 86_400_000);

const NOT_ACCEPTED = {
  reason: '申请事项不属于本机关职权范围，应向师市市场监督管理局申请',
  legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
  noticeNumber: '阿市监许不受〔2026〕1号',
};

function application(caseNumber: string, body: Record<string, unknown>) {
  return newCase(caseNumber, { itemCode: CASE_LICENCE_ITEM, title: '食品经营许可申请', application: body });
}

async function filedEvents(caseId: string): Promise<CaseFiledData[]> {
  const rows: { event: { data: CaseFiledData } }[] = await caseApp().dataSource.query(
    `SELECT event FROM outbox_event WHERE event->>'type' = 'cn.lep.case.filed.v1'
       AND event->'data'->>'caseId' = $1`,
    [caseId],
  );
  return rows.map((row) => row.event.data);
}

async function settled(caseId: string, status: CaseState['status']): Promise<CaseState> {
  return eventually(
    () => caseState(caseId),
    (state) => state?.status === status,
    status,
  );
}

describe('行政许可 application (domain.md P7a)', () => {
  it('ends its case when not accepted: one audited step, counted as an application not accepted', async () => {
    const started = await caseApp()
      .staff(handler)
      .post('/api/v1/cases')
      .send(
        application('APP-NOT-ACCEPTED', {
          receivedOn: chinaToday(),
          notAccepted: { ...NOT_ACCEPTED, decidedOn: chinaToday() },
        }),
      );
    expect(started.status).toBe(201);
    const caseId: string = started.body.caseId;

    const state = await settled(caseId, 'not-accepted');
    expect(state).toMatchObject({
      category: 'licensing',
      stage: 'filed',
      deadlines: [],
      application: { accepted: false, decidedLate: false, notAccepted: NOT_ACCEPTED },
    });
    const record = await caseApp().staff(handler).get(`/api/v1/cases/${caseId}/record`);
    expect(
      record.body.entries.map((entry: { content: { action: string; title: string } }) => entry.content),
    ).toEqual([
      expect.objectContaining({
        action: 'application-not-accepted',
        title: '不予受理：食品经营许可申请',
        details: expect.objectContaining({
          noticeNumber: NOT_ACCEPTED.noticeNumber,
          legalBasis: NOT_ACCEPTED.legalBasis,
        }),
      }),
    ]);
    expect(await filedEvents(caseId)).toEqual([expect.objectContaining({ applicationAccepted: false })]);

    // The case has ended: nothing more can be done in it.
    const more = await caseApp()
      .staff(handler)
      .post(`/api/v1/cases/${caseId}/record-entries`)
      .send({ requestId: 'req-after-end', title: '询问笔录', content: '……', evidence: [] });
    expect(more.status).toBeGreaterThanOrEqual(400);
  });

  it('flags a 不予受理 decided after 5 working days from receipt', async () => {
    const caseId: string = (
      await caseApp()
        .staff(handler)
        .post('/api/v1/cases')
        .send(
          application('APP-LATE', {
            receivedOn: daysAgo(30),
            notAccepted: { ...NOT_ACCEPTED, decidedOn: chinaToday() },
          }),
        )
    ).body.caseId;
    expect((await settled(caseId, 'not-accepted')).application).toMatchObject({
      accepted: false,
      decidedLate: true,
    });
  });

  it('goes on as any case when accepted, counted as accepted', async () => {
    const caseId: string = (
      await caseApp()
        .staff(handler)
        .post('/api/v1/cases')
        .send(application('APP-ACCEPTED', { receivedOn: daysAgo(2) }))
    ).body.caseId;
    const state = await eventually(
      () => caseState(caseId),
      (current) => current?.stage === 'investigating',
      'investigating',
    );
    expect(state).toMatchObject({ status: 'open', application: { accepted: true, receivedOn: daysAgo(2) } });
    expect(await filedEvents(caseId)).toEqual([expect.objectContaining({ applicationAccepted: true })]);
  });

  it('refuses an application on an item that is not 行政许可, and dates out of order', async () => {
    const penalty = await caseApp()
      .staff(handler)
      .post('/api/v1/cases')
      .send(newCase('APP-ON-PENALTY', { application: { receivedOn: chinaToday() } }));
    const refused = await settled(penalty.body.caseId, 'refused');
    expect(refused.refusalReasons).toEqual([expect.stringContaining('不是行政许可事项')]);

    const early = await caseApp()
      .staff(handler)
      .post('/api/v1/cases')
      .send(
        application('APP-EARLY', {
          receivedOn: chinaToday(),
          notAccepted: { ...NOT_ACCEPTED, decidedOn: daysAgo(3) },
        }),
      );
    expect(early.status).toBe(400);
    expect(early.body.violations).toEqual([
      expect.objectContaining({ field: 'application.notAccepted.decidedOn', rule: 'notBeforeApplication' }),
    ]);
    const missing = await caseApp()
      .staff(handler)
      .post('/api/v1/cases')
      .send(
        application('APP-NO-BASIS', {
          receivedOn: chinaToday(),
          notAccepted: { ...NOT_ACCEPTED, legalBasis: '', decidedOn: chinaToday() },
        }),
      );
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.violations)).toContain('legalBasis');
  });
});

const LICENCE = {
  documentTitle: '食品经营许可决定书',
  licenceKind: '普通',
  certificateName: '食品经营许可证',
  licenceNumber: 'JY16590040012345',
  content: '准予从事热食类食品制售。',
  validFrom: '2026-10-01',
  validTo: '2031-09-30',
  granted: true,
};

function licensingDraft(licensing: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return {
    requestId: request(),
    party: { type: 'legal-person', name: '某某商贸有限公司', creditCode: '91659000MA7XXXXX1X' },
    licensing,
    facts: ordinaryFacts('legal-person'),
    publicationBlocks: [],
    ...overrides,
  };
}

describe('行政许可 / 不予许可 drafts (domain.md §3)', () => {
  it('takes the 许可编号 as 文书号 when there is none, and refuses fields a decision of its kind cannot have', async () => {
    const caseId: string = (
      await caseApp()
        .staff(handler)
        .post('/api/v1/cases')
        .send(application('APP-DRAFT', { receivedOn: daysAgo(1) }))
    ).body.caseId;
    await investigating(caseId);
    const draft = (body: object) =>
      caseApp().staff(handler).post(`/api/v1/cases/${caseId}/draft-decision`).send(body);

    const refusedWithLicence = await draft(
      licensingDraft(
        { ...LICENCE, granted: false, refusalReason: '经营场所不符合要求。' },
        { documentNumber: '阿市监不许〔2026〕2号' },
      ),
    );
    expect(refusedWithLicence.status).toBe(400);
    expect(
      refusedWithLicence.body.violations.map((v: { field: string; rule: string }) => [v.field, v.rule]),
    ).toEqual([
      ['licensing.certificateName', 'noLicenceIssued'],
      ['licensing.licenceNumber', 'noLicenceIssued'],
      ['licensing.validFrom', 'noLicenceIssued'],
      ['licensing.validTo', 'noLicenceIssued'],
    ]);
    const otherUnnamed = await draft(licensingDraft({ ...LICENCE, licenceKind: '其他' }));
    expect(otherUnnamed.status).toBe(400);
    expect(otherUnnamed.body.violations).toEqual([
      expect.objectContaining({ field: 'licensing.licenceKindName', rule: 'namesOtherKind' }),
    ]);
    const unnumbered = await draft(licensingDraft({ ...LICENCE, licenceNumber: undefined }));
    expect(unnumbered.status).toBe(400);

    const drafted = await draft(licensingDraft(LICENCE));
    expect(drafted.status).toBe(200);
    expect(drafted.body.state.draft).toMatchObject({ documentNumber: 'JY16590040012345' });
  });
});
