import { ACTING_OFFICERS_HEADER } from '@lep/contracts';
import { useCaseApp, type Staff } from './support/case-app';
import { caseJourney, useCaseWorker } from './support/case-journey';
import { chinaToday } from './support/fixtures';

/**
 * Officers act, not keys (domain.md R8, R9): every act names its officers and is checked against the registry on
 * the day — certificate, agency, assignment to the case — on the real worker, Temporal and registry.
 */
const caseApp = useCaseApp('case_api_officers');
const AGENCY = 'BT01';
const { worker, head } = useCaseWorker(caseApp);
/** Officers of this file's own (their certificates are changed here; the shared seed stays untouched). */
let officers: { id: string; name: string; certificateNumber: string }[];

async function registerOfficer(name: string, expiresOn = '2099-12-31') {
  const certificateNumber = `BT-OFF-${name}`;
  const { id } = await worker().registry.call<{ id: string }>('POST', '/api/v1/personnel', {
    agencyCode: AGENCY,
    name,
    roles: ['handler'],
    certificateNumber,
    certificateIssuedOn: '2020-01-01',
    certificateExpiresOn: expiresOn,
    qualification: 'exam-passed',
    scope: '市场监管',
  });
  return { id, name, certificateNumber };
}

beforeAll(async () => {
  officers = [
    await registerOfficer('陈执法'),
    await registerOfficer('林执法'),
    await registerOfficer('黄执法'),
  ];
}, 120_000);

const staff = (index: number): Staff => ({ sub: officers[index].id, roles: ['handler'], agency: AGENCY });
// The journey's acts are those of this file's first officer, not the seed's handler.
const { newCase, investigating, request } = caseJourney(caseApp, worker, () => staff(0));

function inquiry(extra: Record<string, unknown> = {}) {
  return {
    requestId: request(),
    title: '询问笔录',
    content: '询问当事人，制作笔录一份。',
    evidence: [],
    ...extra,
  };
}

function shown(...indexes: number[]) {
  return {
    certificatesShown: indexes.map((index) => ({
      officerId: officers[index].id,
      certificateNumber: officers[index].certificateNumber,
    })),
    notice: {
      cause: '涉嫌销售不合格产品',
      legalBasis: '《中华人民共和国产品质量法》第四十九条',
      rightsAndDuties: '有权陈述、申辩，有权申请执法人员回避；应当如实回答询问、协助调查',
    },
  };
}

const refusalOf = (response: { status: number; body: { code?: string } }) => ({
  status: response.status,
  code: response.body.code,
});

