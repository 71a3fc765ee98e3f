import { randomUUID } from 'node:crypto';
import { agencyBody, ENFORCEMENT_ITEM, personnelBody } from './support/fixtures';
import { publishEnforcementItems, useRegistryApp } from './support/registry-app';

/** What the case worker reads once per 立案: the agency, the item, each handler's standing, AV duty, review time. */
describe('filing facts', () => {
  const registry = useRegistryApp('registry_filing_facts');
  const http = () => registry().client();
  let certified: string;
  let expired: string;
  let foreign: string;

  const facts = async (agency: string, query: Record<string, string>, status = 200) =>
    (await http().get(`/api/v1/agencies/${agency}/filing-facts`).query(query).expect(status)).body;

  beforeAll(async () => {
    await http().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await http().post('/api/v1/agencies').send(agencyBody('BT-1', 'BT')).expect(201);
    await http().post('/api/v1/agencies').send(agencyBody('BT-2', 'BT')).expect(201);
    await publishEnforcementItems(registry(), 'BT-1', [ENFORCEMENT_ITEM]);
    await http()
      .post('/api/v1/agencies/BT-1/av-recording-list')
      .send({ entries: [{ itemCode: 'P-001', stages: ['investigating'], fullProcess: false }] })
      .expect(201);
    await http()
      .post('/api/v1/agencies/BT-1/review-catalog')
      .send({
        fineThresholds: [{ partyType: 'natural-person', minimumYuan: 10000 }],
        measures: [],
        reviewTimeLimit: { workingDays: 5, extensionWorkingDays: 2 },
      })
      .expect(201);
    const person = async (agency: string, overrides: Record<string, unknown>) =>
      (await http().post('/api/v1/personnel').send(personnelBody(agency, overrides)).expect(201)).body
        .id as string;
    certified = await person('BT-1', {
      certificateIssuedOn: '2024-01-01',
      certificateExpiresOn: '2099-12-31',
    });
    expired = await person('BT-1', { certificateIssuedOn: '2020-01-01', certificateExpiresOn: '2024-12-31' });
    foreign = await person('BT-2', { certificateIssuedOn: '2024-01-01', certificateExpiresOn: '2099-12-31' });
  });

  it('answers the agency, the item on its list in force, the AV entry and the review time limit', async () => {
    const answer = await facts('BT-1', { item: 'P-001', on: '2025-06-01', handlers: certified });
    expect(answer.agency).toMatchObject({ code: 'BT-1', region: expect.any(String) });
    expect(answer.agency.legalReviewBody).toEqual(
      expect.objectContaining({ agencyCode: expect.any(String) }),
    );
    expect(answer.item).toEqual(ENFORCEMENT_ITEM);
    expect(answer.av).toEqual({ itemCode: 'P-001', stages: ['investigating'], fullProcess: false });
    expect(answer.reviewTimeLimit).toEqual({ workingDays: 5, extensionWorkingDays: 2 });
  });

  it("judges each handler as may-enforce does, in the order asked, and names one the registry doesn't know", async () => {
    const nobody = randomUUID();
    const answer = await facts('BT-1', {
      item: 'P-001',
      on: '2025-06-01',
      handlers: [certified, expired, foreign, nobody].join(','),
    });
    expect(answer.handlers.map((h: { personnelId: string }) => h.personnelId)).toEqual([
      certified,
      expired,
      foreign,
      nobody,
    ]);
    const [ok, lapsed, other, unknown] = answer.handlers;
    expect(ok).toEqual({ personnelId: certified, registered: true, allowed: true, reasons: [] });
    expect(lapsed.allowed).toBe(false);
    expect(lapsed.reasons.join()).toContain('已于 2024-12-31 到期');
    expect(other.allowed).toBe(false);
    expect(other.reasons.join()).toContain('隶属于执法主体 BT-2');
    expect(unknown).toEqual({ personnelId: nobody, registered: false, allowed: false, reasons: [] });
    for (const [index, id] of [certified, expired, foreign].entries()) {
      const single = await http()
        .get(`/api/v1/personnel/${id}/may-enforce`)
        .query({ agency: 'BT-1', item: 'P-001', on: '2025-06-01' })
        .expect(200);
      expect(single.body).toEqual({
        allowed: answer.handlers[index].allowed,
        reasons: answer.handlers[index].reasons,
      });
    }
  });

  it('takes the handlers repeated as well as comma-separated', async () => {
    const response = await http()
      .get(
        `/api/v1/agencies/BT-1/filing-facts?item=P-001&on=2025-06-01&handlers=${certified}&handlers=${expired}`,
      )
      .expect(200);
    expect(response.body.handlers.map((h: { personnelId: string }) => h.personnelId)).toEqual([
      certified,
      expired,
    ]);
  });

  it('answers null for an item not on the list, and for the lists an agency has not published', async () => {
    const offList = await facts('BT-1', { item: 'P-999', on: '2025-06-01', handlers: certified });
    expect(offList.item).toBeNull();
    expect(offList.av).toBeNull();
    expect(offList.handlers[0].reasons.join()).toContain('不在执法主体 BT-1 现行的行政执法事项清单');
    const bare = await facts('BT-2', { item: 'P-001', on: '2025-06-01', handlers: foreign });
    expect(bare).toMatchObject({ item: null, av: null, reviewTimeLimit: null });
    expect(bare.handlers[0].reasons).toContain('执法主体 BT-2 尚未公布行政执法事项清单');
  });

  it('answers 404 AGENCY_NOT_FOUND for an agency not in the directory', async () => {
    const answer = await facts('BT-404', { item: 'P-001', on: '2025-06-01', handlers: certified }, 404);
    expect(answer.code).toBe('AGENCY_NOT_FOUND');
  });

  it.each([
    [
      'a handler id that is no personnel id',
      { item: 'P-001', on: '2025-06-01', handlers: '张三' },
      'handlers',
    ],
    ['no handler', { item: 'P-001', on: '2025-06-01', handlers: '' }, 'handlers'],
    ['a day that does not exist', { item: 'P-001', on: '2025-02-30', handlers: 'x' }, 'on'],
    ['no item', { on: '2025-06-01', handlers: 'x' }, 'item'],
  ])('refuses %s with 400 naming the field', async (_, query, field) => {
    const answer = await facts('BT-1', query as Record<string, string>, 400);
    expect(answer.code).toBe('VALIDATION_FAILED');
    expect(answer.violations.map((v: { field: string }) => v.field)).toContain(field);
  });

  it('refuses more than twenty handlers', async () => {
    const handlers = Array.from({ length: 21 }, () => randomUUID()).join(',');
    const answer = await facts('BT-1', { item: 'P-001', on: '2025-06-01', handlers }, 400);
    expect(answer.violations.map((v: { field: string }) => v.field)).toContain('handlers');
  });
});
