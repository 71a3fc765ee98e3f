import { agencyBody, ENFORCEMENT_ITEM } from './support/fixtures';
import { outboxEvents, useRegistryApp } from './support/registry-app';

const CATALOG_V1 = {
  fineThresholds: [
    { partyType: 'natural-person', minimumYuan: 10000 },
    { partyType: 'legal-person', minimumYuan: 100000 },
  ],
  measures: ['licence-revocation'],
};

describe('versioned item lists', () => {
  const registry = useRegistryApp('registry_item_lists');
  const http = () => registry().client();
  let v1PublishedAt: string;
  let v2PublishedAt: string;

  beforeAll(async () => {
    await http().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    const v1 = await http().post('/api/v1/agencies/BT/review-catalog').send(CATALOG_V1).expect(201);
    v1PublishedAt = v1.body.publishedAt;
    // Publication times have millisecond precision: let one pass so "just before v2" is after v1.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const v2 = await http()
      .post('/api/v1/agencies/BT/review-catalog')
      .send({
        ...CATALOG_V1,
        fineThresholds: [{ partyType: 'natural-person', minimumYuan: 20000 }],
      })
      .expect(201);
    v2PublishedAt = v2.body.publishedAt;
  });

  it('numbers each edit as a new version and serves the latest by default', async () => {
    const current = await http().get('/api/v1/agencies/BT/review-catalog').expect(200);
    expect(current.body.version).toBe(2);
    expect(current.body.content.fineThresholds).toEqual([
      { partyType: 'natural-person', minimumYuan: 20000 },
    ]);
  });

  it('answers asOf with the version in force then, so an old case keeps its criteria', async () => {
    const atV1 = await http()
      .get('/api/v1/agencies/BT/review-catalog')
      .query({ asOf: v1PublishedAt })
      .expect(200);
    expect(atV1.body.version).toBe(1);
    expect(atV1.body.content).toEqual(CATALOG_V1);

    const justBeforeV2 = new Date(Date.parse(v2PublishedAt) - 1).toISOString();
    const between = await http()
      .get('/api/v1/agencies/BT/review-catalog')
      .query({ asOf: justBeforeV2 })
      .expect(200);
    expect(between.body.version).toBe(1);
    const atV2 = await http()
      .get('/api/v1/agencies/BT/review-catalog')
      .query({ asOf: v2PublishedAt })
      .expect(200);
    expect(atV2.body.version).toBe(2);
  });

  it('answers 404 for an instant before the first version', async () => {
    const before = new Date(Date.parse(v1PublishedAt) - 1).toISOString();
    const answer = await http().get('/api/v1/agencies/BT/review-catalog').query({ asOf: before }).expect(404);
    expect(answer.body.code).toBe('ITEM_LIST_NOT_FOUND');
  });

  it('versions the enforcement item list and the AV list independently, and discloses each version', async () => {
    await http()
      .post('/api/v1/agencies/BT/enforcement-items')
      .send({ items: [ENFORCEMENT_ITEM] })
      .expect(201);
    const av = await http()
      .post('/api/v1/agencies/BT/av-recording-list')
      .send({ entries: [{ itemCode: 'P-001', stages: ['现场检查', '送达'], fullProcess: false }] })
      .expect(201);
    expect(av.body).toMatchObject({ kind: 'av-recording', version: 1 });
    expect((await http().get('/api/v1/agencies/BT/enforcement-items').expect(200)).body.version).toBe(1);

    const published = await outboxEvents(registry().dataSource, 'cn.lep.registry.item-list.published.v1');
    expect(published.map((row) => [row.event.data.kind, row.event.data.version])).toEqual([
      ['review-catalog', 1],
      ['review-catalog', 2],
      ['enforcement-items', 1],
      ['av-recording', 1],
    ]);
    expect(published[0].topic).toBe('lep.registry.disclosure.v1');
  });

  it('refuses a list with a duplicate item code, naming the entry', async () => {
    const answer = await http()
      .post('/api/v1/agencies/BT/enforcement-items')
      .send({ items: [ENFORCEMENT_ITEM, ENFORCEMENT_ITEM] })
      .expect(400);
    expect(answer.body.violations[0].field).toBe('items.1.code');
  });
});
