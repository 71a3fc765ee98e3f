import request from 'supertest';
import { agencyBody, personnelBody } from './support/fixtures';
import { useRegistryApp } from './support/registry-app';

describe('API keys of agency systems', () => {
  const registry = useRegistryApp('registry_api_keys');
  const admin = () => registry().client();
  const divisionAdmin = () => registry().client({ roles: ['agency-admin'], agency: 'BT-8' });
  const http = () => request(registry().app.getHttpServer());
  const withKey = (key: string) => ({
    get: (path: string) => http().get(path).set('authorization', `Bearer ${key}`),
    post: (path: string) => http().post(path).set('authorization', `Bearer ${key}`),
  });

  async function createKey(agencyCode: string, role = 'agency-system', client = admin()) {
    const answer = await client
      .post('/api/v1/api-keys')
      .send({ agencyCode, role, label: '案件办理系统' })
      .expect(201);
    return answer.body as { keyId: string; key: string; agencyCode: string; role: string };
  }

  beforeAll(async () => {
    await admin().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await admin().post('/api/v1/agencies').send(agencyBody('BT-8', 'BT')).expect(201);
    await admin()
      .post('/api/v1/agencies')
      .send(agencyBody('BT-8-SJ', 'BT-8', { level: 'department' }))
      .expect(201);
    await admin().post('/api/v1/agencies').send(agencyBody('BT-1', 'BT')).expect(201);
  });

  it('shows the secret once at creation, and the key works as a bearer credential on a route', async () => {
    const created = await createKey('BT-8');
    expect(created.key).toMatch(new RegExp(`^lep_${created.keyId}_[A-Za-z0-9_-]{43}$`));
    await withKey(created.key).get('/api/v1/agencies/BT-8/personnel').expect(200);
    // The x-api-key header is accepted as well.
    await http().get('/api/v1/agencies/BT-8').set('x-api-key', created.key).expect(200);
  });

  it('never lists the secret or its hash', async () => {
    const created = await createKey('BT-8');
    const listed = await admin().get('/api/v1/agencies/BT-8/api-keys').expect(200);
    const entry = listed.body.find((key: { keyId: string }) => key.keyId === created.keyId);
    expect(entry).toMatchObject({ agencyCode: 'BT-8', role: 'agency-system', revokedAt: null });
    expect(entry.createdBy).toBe('staff:test-staff');
    const text = JSON.stringify(listed.body);
    expect(text).not.toContain(created.key.slice(`lep_${created.keyId}_`.length));
    expect(text).not.toMatch(/scrypt|secret/i);
    const stored = await registry().dataSource.query(`SELECT secret_hash FROM api_key WHERE key_id = $1`, [
      created.keyId,
    ]);
    expect(stored[0].secret_hash).toMatch(/^scrypt\$/);
  });

  it('is scoped to its agency: another agency’s data is refused with 403', async () => {
    const adminKey = await createKey('BT-8', 'agency-admin');
    await withKey(adminKey.key).post('/api/v1/personnel').send(personnelBody('BT-8-SJ')).expect(201);
    const refused = await withKey(adminKey.key)
      .post('/api/v1/personnel')
      .send(personnelBody('BT-1'))
      .expect(403);
    expect(refused.body.code).toBe('AGENCY_FORBIDDEN');
    await withKey(adminKey.key).get('/api/v1/agencies/BT-1/api-keys').expect(403);
  });

  it('is refused with 401 once revoked, and revocation is recorded', async () => {
    const created = await createKey('BT-8');
    await withKey(created.key).get('/api/v1/agencies').expect(200);
    const revoked = await divisionAdmin()
      .post(`/api/v1/api-keys/${created.keyId}/revoke`)
      .send({ reason: '系统下线' })
      .expect(200);
    expect(revoked.body).toMatchObject({ revokedBy: 'staff:test-staff', revocationReason: '系统下线' });
    expect((await withKey(created.key).get('/api/v1/agencies').expect(401)).body.code).toBe(
      'UNAUTHENTICATED',
    );
    const again = await admin()
      .post(`/api/v1/api-keys/${created.keyId}/revoke`)
      .send({ reason: '重复' })
      .expect(409);
    expect(again.body.code).toBe('API_KEY_ALREADY_REVOKED');
  });

  it('refuses a wrong secret, an unknown key id and a malformed key with 401', async () => {
    const created = await createKey('BT-8');
    const wrongSecret = `lep_${created.keyId}_${'A'.repeat(43)}`;
    await withKey(wrongSecret).get('/api/v1/agencies').expect(401);
    await withKey(`lep_0000000000000000_${'A'.repeat(43)}`)
      .get('/api/v1/agencies')
      .expect(401);
    await withKey(`lep_${created.keyId}_short`).get('/api/v1/agencies').expect(401);
  });

  it('lets agency admins manage keys of their agency and below, never beside or above', async () => {
    await createKey('BT-8-SJ', 'agency-system', divisionAdmin());
    const beside = await divisionAdmin()
      .post('/api/v1/api-keys')
      .send({ agencyCode: 'BT-1', role: 'agency-system', label: 'x' })
      .expect(403);
    expect(beside.body.code).toBe('AGENCY_FORBIDDEN');
    await divisionAdmin()
      .post('/api/v1/api-keys')
      .send({ agencyCode: 'BT', role: 'agency-system', label: 'x' })
      .expect(403);
    const otherKey = await createKey('BT-1');
    await divisionAdmin()
      .post(`/api/v1/api-keys/${otherKey.keyId}/revoke`)
      .send({ reason: '越权' })
      .expect(403);
    await withKey(otherKey.key).get('/api/v1/agencies').expect(200);
    const below = await divisionAdmin().get('/api/v1/agencies/BT-8/api-keys?includeBelow=true').expect(200);
    expect(new Set(below.body.map((key: { agencyCode: string }) => key.agencyCode))).toEqual(
      new Set(['BT-8', 'BT-8-SJ']),
    );
  });

  it('lets no one mint a key above their own power, and no handler mint keys at all', async () => {
    const escalation = await divisionAdmin()
      .post('/api/v1/api-keys')
      .send({ agencyCode: 'BT-8', role: 'platform-admin', label: 'x' })
      .expect(403);
    expect(escalation.body.violations[0]).toMatchObject({ field: 'role' });
    await registry()
      .client({ roles: ['handler'], agency: 'BT-8' })
      .post('/api/v1/api-keys')
      .send({ agencyCode: 'BT-8', role: 'agency-system', label: 'x' })
      .expect(403);
    const systemKey = await createKey('BT-8');
    await withKey(systemKey.key)
      .post('/api/v1/api-keys')
      .send({ agencyCode: 'BT-8', role: 'agency-system', label: 'x' })
      .expect(403);
  });

  it('answers introspection for services: active with the principal, or inactive', async () => {
    const created = await createKey('BT-8-SJ');
    const active = await http().post('/api/v1/auth/introspect').send({ key: created.key }).expect(200);
    expect(active.body).toEqual({
      active: true,
      principal: { kind: 'api-key', subject: created.keyId, agencyCode: 'BT-8-SJ', roles: ['agency-system'] },
    });
    await admin().post(`/api/v1/api-keys/${created.keyId}/revoke`).send({ reason: '轮换' }).expect(200);
    const inactive = await http().post('/api/v1/auth/introspect').send({ key: created.key }).expect(200);
    expect(inactive.body).toEqual({ active: false });
    await http().post('/api/v1/auth/introspect').send({ key: 'nonsense' }).expect(200, { active: false });
  });

  it('mints a platform-admin key without a registered agency (the dev-stack bootstrap)', async () => {
    const created = await createKey('XPCC', 'platform-admin');
    await withKey(created.key).get('/api/v1/agencies/BT-1/api-keys').expect(200);
    await admin()
      .post('/api/v1/api-keys')
      .send({ agencyCode: 'NOWHERE', role: 'agency-system', label: 'x' })
      .expect(404);
  });
});
