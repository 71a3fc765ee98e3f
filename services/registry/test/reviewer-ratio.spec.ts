import { agencyBody, personnelBody } from './support/fixtures';
import { outboxEvents, useRegistryApp } from './support/registry-app';

describe('legal reviewer ratio (L2: at least 5%)', () => {
  const registry = useRegistryApp('registry_ratio');
  const http = () => registry().client();
  const warnings = () =>
    outboxEvents(registry().dataSource, 'cn.lep.registry.reviewer-ratio.below-threshold.v1');
  const restorations = () =>
    outboxEvents(registry().dataSource, 'cn.lep.registry.reviewer-ratio.restored.v1');
  let reviewerId: string;

  beforeAll(async () => {
    await http().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await http().post('/api/v1/agencies').send(agencyBody('BT-2', 'BT')).expect(201);
    const reviewer = await http()
      .post('/api/v1/personnel')
      .send(personnelBody('BT-2', { roles: ['legal-reviewer'] }))
      .expect(201);
    reviewerId = reviewer.body.id;
    for (let officer = 0; officer < 20; officer += 1)
      await http().post('/api/v1/personnel').send(personnelBody('BT-2')).expect(201);
  });

  it('is compliant at exactly 5% (1 reviewer, 20 officers) and has raised no warning', async () => {
    const ratio = await http().get('/api/v1/agencies/BT-2/reviewer-ratio').expect(200);
    expect(ratio.body).toEqual({
      agencyCode: 'BT-2',
      legalReviewers: 1,
      enforcementOfficers: 20,
      ratio: 0.05,
      threshold: 0.05,
      compliant: true,
    });
    expect(await warnings()).toHaveLength(0);
  });

  it('falls below with a 21st officer and writes one warning to the outbox with that change', async () => {
    await http().post('/api/v1/personnel').send(personnelBody('BT-2')).expect(201);
    const ratio = await http().get('/api/v1/agencies/BT-2/reviewer-ratio').expect(200);
    expect(ratio.body).toMatchObject({ legalReviewers: 1, enforcementOfficers: 21, compliant: false });

    const raised = await warnings();
    expect(raised).toHaveLength(1);
    expect(raised[0].topic).toBe('lep.statistics.warning.v1');
    expect(raised[0].message_key).toBe('BT-2');
    expect(raised[0].event.data).toEqual({
      agencyCode: 'BT-2',
      legalReviewers: 1,
      enforcementOfficers: 21,
      ratio: 1 / 21,
      threshold: 0.05,
    });
  });

  it('does not repeat the warning while the agency stays below', async () => {
    await http().post('/api/v1/personnel').send(personnelBody('BT-2')).expect(201);
    expect(await warnings()).toHaveLength(1);
  });

  it('counts only certificates in force: suspending the reviewer leaves none, restoring clears the warning', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await http()
      .post(`/api/v1/personnel/${reviewerId}/status`)
      .send({ status: 'suspended', effectiveOn: '2024-06-01', reason: '暂扣' })
      .expect(201);
    expect((await http().get('/api/v1/agencies/BT-2/reviewer-ratio').expect(200)).body.legalReviewers).toBe(
      0,
    );

    await http()
      .post('/api/v1/personnel')
      .send(personnelBody('BT-2', { roles: ['legal-reviewer'], certificateIssuedOn: today }))
      .expect(201);
    await http()
      .post(`/api/v1/personnel/${reviewerId}/status`)
      .send({ status: 'active', effectiveOn: today, reason: '恢复' })
      .expect(201);
    const ratio = await http().get('/api/v1/agencies/BT-2/reviewer-ratio').expect(200);
    expect(ratio.body).toMatchObject({ legalReviewers: 2, enforcementOfficers: 22, compliant: true });
    expect(await restorations()).toHaveLength(1);
  });

  it('treats an agency without officers as compliant with no ratio', async () => {
    const ratio = await http().get('/api/v1/agencies/BT/reviewer-ratio').expect(200);
    expect(ratio.body).toMatchObject({ enforcementOfficers: 0, ratio: null, compliant: true });
  });
});
