import { agencyBody, ENFORCEMENT_ITEM, personnelBody, residentId } from './support/fixtures';
import { outboxEvents, useRegistryApp } from './support/registry-app';

describe('personnel and "may enforce"', () => {
  const registry = useRegistryApp('registry_personnel');
  const http = () => registry().client();
  const idNumber = residentId();
  let officerId: string;

  const mayEnforce = async (id: string, query: Record<string, string>) =>
    (await http().get(`/api/v1/personnel/${id}/may-enforce`).query(query).expect(200)).body as {
      allowed: boolean;
      reasons: string[];
    };

  beforeAll(async () => {
    await http().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await http().post('/api/v1/agencies').send(agencyBody('BT-8', 'BT')).expect(201);
    await http()
      .post('/api/v1/agencies/BT-8/enforcement-items')
      .send({ items: [ENFORCEMENT_ITEM] })
      .expect(201);
    const created = await http()
      .post('/api/v1/personnel')
      .send(
        personnelBody('BT-8', {
          name: '张三',
          idNumber,
          roles: ['handler', 'legal-reviewer'],
          certificateIssuedOn: '2024-03-01',
          certificateExpiresOn: '2026-02-28',
        }),
      )
      .expect(201);
    officerId = created.body.id;
  });

  it('allows the officer inside the certificate period, for their agency and a listed item', async () => {
    expect(await mayEnforce(officerId, { agency: 'BT-8', item: 'P-001', on: '2025-06-01' })).toEqual({
      allowed: true,
      reasons: [],
    });
  });

  it('turns on the first and last day of the certificate, both inclusive', async () => {
    const dayBefore = await mayEnforce(officerId, { agency: 'BT-8', item: 'P-001', on: '2024-02-29' });
    expect(dayBefore.allowed).toBe(false);
    expect(dayBefore.reasons.join()).toContain('尚未生效');
    expect((await mayEnforce(officerId, { agency: 'BT-8', item: 'P-001', on: '2024-03-01' })).allowed).toBe(
      true,
    );
    expect((await mayEnforce(officerId, { agency: 'BT-8', item: 'P-001', on: '2026-02-28' })).allowed).toBe(
      true,
    );
    const dayAfter = await mayEnforce(officerId, { agency: 'BT-8', item: 'P-001', on: '2026-03-01' });
    expect(dayAfter.allowed).toBe(false);
    expect(dayAfter.reasons).toContain('执法证 ' + (await certificateNumber()) + ' 已于 2026-02-28 到期');
  });

  it('refuses during a suspension and allows again once it is lifted, judged by the status on that day', async () => {
    await http()
      .post(`/api/v1/personnel/${officerId}/status`)
      .send({ status: 'suspended', effectiveOn: '2025-07-01', reason: '违规执法，暂扣执法证' })
      .expect(201);
    await http()
      .post(`/api/v1/personnel/${officerId}/status`)
      .send({ status: 'active', effectiveOn: '2025-08-01', reason: '暂扣期满' })
      .expect(201);

    expect((await mayEnforce(officerId, { agency: 'BT-8', item: 'P-001', on: '2025-06-30' })).allowed).toBe(
      true,
    );
    const suspended = await mayEnforce(officerId, { agency: 'BT-8', item: 'P-001', on: '2025-07-15' });
    expect(suspended.allowed).toBe(false);
    expect(suspended.reasons.join()).toContain('暂扣');
    expect((await mayEnforce(officerId, { agency: 'BT-8', item: 'P-001', on: '2025-08-01' })).allowed).toBe(
      true,
    );
  });

  it('refuses from the day a certificate is revoked', async () => {
    const other = await http().post('/api/v1/personnel').send(personnelBody('BT-8')).expect(201);
    await http()
      .post(`/api/v1/personnel/${other.body.id}/status`)
      .send({ status: 'revoked', effectiveOn: '2025-05-10', reason: '吊销执法证' })
      .expect(201);
    expect(
      (await mayEnforce(other.body.id, { agency: 'BT-8', item: 'P-001', on: '2025-05-09' })).allowed,
    ).toBe(true);
    const revoked = await mayEnforce(other.body.id, { agency: 'BT-8', item: 'P-001', on: '2025-05-10' });
    expect(revoked.reasons.join()).toContain('已被吊销');
  });

  it('refuses for another agency, even the parent, and for an item outside the list', async () => {
    const parent = await mayEnforce(officerId, { agency: 'BT', item: 'P-001', on: '2025-06-01' });
    expect(parent.allowed).toBe(false);
    expect(parent.reasons).toContain('该人员隶属于执法主体 BT-8，不能以执法主体 BT 的名义执法');
    const unlisted = await mayEnforce(officerId, { agency: 'BT-8', item: 'X-404', on: '2025-06-01' });
    expect(unlisted.reasons.join()).toContain('事项 X-404 不在执法主体 BT-8');
  });

  it('never returns the ID number, nor puts it in any event', async () => {
    const person = await http().get(`/api/v1/personnel/${officerId}`).expect(200);
    const listed = await http().get('/api/v1/agencies/BT-8/personnel').expect(200);
    const events = await outboxEvents(registry().dataSource);
    for (const text of [JSON.stringify(person.body), JSON.stringify(listed.body), JSON.stringify(events)])
      expect(text).not.toContain(idNumber);
    const stored: { id_number: string }[] = await registry().dataSource.query(
      'SELECT id_number FROM personnel WHERE id = $1',
      [officerId],
    );
    expect(stored[0].id_number).toBe(idNumber);
  });

  it('discloses every personnel change with name, certificate, agency and scope', async () => {
    const events = (await outboxEvents(registry().dataSource, 'cn.lep.registry.personnel.changed.v1')).filter(
      (row) => row.event.subject === `personnel/${officerId}`,
    );
    expect(events).toHaveLength(3);
    expect(events[0].topic).toBe('lep.registry.disclosure.v1');
    expect(events[0].event.data).toMatchObject({ name: '张三', agencyCode: 'BT-8', scope: '市场监管' });
    expect(Object.keys(events[0].event.data)).not.toContain('idNumber');
  });

  it('keeps the status history in order and refuses a duplicate certificate number', async () => {
    const person = await http().get(`/api/v1/personnel/${officerId}`).expect(200);
    expect(person.body.statusHistory.map((step: { status: string }) => step.status)).toEqual([
      'active',
      'suspended',
      'active',
    ]);
    const duplicate = await http()
      .post('/api/v1/personnel')
      .send(personnelBody('BT-8', { certificateNumber: person.body.certificateNumber }))
      .expect(409);
    expect(duplicate.body.code).toBe('CERTIFICATE_NUMBER_TAKEN');
  });

  it('shows the status of today: expired once the certificate has run out, though no step says so', async () => {
    // 张三's certificate ran to 2026-02-28; its timeline's last step is 'active' (suspension lifted).
    const person = await http().get(`/api/v1/personnel/${officerId}`).expect(200);
    expect(person.body).toMatchObject({ certificateExpiresOn: '2026-02-28', status: 'expired' });
    const listed = await http().get('/api/v1/agencies/BT-8/personnel').expect(200);
    expect(listed.body.find((row: { id: string }) => row.id === officerId).status).toBe('expired');
    const valid = await http()
      .post('/api/v1/personnel')
      .send(personnelBody('BT-8', { certificateIssuedOn: '2024-01-01', certificateExpiresOn: '2099-12-31' }))
      .expect(201);
    expect(valid.body.status).toBe('active');
    const renewed = await http()
      .put(`/api/v1/personnel/${officerId}`)
      .send(
        personnelBody('BT-8', {
          name: '张三',
          certificateNumber: person.body.certificateNumber,
          roles: ['handler', 'legal-reviewer'],
          certificateIssuedOn: '2024-03-01',
          certificateExpiresOn: '2099-12-31',
        }),
      )
      .expect(200);
    expect(renewed.body.status).toBe('active');
    const events = await outboxEvents(registry().dataSource, 'cn.lep.registry.personnel.changed.v1');
    const statuses = events
      .filter((row) => row.event.data.personnelId === officerId)
      .map((row) => row.event.data.status);
    expect(statuses.slice(-1)).toEqual(['active']);
  });

  async function certificateNumber(): Promise<string> {
    return (await http().get(`/api/v1/personnel/${officerId}`).expect(200)).body.certificateNumber;
  }
});
