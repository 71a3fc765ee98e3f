import { agencyBody, ENFORCEMENT_ITEM, personnelBody } from './support/fixtures';
import { outboxEvents, publishEnforcementItems, useRegistryApp } from './support/registry-app';

/** Legal reviewers by legal standing, with or without an enforcement certificate (domain.md L2a). */
describe('legal reviewers: 法律职业资格, 公职律师, 法律顾问', () => {
  const registry = useRegistryApp('registry_legal_reviewers');
  const http = () => registry().client();
  const disclosed = async (id: string) =>
    (await outboxEvents(registry().dataSource, 'cn.lep.registry.personnel.changed.v1')).filter(
      (row) => row.event.subject === `personnel/${id}`,
    );
  const lawyer = {
    agencyCode: 'BT-3',
    name: '周律师',
    roles: ['legal-reviewer'],
    legalStanding: [
      { kind: 'public-lawyer', certificateNumber: 'GZLS-2023-0001' },
      { kind: 'legal-profession', certificateNumber: 'A20191101000123' },
    ],
  };
  let lawyerId: string;

  beforeAll(async () => {
    await http().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await http().post('/api/v1/agencies').send(agencyBody('BT-3', 'BT')).expect(201);
    await publishEnforcementItems(registry(), 'BT-3', [ENFORCEMENT_ITEM]);
    for (let officer = 0; officer < 20; officer += 1)
      await http().post('/api/v1/personnel').send(personnelBody('BT-3')).expect(201);
    lawyerId = (await http().post('/api/v1/personnel').send(lawyer).expect(201)).body.id;
  });

  it('registers a 公职律师 with 法律职业资格 and no enforcement certificate, who enforces nothing and is not disclosed as an officer', async () => {
    const person = await http().get(`/api/v1/personnel/${lawyerId}`).expect(200);
    expect(person.body).toMatchObject({
      name: '周律师',
      roles: ['legal-reviewer'],
      certificateNumber: null,
      certificateExpiresOn: null,
      status: null,
      statusHistory: [],
      legalStanding: lawyer.legalStanding,
    });
    expect(await disclosed(lawyerId)).toHaveLength(0);
    const answer = await http()
      .get(`/api/v1/personnel/${lawyerId}/may-enforce`)
      .query({ agency: 'BT-3', item: 'P-001', on: '2026-06-01' })
      .expect(200);
    expect(answer.body).toEqual({ allowed: false, reasons: ['周律师 未持有执法证（仅担任法制审核人员）'] });
  });

  it('counts reviewers by legal standing in the 5% ratio: 1 公职律师 to 20 officers is compliant', async () => {
    const ratio = await http().get('/api/v1/agencies/BT-3/reviewer-ratio').expect(200);
    expect(ratio.body).toMatchObject({ legalReviewers: 1, enforcementOfficers: 20, compliant: true });
    // A reviewer whose certificate expired still counts when they hold 法律职业资格.
    await http()
      .post('/api/v1/personnel')
      .send(
        personnelBody('BT-3', {
          roles: ['legal-reviewer'],
          certificateIssuedOn: '2016-01-01',
          certificateExpiresOn: '2021-12-31',
          legalStanding: [{ kind: 'legal-profession', certificateNumber: 'A20151101000456' }],
        }),
      )
      .expect(201);
    expect((await http().get('/api/v1/agencies/BT-3/reviewer-ratio').expect(200)).body.legalReviewers).toBe(
      2,
    );
  });

  it.each([
    [
      'a handler without an enforcement certificate',
      { ...lawyer, name: '无证承办', roles: ['handler', 'legal-reviewer'] },
      'CERTIFICATE_REQUIRED',
      'certificateNumber',
    ],
    [
      'a reviewer with neither a certificate nor legal standing',
      { ...lawyer, name: '无资格', legalStanding: [] },
      'LEGAL_STANDING_REQUIRED',
      'legalStanding',
    ],
    [
      '法律职业资格 without its certificate number',
      { ...lawyer, name: '无编号', legalStanding: [{ kind: 'legal-profession' }] },
      'LEGAL_PROFESSION_NUMBER_REQUIRED',
      'legalStanding.0.certificateNumber',
    ],
    [
      'the same standing twice',
      {
        ...lawyer,
        name: '重复',
        legalStanding: [{ kind: 'legal-adviser' }, { kind: 'legal-adviser' }],
      },
      'LEGAL_STANDING_DUPLICATE',
      'legalStanding.1.kind',
    ],
    [
      'half a certificate',
      { ...lawyer, name: '半证', certificateNumber: 'CERT-HALF', certificateIssuedOn: '2024-01-01' },
      'CERTIFICATE_INCOMPLETE',
      'certificateExpiresOn',
    ],
    [
      'an unknown kind of standing',
      { ...lawyer, name: '未知', legalStanding: [{ kind: 'notary' }] },
      'VALIDATION_FAILED',
      'legalStanding.0.kind',
    ],
  ])('refuses %s with 400, a stable code and the field', async (_name, body, code, field) => {
    const answer = await http().post('/api/v1/personnel').send(body).expect(400);
    expect(answer.body.code).toBe(code);
    expect(answer.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(answer.body.violations.map((violation: { field: string }) => violation.field)).toContain(field);
  });

  it('records no certificate status for a person without one, and never removes a registered certificate', async () => {
    const status = await http()
      .post(`/api/v1/personnel/${lawyerId}/status`)
      .send({ status: 'suspended', effectiveOn: '2025-01-01', reason: '暂扣' })
      .expect(409);
    expect(status.body.code).toBe('NO_CERTIFICATE');
    const officer = (
      await http()
        .post('/api/v1/personnel')
        .send(personnelBody('BT-3', { roles: ['legal-reviewer'] }))
        .expect(201)
    ).body;
    const removed = await http()
      .put(`/api/v1/personnel/${officer.id}`)
      .send({ ...lawyer, name: officer.name })
      .expect(409);
    expect(removed.body.code).toBe('CERTIFICATE_NOT_REMOVABLE');
  });

  it('starts the certificate timeline, and discloses the officer, once a legal reviewer registers a certificate', async () => {
    const certified = await http()
      .put(`/api/v1/personnel/${lawyerId}`)
      .send(
        personnelBody('BT-3', {
          ...lawyer,
          certificateNumber: 'BT-LAWYER-1',
          certificateIssuedOn: '2025-01-01',
          certificateExpiresOn: '2099-12-31',
        }),
      )
      .expect(200);
    expect(certified.body).toMatchObject({
      certificateNumber: 'BT-LAWYER-1',
      status: 'active',
      statusHistory: [{ status: 'active', effectiveOn: '2025-01-01', reason: '发证' }],
      legalStanding: lawyer.legalStanding,
    });
    const events = await disclosed(lawyerId);
    expect(events).toHaveLength(1);
    expect(events[0].event.data).toMatchObject({ certificateNumber: 'BT-LAWYER-1', status: 'active' });
  });

  it('marks one principal leader (主要负责人) per agency, who must be a leader (domain.md L6c)', async () => {
    const notLeader = await http()
      .post('/api/v1/personnel')
      .send(personnelBody('BT-3', { roles: ['handler'], principalLeader: true }))
      .expect(400);
    expect(notLeader.body).toMatchObject({ code: 'PRINCIPAL_LEADER_NOT_LEADER' });
    expect(notLeader.body.violations[0].field).toBe('principalLeader');
    const principal = await http()
      .post('/api/v1/personnel')
      .send(personnelBody('BT-3', { name: '马局长', roles: ['leader'], principalLeader: true }))
      .expect(201);
    expect(principal.body.principalLeader).toBe(true);
    const second = await http()
      .post('/api/v1/personnel')
      .send(personnelBody('BT-3', { name: '吴副局长', roles: ['leader'], principalLeader: true }))
      .expect(409);
    expect(second.body).toMatchObject({ code: 'PRINCIPAL_LEADER_TAKEN' });
    // Handing the mark over: the old principal first gives it up, then the new one takes it.
    await http()
      .put(`/api/v1/personnel/${principal.body.id}`)
      .send(
        personnelBody('BT-3', {
          name: '马局长',
          roles: ['leader'],
          certificateNumber: principal.body.certificateNumber,
          principalLeader: false,
        }),
      )
      .expect(200);
    const handedOver = await http()
      .post('/api/v1/personnel')
      .send(personnelBody('BT-3', { name: '吴局长', roles: ['leader'], principalLeader: true }))
      .expect(201);
    expect(handedOver.body.principalLeader).toBe(true);
  });
});
