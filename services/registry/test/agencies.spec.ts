import { agencyBody, uscc } from './support/fixtures';
import { outboxEvents, useRegistryApp } from './support/registry-app';

describe('agencies', () => {
  const registry = useRegistryApp('registry_agencies');
  const http = () => registry().client();

  beforeAll(async () => {
    await http().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await http().post('/api/v1/agencies').send(agencyBody('BT-8', 'BT')).expect(201);
    await http()
      .post('/api/v1/agencies')
      .send(
        agencyBody('BT-8-SJ', 'BT-8', {
          level: 'department',
          legalReviewBody: { name: '八师法制办', agencyCode: 'BT-8' },
        }),
      )
      .expect(201);
    await http().post('/api/v1/agencies').send(agencyBody('BT-1', 'BT')).expect(201);
  });

  it('lists every descendant of 兵团 across levels, and none of a leaf', async () => {
    const all = await http().get('/api/v1/agencies/BT/descendants').expect(200);
    expect(all.body.map((agency: { code: string }) => agency.code)).toEqual(['BT-1', 'BT-8', 'BT-8-SJ']);
    const division = await http().get('/api/v1/agencies/BT-8/descendants').expect(200);
    expect(division.body.map((agency: { code: string }) => agency.code)).toEqual(['BT-8-SJ']);
    expect((await http().get('/api/v1/agencies/BT-8-SJ/descendants').expect(200)).body).toEqual([]);
  });

  it('keeps the legal review body with the agency that hosts it', async () => {
    const agency = await http().get('/api/v1/agencies/BT-8-SJ').expect(200);
    expect(agency.body.legalReviewBody).toEqual({ name: '八师法制办', agencyCode: 'BT-8' });
    expect(agency.body.region).toBe('xinjiang');
  });

  it('refuses a unified social credit code whose check character is wrong', async () => {
    const valid = uscc(990001);
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const answer = await http()
      .post('/api/v1/agencies')
      .send(agencyBody('BT-9', 'BT', { unifiedSocialCreditCode: wrongCheck }))
      .expect(400);
    expect(answer.body.code).toBe('INVALID_USCC');
    expect(answer.body.violations[0].field).toBe('unifiedSocialCreditCode');
  });

  it('refuses a second 兵团 and a parent that would make a cycle', async () => {
    expect(
      (
        await http()
          .post('/api/v1/agencies')
          .send(agencyBody('BT-X', undefined, { level: 'division' }))
          .expect(400)
      ).body.code,
    ).toBe('AGENCY_PARENT_INVALID');
    const current = (await http().get('/api/v1/agencies/BT-8').expect(200)).body;
    const { code: _code, ...rest } = current;
    const cycle = await http()
      .put('/api/v1/agencies/BT-8')
      .send({ ...rest, parentCode: 'BT-8-SJ' })
      .expect(400);
    expect(cycle.body.code).toBe('AGENCY_CYCLE');
  });

  it('updates an agency and discloses the change in the same transaction', async () => {
    const current = (await http().get('/api/v1/agencies/BT-1').expect(200)).body;
    const { code: _code, ...rest } = current;
    await http()
      .put('/api/v1/agencies/BT-1')
      .send({ ...rest, name: '第一师阿拉尔市' })
      .expect(200);
    const events = await outboxEvents(registry().dataSource, 'cn.lep.registry.agency.changed.v1');
    const last = events.filter((row) => row.message_key === 'BT-1').at(-1);
    expect(last?.topic).toBe('lep.registry.disclosure.v1');
    expect(last?.event.source).toBe('/lep/registry');
    expect(last?.event.data).toMatchObject({ code: 'BT-1', name: '第一师阿拉尔市', removed: false });
  });

  it('refuses to delete an agency with children, deletes a leaf and discloses the removal', async () => {
    expect((await http().delete('/api/v1/agencies/BT-8').expect(409)).body.code).toBe('AGENCY_HAS_CHILDREN');
    await http().delete('/api/v1/agencies/BT-1').expect(204);
    expect((await http().get('/api/v1/agencies/BT-1').expect(404)).body.code).toBe('AGENCY_NOT_FOUND');
    const events = await outboxEvents(registry().dataSource, 'cn.lep.registry.agency.changed.v1');
    expect(events.at(-1)?.event.data).toMatchObject({ code: 'BT-1', removed: true });
  });

  it('writes no event when the change is refused', async () => {
    const before = (await outboxEvents(registry().dataSource)).length;
    await http().post('/api/v1/agencies').send(agencyBody('BT-8', 'BT')).expect(409);
    expect((await outboxEvents(registry().dataSource)).length).toBe(before);
  });

  it('discloses remedy channels, supervision and complaint channels, kept when an update leaves them out', async () => {
    const current = (await http().get('/api/v1/agencies/BT-8').expect(200)).body;
    expect(current).toMatchObject({
      remedyChannels: null,
      supervisionMethods: null,
      complaintChannels: null,
    });
    const { code: _code, ...rest } = current;
    const channels = {
      remedyChannels:
        '对行政处罚决定不服的，可在六十日内向第八师石河子市人民政府申请行政复议，或在六个月内向石河子市人民法院提起行政诉讼',
      supervisionMethods: '第八师司法局行政执法监督科监督；兵团行政执法监督平台',
      complaintChannels: '投诉举报电话 12345；石河子市北四路 1 号',
    };
    await http()
      .put('/api/v1/agencies/BT-8')
      .send({ ...rest, ...channels })
      .expect(200);
    const {
      remedyChannels: _r,
      supervisionMethods: _s,
      complaintChannels: _c,
      ...withoutChannels
    } = {
      ...rest,
      ...channels,
    };
    const renamed = await http()
      .put('/api/v1/agencies/BT-8')
      .send({ ...withoutChannels, name: '第八师石河子市' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: '第八师石河子市', ...channels });
    const events = await outboxEvents(registry().dataSource, 'cn.lep.registry.agency.changed.v1');
    expect(events.filter((row) => row.message_key === 'BT-8').at(-1)?.event.data).toMatchObject(channels);
    const cleared = await http()
      .put('/api/v1/agencies/BT-8')
      .send({ ...withoutChannels, complaintChannels: '' })
      .expect(200);
    expect(cleared.body).toMatchObject({ complaintChannels: null, remedyChannels: channels.remedyChannels });
  });
});