describe('officers act, not keys', () => {
  let cases: string;

  beforeAll(async () => {
    const started = await caseApp()
      .staff(staff(0))
      .post('/api/v1/cases')
      .send(newCase('OFFICERS-1', { handlerIds: [officers[0].id, officers[1].id] }));
    expect(started.status).toBe(201);
    cases = `/api/v1/cases/${started.body.caseId}`;
    await investigating(started.body.caseId);
  }, 60_000);

  it('refuses an agency-system act that names no officer, and records the officers one names', async () => {
    const record = { requestId: request(), title: '调取证据', content: '调取销售台账。', evidence: [] };
    const unnamed = await caseApp().system(AGENCY).post(`${cases}/records`).send(record);
    expect(refusalOf(unnamed)).toEqual({ status: 400, code: 'ACTING_OFFICER_REQUIRED' });
    expect(unnamed.body.message).toContain(ACTING_OFFICERS_HEADER);

    const named = await caseApp()
      .system(AGENCY)
      .post(`${cases}/records`)
      .set(ACTING_OFFICERS_HEADER, officers[0].id)
      .send(record);
    expect(named.status).toBe(200);
    const trail = await caseApp().staff(staff(0)).get(`${cases}/record`).expect(200);
    const entry = trail.body.entries.at(-1).content;
    expect(entry).toMatchObject({
      title: '调取证据',
      actor: { id: `key-${AGENCY}`, role: 'agency-system', officerIds: [officers[0].id] },
    });
  });

  it('refuses an officer who is not assigned to the case, naming the officer', async () => {
    const outsider = await caseApp()
      .system(AGENCY)
      .post(`${cases}/records`)
      .set(ACTING_OFFICERS_HEADER, officers[2].id)
      .send({ requestId: request(), title: '调取证据', content: '调取进货票据。', evidence: [] });
    expect(refusalOf(outsider)).toEqual({ status: 403, code: 'OFFICER_NOT_ASSIGNED' });
    expect(outsider.body.message).toContain(officers[2].id);
  });

  it('requires 亮证 and 告知 on an on-site record, by two officers with their own certificates', async () => {
    const bare = await caseApp().staff(staff(0)).post(`${cases}/records`).send(inquiry());
    expect(refusalOf(bare)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(bare.body.violations[0]).toMatchObject({ field: 'onSite', rule: 'required' });

    const alone = await caseApp()
      .staff(staff(0))
      .post(`${cases}/records`)
      .send(inquiry({ onSite: shown(0, 1) }));
    expect(refusalOf(alone)).toEqual({ status: 422, code: 'ON_SITE_DISCLOSURE_INVALID' });
    expect(alone.body.message).toContain('两名以上');

    const wrongNumber = shown(0, 1);
    wrongNumber.certificatesShown[1].certificateNumber = 'BT-伪造';
    const forged = await caseApp()
      .staff(staff(0))
      .post(`${cases}/records`)
      .set(ACTING_OFFICERS_HEADER, officers[1].id)
      .send(inquiry({ onSite: wrongNumber }));
    expect(refusalOf(forged)).toEqual({ status: 422, code: 'ON_SITE_DISCLOSURE_INVALID' });
    expect(forged.body.message).toContain(officers[1].name);

    const onSite = shown(0, 1);
    const made = await caseApp()
      .staff(staff(0))
      .post(`${cases}/records`)
      .set(ACTING_OFFICERS_HEADER, officers[1].id)
      .send(inquiry({ onSite }));
    expect(made.status).toBe(200);
    const trail = await caseApp().staff(staff(0)).get(`${cases}/record`).expect(200);
    expect(trail.body.entries.at(-1).content).toMatchObject({
      title: '询问笔录',
      actor: { id: officers[0].id, officerIds: [officers[0].id, officers[1].id] },
      details: { onSite },
    });
  });

  it('stops an officer whose certificate was revoked at the next act, with a refusal naming the officer', async () => {
    const record = () => ({
      requestId: request(),
      title: '调取证据',
      content: '调取检验报告。',
      evidence: [],
    });
    expect((await caseApp().staff(staff(1)).post(`${cases}/records`).send(record())).status).toBe(200);

    await worker().registry.call('POST', `/api/v1/personnel/${officers[1].id}/status`, {
      status: 'revoked',
      effectiveOn: chinaToday(),
      reason: '违法执法被吊销执法证',
    });
    const refused = await caseApp().staff(staff(1)).post(`${cases}/records`).send(record());
    expect(refusalOf(refused)).toEqual({ status: 403, code: 'OFFICER_NOT_CERTIFIED' });
    expect(refused.body.message).toContain(officers[1].name);
    expect(refused.body.message).toContain('已被吊销');
    // The other handler carries on.
    expect((await caseApp().staff(staff(0)).post(`${cases}/records`).send(record())).status).toBe(200);
  });

  it('replaces a handler as an act of its own: the incoming officer is checked, the change recorded', async () => {
    const replacing = (incomingId: string) => ({
      requestId: request(),
      outgoingId: officers[1].id,
      incomingId,
      reason: '原承办人员执法证被吊销',
    });
    const byHandler = await caseApp()
      .staff(staff(0))
      .post(`${cases}/handler-replacement`)
      .send(replacing(officers[2].id));
    expect(byHandler.status).toBe(403);

    const lapsed = await caseApp()
      .staff(head)
      .post(`${cases}/handler-replacement`)
      .send(replacing(worker().people.expiredHandler));
    expect(refusalOf(lapsed)).toEqual({ status: 403, code: 'OFFICER_NOT_CERTIFIED' });
    expect(lapsed.body.message).toContain('钱过期');

    const replaced = await caseApp()
      .staff(head)
      .post(`${cases}/handler-replacement`)
      .send(replacing(officers[2].id));
    expect(replaced.status).toBe(200);
    expect(replaced.body.state.handlerIds).toEqual([officers[0].id, officers[2].id]);
    const trail = await caseApp().staff(staff(0)).get(`${cases}/record`).expect(200);
    expect(trail.body.entries.at(-1).content).toMatchObject({
      action: 'handler-replaced',
      actor: { id: worker().people.principalLeader, officerIds: [worker().people.principalLeader] },
      details: { outgoingId: officers[1].id, incomingId: officers[2].id },
    });

    // The incoming officer acts on the case; the outgoing one no longer may.
    const incoming = await caseApp()
      .staff(staff(2))
      .post(`${cases}/records`)
      .send({ requestId: request(), title: '调取证据', content: '调取进货票据。', evidence: [] });
    expect(incoming.status).toBe(200);
  });
});
