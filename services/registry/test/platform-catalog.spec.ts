import request from 'supertest';
import { agencyBody } from './support/fixtures';
import { useRegistryApp } from './support/registry-app';

const SECOND = {
  fineThresholds: [
    { partyType: 'natural-person', minimumYuan: 5_000 },
    { partyType: 'individual-business', minimumYuan: 20_000 },
    { partyType: 'legal-person', minimumYuan: 30_000 },
  ],
  measures: ['licence-revocation', 'closure'],
  items: [{ itemCode: 'SC-017', itemName: '对生产销售假冒伪劣商品的处罚' }],
  otherRules: [{ id: 'Q1', description: '涉及国家安全的', legalSource: '《某某条例》第十条' }],
};

describe('the platform default review catalogue (domain.md L3c)', () => {
  const registry = useRegistryApp('registry_platform_catalog');
  const anonymous = () => request.agent(registry().app.getHttpServer());
  const platformAdmin = () =>
    registry().client({ roles: ['platform-admin'], agency: 'XPCC', subject: 'admin-1' });

  it('is in force from the start, with the first version seeded, and read without a credential', async () => {
    const current = (await anonymous().get('/api/v1/platform/review-catalog').expect(200)).body;
    expect(current).toMatchObject({ version: 1, publishedBy: 'seed' });
    expect(current.content.fineThresholds).toContainEqual({ partyType: 'legal-person', minimumYuan: 50_000 });
    expect(current.content.measures).toHaveLength(6);
    // A case filed years ago is judged by it too: nothing is "not major" for want of a catalogue.
    const old = await anonymous()
      .get('/api/v1/platform/review-catalog')
      .query({ asOf: '2001-03-01T00:00:00Z' });
    expect(old.status).toBe(200);
    expect(old.body.version).toBe(1);
  });

  it('takes a new version from the platform admin only, and keeps the old one for cases filed before it', async () => {
    for (const staff of [
      { roles: ['agency-admin'] as const, agency: 'XPCC' },
      { roles: ['leader'] as const, agency: 'XPCC' },
    ]) {
      const refused = await registry()
        .client({ roles: [...staff.roles], agency: staff.agency })
        .post('/api/v1/platform/review-catalog')
        .send(SECOND);
      expect(refused.status).toBe(403);
    }
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const published = await platformAdmin().post('/api/v1/platform/review-catalog').send(SECOND).expect(201);
    expect(published.body).toMatchObject({ version: 2, publishedBy: 'admin-1', content: SECOND });
    expect((await anonymous().get('/api/v1/platform/review-catalog').expect(200)).body.version).toBe(2);
    const then = await anonymous().get('/api/v1/platform/review-catalog').query({ asOf: before }).expect(200);
    expect(then.body.version).toBe(1);
    // The same content again is a retry, not a version.
    const again = await platformAdmin().post('/api/v1/platform/review-catalog').send(SECOND).expect(200);
    expect(again.body.version).toBe(2);
    const versions = (await anonymous().get('/api/v1/platform/review-catalog/versions').expect(200)).body;
    expect(versions.map((version: { version: number }) => version.version)).toEqual([1, 2]);
  });

  it.each([
    [
      'a party kind named twice',
      { ...SECOND, fineThresholds: [SECOND.fineThresholds[0], SECOND.fineThresholds[0]] },
      'fineThresholds.1.partyType',
    ],
    ['an item listed twice', { ...SECOND, items: [SECOND.items[0], SECOND.items[0]] }, 'items.1.itemCode'],
    [
      'an other rule id used twice',
      { ...SECOND, otherRules: [SECOND.otherRules[0], SECOND.otherRules[0]] },
      'otherRules.1.id',
    ],
    [
      'an other rule without its legal source',
      { ...SECOND, otherRules: [{ id: 'Q2', description: '其他' }] },
      'otherRules.0.legalSource',
    ],
    [
      'an unknown party kind',
      { ...SECOND, fineThresholds: [{ partyType: 'company', minimumYuan: 1 }] },
      'fineThresholds.0.partyType',
    ],
  ])('refuses %s, naming the field, and publishes nothing', async (_case, body, field) => {
    const answer = await platformAdmin().post('/api/v1/platform/review-catalog').send(body);
    expect(answer.status).toBe(400);
    expect(answer.body.violations.map((violation: { field: string }) => violation.field)).toContain(field);
    expect(answer.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const versions = (await anonymous().get('/api/v1/platform/review-catalog/versions').expect(200)).body;
    expect(versions.length).toBeLessThanOrEqual(2);
  });

  it("lets an agency's own catalogue list items and other rules too, under the same checks", async () => {
    await platformAdmin().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    const own = await platformAdmin().post('/api/v1/agencies/BT/review-catalog').send(SECOND).expect(201);
    expect(own.body.content).toEqual(SECOND);
    const duplicate = await platformAdmin()
      .post('/api/v1/agencies/BT/review-catalog')
      .send({ ...SECOND, items: [SECOND.items[0], SECOND.items[0]] })
      .expect(400);
    expect(duplicate.body.violations[0].field).toBe('items.1.itemCode');
  });
});
