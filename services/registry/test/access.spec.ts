import request from 'supertest';
import { agencyBody, ENFORCEMENT_ITEM, personnelBody } from './support/fixtures';
import { outboxEvents, publishEnforcementItems, useRegistryApp } from './support/registry-app';

describe('access across agencies and roles', () => {
  const registry = useRegistryApp('registry_access');
  const admin = () => registry().client();
  const divisionAdmin = () => registry().client({ roles: ['agency-admin'], agency: 'BT-8' });
  const departmentAdmin = () => registry().client({ roles: ['agency-admin'], agency: 'BT-8-SJ' });
  const divisionHandler = () => registry().client({ roles: ['handler'], agency: 'BT-8' });
  const anonymous = () => request(registry().app.getHttpServer());
  let firstDivisionOfficer: string;

  beforeAll(async () => {
    await admin().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await admin().post('/api/v1/agencies').send(agencyBody('BT-8', 'BT')).expect(201);
    await admin()
      .post('/api/v1/agencies')
      .send(agencyBody('BT-8-SJ', 'BT-8', { level: 'department' }))
      .expect(201);
    await admin().post('/api/v1/agencies').send(agencyBody('BT-1', 'BT')).expect(201);
    await publishEnforcementItems(registry(), 'BT-8', [ENFORCEMENT_ITEM]);
    firstDivisionOfficer = (await admin().post('/api/v1/personnel').send(personnelBody('BT-1')).expect(201))
      .body.id;
  });

  it('lets an agency admin manage personnel of its own agency and those below it', async () => {
    await divisionAdmin().post('/api/v1/personnel').send(personnelBody('BT-8')).expect(201);
    await divisionAdmin().post('/api/v1/personnel').send(personnelBody('BT-8-SJ')).expect(201);
  });

  it('refuses an agency admin personnel of a sibling division, and writes nothing', async () => {
    const before = (await outboxEvents(registry().dataSource)).length;
    const created = await divisionAdmin().post('/api/v1/personnel').send(personnelBody('BT-1')).expect(403);
    expect(created.body.code).toBe('AGENCY_FORBIDDEN');
    const suspended = await divisionAdmin()
      .post(`/api/v1/personnel/${firstDivisionOfficer}/status`)
      .send({ status: 'suspended', effectiveOn: '2025-01-01', reason: '暂扣' })
      .expect(403);
    expect(suspended.body.code).toBe('AGENCY_FORBIDDEN');
    expect((await outboxEvents(registry().dataSource)).length).toBe(before);
  });

  it('lets an agency admin register bodies below it, not beside or above it', async () => {
    await divisionAdmin()
      .post('/api/v1/agencies')
      .send(agencyBody('BT-8-GA', 'BT-8', { level: 'department' }))
      .expect(201);
    await divisionAdmin()
      .post('/api/v1/agencies')
      .send(agencyBody('BT-1-GA', 'BT-1', { level: 'department' }))
      .expect(403);
    await divisionAdmin().post('/api/v1/agencies').send(agencyBody('BT-NEW')).expect(403);
    const parent = (await admin().get('/api/v1/agencies/BT-8').expect(200)).body;
    const { code: _code, ...rest } = parent;
    await departmentAdmin()
      .put('/api/v1/agencies/BT-8')
      .send({ ...rest, name: '改名' })
      .expect(403);
  });

  it('keeps item lists of other agencies out of reach', async () => {
    await divisionAdmin()
      .post('/api/v1/agencies/BT-8-SJ/enforcement-items')
      .send({ items: [ENFORCEMENT_ITEM] })
      .expect(201);
    await divisionAdmin()
      .post('/api/v1/agencies/BT-1/enforcement-items')
      .send({ items: [ENFORCEMENT_ITEM] })
      .expect(403);
  });

  it('refuses writes to a handler but answers its "may enforce" question', async () => {
    const refused = await divisionHandler().post('/api/v1/personnel').send(personnelBody('BT-8')).expect(403);
    expect(refused.body.code).toBe('ROLE_FORBIDDEN');
    await divisionHandler()
      .get(`/api/v1/personnel/${firstDivisionOfficer}/may-enforce`)
      .query({ agency: 'BT-1', item: 'P-001', on: '2025-01-01' })
      .expect(200);
  });

  it('shows the published lists to anonymous callers and nothing else', async () => {
    await anonymous().get('/api/v1/agencies/BT-8/enforcement-items').expect(200);
    expect((await anonymous().get(`/api/v1/personnel/${firstDivisionOfficer}`).expect(401)).body.code).toBe(
      'UNAUTHENTICATED',
    );
    await anonymous().post('/api/v1/agencies').send(agencyBody('BT-ANON')).expect(401);
  });
});
