import {
  createCloudEvent,
  INSPECTION_EVENT_TYPES,
  REGISTRY_EVENT_SOURCE,
  REGISTRY_EVENT_TYPES,
} from '@lep/contracts';
import { decisionMadeEvent, penaltyDecision } from './support/decisions';
import { deliverInspectionPlan } from './support/inspection-events';
import { until, usePublicationApp } from './support/publication-app';

const publication = usePublicationApp('pub_public_api', {
  startsAt: new Date('2026-10-20T10:00:00+08:00'),
  rateLimitPerMinute: 40,
});

/** A well-formed decision id no decision has. */
const NO_SUCH_DECISION = encodeURIComponent('case-BT-SC-01.兵师市监罚〔2026〕不存在号-D1');

function ids(body: { items: Array<{ decisionId: string }> }): string[] {
  return body.items.map((item) => item.decisionId);
}

describe('public decisions API', () => {
  const company = penaltyDecision({
    agencyCode: 'BT-SC-02',
    decidedOn: '2026-10-12',
    party: { type: 'legal-person', name: '石河子市天山建材有限公司', creditCode: '91659001MA78ABCD1E' },
  });
  const person = penaltyDecision({ decidedOn: '2026-10-15' });
  const licence = penaltyDecision({
    category: 'licensing',
    decidedOn: '2026-10-16',
    penalty: undefined,
    licensing: {
      documentTitle: '准予行政许可决定书',
      licenceKind: '普通',
      content: '准予从事食品销售经营',
      validFrom: '2026-10-16',
      validTo: '2031-10-15',
      granted: true,
    },
  });

  beforeAll(async () => {
    for (const decision of [company, person, licence])
      await publication().deliver(decisionMadeEvent(decision));
    await until(
      async () => (await publication().anonymous().get('/api/v1/public/decisions')).body.total === 3,
    );
  });

  it('filters by agency, category, date range, party name or credit code and keyword, and pages', async () => {
    const client = publication().anonymous();
    const query = async (params: Record<string, string | number>) =>
      ids((await client.get('/api/v1/public/decisions').query(params).expect(200)).body);

    expect(await query({})).toEqual([licence.decisionId, person.decisionId, company.decisionId]);
    expect(await query({ agency: 'BT-SC-02' })).toEqual([company.decisionId]);
    expect(await query({ category: 'licensing' })).toEqual([licence.decisionId]);
    expect(await query({ from: '2026-10-13', to: '2026-10-15' })).toEqual([person.decisionId]);
    expect(await query({ party: '91659001MA78ABCD1E' })).toEqual([company.decisionId]);
    expect(await query({ party: '天山建材' })).toEqual([company.decisionId]);
    expect(await query({ party: '张某' })).toEqual([licence.decisionId, person.decisionId]);
    expect(await query({ keyword: '食品销售' })).toEqual([licence.decisionId]);
    const page2 = await client.get('/api/v1/public/decisions').query({ page: 2, pageSize: 2 }).expect(200);
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(page2.body)).toEqual([company.decisionId]);
  });

  it('rejects bad filters with 400 naming the field', async () => {
    const response = await publication()
      .anonymous()
      .get('/api/v1/public/decisions')
      .query({ category: 'fine', from: '2026-13-01', pageSize: 1000 })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.violations.map((violation: { field: string }) => violation.field).sort()).toEqual([
      'category',
      'from',
      'pageSize',
    ]);
    await publication().anonymous().get(`/api/v1/public/decisions/${NO_SUCH_DECISION}`).expect(404);
  });

  it('serves pre-disclosure from registry events, a newer event replacing an older one', async () => {
    const agencyEvent = (name: string, time: Date) =>
      createCloudEvent({
        source: REGISTRY_EVENT_SOURCE,
        type: REGISTRY_EVENT_TYPES.agencyChanged,
        subject: 'BT-SC-01',
        time,
        data: {
          code: 'BT-SC-01',
          name,
          level: 'division',
          parentCode: 'BT',
          unifiedSocialCreditCode: '11659002MB1234567X',
          legalBasis: '《中华人民共和国食品安全法》',
          dutiesAndPowers: '市场监督管理',
          region: 'national',
          legalReviewBody: { name: '第一师司法局', agencyCode: 'BT-SF-01' },
          removed: false,
        },
      });
    await publication().deliver(agencyEvent('第一师市场监督管理局（新）', new Date('2026-10-02T00:00:00Z')));
    // An older event delivered late changes nothing.
    await publication().deliver(agencyEvent('第一师市场监督管理局（旧）', new Date('2026-10-01T00:00:00Z')));
    const list = await publication().anonymous().get('/api/v1/public/pre-disclosure/agencies').expect(200);
    expect(list.body.items.map((item: { title: string }) => item.title)).toEqual([
      '第一师市场监督管理局（新）',
    ]);
    const entry = await publication()
      .anonymous()
      .get('/api/v1/public/pre-disclosure/agencies/BT-SC-01')
      .expect(200);
    expect(entry.body.data).toMatchObject({ parentCode: 'BT' });
    await publication().anonymous().get('/api/v1/public/pre-disclosure/cases').expect(400);
  });

  it('serves double-random plans, draws (a voided draw with its reason) and results', async () => {
    const plan = { planId: 'plan-2026-07', agencyCode: 'BT-SC-01' };
    await deliverInspectionPlan(publication(), {
      ...plan,
      subject: '食品销售者落实进货查验制度情况',
      scope: '阿拉尔市城区食品销售者',
      targetCount: 2,
      plannedStart: '2026-10-19',
      plannedEnd: '2026-10-30',
      disclosedAt: '2026-10-10T02:00:00Z',
      pools: { targets: ['T1', 'T2'], inspectors: ['P1', 'P2'], relations: [] },
      results: [
        {
          target: { code: 'T1', name: '阿拉尔市塔河超市' },
          inspectors: [{ personnelId: 'P1', name: '王执法', certificateNumber: 'BT0001' }],
          outcome: 'no-problem',
          findings: '未发现问题',
          inspectedOn: '2026-10-21',
        },
      ],
      publishedAt: '2026-10-22T02:00:00Z',
    });
    const client = publication().anonymous();
    const plans = await client.get('/api/v1/public/inspections/plans').expect(200);
    expect(plans.body.items.map((item: { title: string }) => item.title)).toEqual([
      '食品销售者落实进货查验制度情况',
    ]);
    const draws = await client
      .get('/api/v1/public/inspections/draws')
      .query({ planId: plan.planId })
      .expect(200);
    expect(
      draws.body.items.map((item: { key: string; data: { voided?: boolean; reason?: string } }) => [
        item.key,
        item.data.voided ?? false,
        item.data.reason ?? null,
      ]),
    ).toEqual([
      ['draw-1', true, '检查人员名单有误，重新抽取'],
      ['draw-2', false, null],
    ]);
    const results = await client
      .get('/api/v1/public/inspections/results')
      .query({ agency: 'BT-SC-01' })
      .expect(200);
    expect(results.body.items[0].data).toMatchObject({ drawId: 'draw-2', seed: 'c'.repeat(64) });
    await client.get('/api/v1/public/inspections/cases').expect(400);
  });

  it('masks natural persons among inspection targets and personal data in every finding (domain.md §4)', async () => {
    const result = (target: object, findings: string) => ({
      target,
      inspectors: [{ personnelId: 'P1', name: '王执法', certificateNumber: 'BT0001' }],
      outcome: 'problem-found',
      findings,
      inspectedOn: '2026-10-21',
    });
    await publication().deliver(
      createCloudEvent({
        source: REGISTRY_EVENT_SOURCE,
        type: INSPECTION_EVENT_TYPES.resultsPublished,
        subject: 'plan-2026-08',
        time: new Date('2026-10-22T03:00:00Z'),
        data: {
          planId: 'plan-2026-08',
          agencyCode: 'BT-SC-03',
          drawId: 'draw-3',
          seed: 'd'.repeat(64),
          pools: { targets: ['P-0001', 'RD-0002', '91659002MA77XQ1P3L'], inspectors: ['P1'], relations: [] },
          results: [
            result(
              { code: 'P-0001', name: '艾力·买买提', partyType: 'natural-person' },
              '艾力·买买提（手机18999012345）未在摊位公示健康证明，家住阿拉尔市幸福路8号3栋201室。',
            ),
            // An event without a party type, and a code that is no credit code: a person, privacy first.
            result({ code: 'RD-0002', name: '李建华' }, '李建华未建立进货台账。'),
            result(
              { code: '91659002MA77XQ1P3L', name: '阿拉尔市塔河食品有限公司', partyType: 'legal-person' },
              '仓库负责人电话0997-4621234，现场发现过期牛奶12箱。',
            ),
          ],
          publishedAt: '2026-10-22T03:00:00Z',
        },
      }),
    );
    const answer = await publication()
      .anonymous()
      .get('/api/v1/public/inspections/results')
      .query({ agency: 'BT-SC-03' })
      .expect(200);
    const published = answer.body.items[0].data as {
      pools: { targets: string[] };
      results: Array<{ target: { code: string; name: string; partyType: string }; findings: string }>;
    };
    expect(published.results.map((row) => row.target)).toEqual([
      { code: 'P-0001', name: '艾某·买某', partyType: 'natural-person' },
      { code: 'RD-0002', name: '李某', partyType: 'natural-person' },
      { code: '91659002MA77XQ1P3L', name: '阿拉尔市塔河食品有限公司', partyType: 'legal-person' },
    ]);
    const text = JSON.stringify(answer.body);
    for (const personal of ['艾力·买买提', '18999012345', '幸福路8号', '李建华', '0997-4621234'])
      expect(text).not.toContain(personal);
    expect(published.results[2]!.findings).toContain('现场发现过期牛奶12箱');
    // The codes stay, so anyone can still check the draw against its pools hash.
    expect(published.pools.targets).toEqual(['P-0001', 'RD-0002', '91659002MA77XQ1P3L']);
  });

  it('limits each client to its per-minute allowance (429 TOO_MANY_REQUESTS)', async () => {
    const client = publication().anonymous();
    const statuses: number[] = [];
    for (let request = 0; request < 45; request += 1) {
      statuses.push((await client.get(`/api/v1/public/decisions/${NO_SUCH_DECISION}`)).status);
    }
    expect(statuses).toContain(429);
    const limited = await client.get('/api/v1/public/decisions').expect(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
  });
});
