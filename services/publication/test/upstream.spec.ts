import type { AddressInfo } from 'node:net';
import { generateApiKey, Principal } from '@lep/auth';
import {
  CloudEvent,
  createCloudEvent,
  DisclosureCorrectedData,
  DisclosurePublishedData,
  DisclosureWithdrawnData,
  INSPECTION_EVENT_TYPES,
  PORTAL_EVENT_TYPES,
  PortalEntryChangedData,
  PUBLICATION_EVENT_SOURCE,
  PUBLICATION_EVENT_TYPES,
  REGISTRY_EVENT_SOURCE,
  REGISTRY_EVENT_TYPES,
  STATISTICS_EVENT_SOURCE,
  STATISTICS_EVENT_TYPES,
} from '@lep/contracts';
import { buildPublicRecord } from '../src/disclosures/public-record';
import { createDatabase, dropDatabase, KafkaPeer, startKafka, testPeers } from '@lep/testing';
import { decisionMadeEvent, decisionWithdrawnEvent, penaltyDecision } from './support/decisions';
import { outboxEvents, PublicationTestApp, startPublicationApp, until } from './support/publication-app';

const DECISION_DAY = new Date('2026-09-30T10:00:00+08:00');

/** Agency-system API keys the 兵团 registry would have issued to the 师市 deployments. */
const KEYS = new Map<string, { presented: string; principal: Principal }>(
  ['BT-SC', 'BT-OTHER'].map((agency) => {
    const key = generateApiKey();
    return [
      agency,
      {
        presented: key.presented,
        principal: { kind: 'api-key', subject: key.keyId, agencyCode: agency, roles: ['agency-system'] },
      },
    ];
  }),
);
const systemToken = (agency: string) => KEYS.get(agency)!.presented;

function agencyChanged(code: string, parentCode: string | null, name = `${code} 执法主体`, time?: Date) {
  return createCloudEvent({
    source: REGISTRY_EVENT_SOURCE,
    type: REGISTRY_EVENT_TYPES.agencyChanged,
    subject: code,
    ...(time ? { time } : {}),
    data: {
      code,
      name,
      level: parentCode ? 'division' : 'corps',
      parentCode,
      unifiedSocialCreditCode: `USCC-${code}`,
      legalBasis: '—',
      dutiesAndPowers: '—',
      region: 'national',
      legalReviewBody: { name: '司法局', agencyCode: 'BT-SF' },
      removed: false,
    },
  });
}

/** The disclosure events a 师市 deployment would forward for `decision`, built here to send them in any order. */
function forwardedEvents(decision: ReturnType<typeof penaltyDecision>) {
  const { record } = buildPublicRecord(decision, { namePolicy: 'surname-mou', displayUntil: '2027-09-30' });
  const event = <T>(kind: string, type: string, data: T): CloudEvent<T> =>
    createCloudEvent({
      id: `${decision.decisionId}:${kind}`,
      source: PUBLICATION_EVENT_SOURCE,
      type,
      subject: decision.decisionId,
      data,
    });
  const common = { decisionId: decision.decisionId, agencyCode: decision.agencyCode };
  return {
    published: event<DisclosurePublishedData>('published:v1', PUBLICATION_EVENT_TYPES.published, {
      ...common,
      version: 1,
      publishedAt: '2026-10-09T02:00:00.000Z',
      deadlineOn: '2026-10-15',
      onTime: true,
      record,
    }),
    corrected: event<DisclosureCorrectedData>('corrected:v2', PUBLICATION_EVENT_TYPES.corrected, {
      ...common,
      version: 2,
      reason: '罚款金额笔误',
      correctedAt: '2026-10-10T02:00:00.000Z',
      record: { ...record, documentNumber: `${record.documentNumber}（更正）` },
    }),
    withdrawn: event<DisclosureWithdrawnData>('withdrawn:v2', PUBLICATION_EVENT_TYPES.withdrawn, {
      ...common,
      kind: 'revoked',
      reason: '经复议撤销',
      withdrawnAt: '2026-10-12T02:00:00.000Z',
      withdrawBy: '2026-10-15',
      wasPublished: true,
    }),
  };
}

describe('upward feed (师市 → 兵团)', () => {
  let corps: PublicationTestApp;
  let division: PublicationTestApp;
  let divisionKafka: KafkaPeer;
  const databases: string[] = [];

  beforeAll(async () => {
    const server = testPeers().databaseServerUrl;
    databases.push(await createDatabase(server, 'pub_corps'), await createDatabase(server, 'pub_division'));
    corps = await startPublicationApp(databases[0], {
      startsAt: DECISION_DAY,
      apiKeys: Object.fromEntries([...KEYS.values()].map((key) => [key.presented, key.principal])),
    });
    await corps.app.listen(0, '127.0.0.1');
    const { port } = corps.app.getHttpServer().address() as AddressInfo;
    // The 兵团 level knows the agency tree from its registry's events.
    for (const [code, parent] of [
      ['BT', null],
      ['BT-SC', 'BT'],
      ['BT-SC-01', 'BT-SC'],
    ] as const) {
      await corps.deliver(agencyChanged(code, parent));
    }
    // The 师市 deployment has its own Kafka, as a separate installation would.
    divisionKafka = await startKafka();
    division = await startPublicationApp(databases[1], {
      startsAt: DECISION_DAY,
      kafkaBrokers: divisionKafka.brokers,
      upstream: { url: `http://127.0.0.1:${port}`, token: systemToken('BT-SC') },
    });
  }, 120_000);

  afterAll(async () => {
    await division?.close();
    await corps?.close();
    await divisionKafka?.stop();
    for (const url of databases) await dropDatabase(url);
  });

  it('shows a 师市 decision on the 兵团 portal, then its withdrawal', async () => {
    const decision = penaltyDecision({ agencyCode: 'BT-SC-01' });
    await division.deliver(decisionMadeEvent(decision));
    const shown = await until(async () => {
      const response = await corps.anonymous().get(`/api/v1/public/decisions/${decision.decisionId}`);
      return response.status === 200 ? response.body : undefined;
    }, 60_000);
    expect(shown).toMatchObject({ status: 'published', version: 1, record: { party: { name: '张某' } } });
    expect(JSON.stringify(shown)).not.toContain(decision.party.idNumber);
    const listed = await corps
      .anonymous()
      .get('/api/v1/public/decisions')
      .query({ agency: 'BT-SC-01' })
      .expect(200);
    expect(listed.body.items.map((item: { decisionId: string }) => item.decisionId)).toContain(
      decision.decisionId,
    );

    await division.deliver(
      decisionWithdrawnEvent({
        decisionId: decision.decisionId,
        caseId: decision.caseId,
        agencyCode: decision.agencyCode,
        kind: 'revoked',
        reason: '经复议撤销',
        withdrawnOn: '2026-10-08',
        region: 'national',
      }),
    );
    const withdrawn = await until(async () => {
      const response = await corps.anonymous().get(`/api/v1/public/decisions/${decision.decisionId}`);
      return response.body.status === 'withdrawn' ? response.body : undefined;
    }, 60_000);
    expect(withdrawn.withdrawal).toMatchObject({ kind: '撤销', reason: '经复议撤销' });
  });

  it('applies a redelivered event once, and refuses events of agencies outside the sender’s scope', async () => {
    const decision = penaltyDecision({ agencyCode: 'BT-SC-01' });
    await division.deliver(decisionMadeEvent(decision));
    const [published] = await until(async () => {
      const rows = (await outboxEvents(division.dataSource)).filter(
        (row) => row.message_key === decision.decisionId,
      );
      return rows.length > 0 ? rows : undefined;
    });
    await until(
      async () =>
        (await corps.anonymous().get(`/api/v1/public/decisions/${decision.decisionId}`)).status === 200,
    );
    const again = await corps
      .anonymous()
      .post('/api/v1/feed/disclosures')
      .set('authorization', `Bearer ${systemToken('BT-SC')}`)
      .send(published.event)
      .expect(200);
    expect(again.body).toEqual({ applied: false });

    const foreign = await corps
      .anonymous()
      .post('/api/v1/feed/disclosures')
      .set('authorization', `Bearer ${systemToken('BT-OTHER')}`)
      .send({ ...published.event, id: 'another-id' })
      .expect(403);
    expect(foreign.body.code).toBe('AGENCY_FORBIDDEN');
    await corps.anonymous().post('/api/v1/feed/disclosures').send(published.event).expect(401);
  });

  it('shows the 师市 level’s pre-disclosure, inspection results and annual reports on the 兵团 portal, masked', async () => {
    await division.deliver(agencyChanged('BT-SC-02', 'BT-SC', '第一师阿拉尔市农业农村局'));
    await division.deliver(
      createCloudEvent({
        source: REGISTRY_EVENT_SOURCE,
        type: INSPECTION_EVENT_TYPES.resultsPublished,
        subject: 'plan-sc-1',
        data: {
          planId: 'plan-sc-1',
          drawId: 'draw-sc-1',
          agencyCode: 'BT-SC-02',
          seed: 'e'.repeat(64),
          pools: { targets: ['FARM-1'], inspectors: ['P1', 'P2'], relations: [] },
          results: [
            {
              target: { code: 'FARM-1', name: '王建军', partyType: 'natural-person' },
              inspectors: [{ personnelId: 'P1', name: '李执法', certificateNumber: 'BT0101' }],
              outcome: 'problem-found',
              findings: '王建军（手机13899012345）农药购销台账不全。',
              inspectedOn: '2026-09-20',
            },
          ],
          publishedAt: '2026-09-22T02:00:00Z',
        },
      }),
    );
    await division.deliver(
      createCloudEvent({
        id: 'report-sc-02-2025:published',
        source: STATISTICS_EVENT_SOURCE,
        type: STATISTICS_EVENT_TYPES.reportPublished,
        subject: 'report-sc-02-2025',
        data: {
          reportId: 'report-sc-02-2025',
          agencyCode: 'BT-SC-02',
          agencyName: '第一师阿拉尔市农业农村局',
          year: 2025,
          rollup: true,
          publishedAt: '2026-01-15T02:00:00Z',
          confirmedBy: 'leader-sc-02',
          content: { sections: [], narrative: '全年执法情况良好。' },
        },
      }),
    );
    const client = corps.anonymous();
    const agency = await until(async () => {
      const response = await client.get('/api/v1/public/pre-disclosure/agencies/BT-SC-02');
      return response.status === 200 ? response.body : undefined;
    }, 60_000);
    expect(agency).toMatchObject({ title: '第一师阿拉尔市农业农村局', data: { parentCode: 'BT-SC' } });
    const results = await until(async () => {
      const response = await client.get('/api/v1/public/inspections/results').query({ agency: 'BT-SC-02' });
      return response.body.total === 1 ? response.body.items[0] : undefined;
    }, 60_000);
    expect(results.data.results[0].target).toEqual({
      code: 'FARM-1',
      name: '王某',
      partyType: 'natural-person',
    });
    expect(JSON.stringify(results)).not.toContain('13899012345');
    await until(
      async () => (await client.get('/api/v1/public/annual-reports/BT-SC-02/2025')).status === 200,
      60_000,
    );
    // What went up is what the 师市 portal shows: the same masked entries.
    const own = await division
      .anonymous()
      .get('/api/v1/public/inspections/results')
      .query({ agency: 'BT-SC-02' });
    expect(results.data).toEqual(own.body.items[0].data);
  });

  it('refuses a malformed CloudEvent envelope on either feed, naming each field', async () => {
    const envelope = {
      specversion: '0.3',
      source: 'elsewhere',
      time: 'yesterday',
      datacontenttype: 'text/xml',
    };
    const { published } = forwardedEvents(penaltyDecision({ agencyCode: 'BT-SC-01' }));
    const portalEntry = createCloudEvent({
      id: 'entry-envelope',
      source: PUBLICATION_EVENT_SOURCE,
      type: PORTAL_EVENT_TYPES.entryChanged,
      subject: 'agencies:BT-SC-01',
      data: {
        kind: 'agencies',
        key: 'BT-SC-01',
        agencyCode: 'BT-SC-01',
        parentCode: 'BT-SC',
        title: '第一师阿拉尔市市场监督管理局',
        data: { code: 'BT-SC-01' },
        removed: false,
        changedAt: '2026-10-02T00:00:00.000Z',
      },
    });
    for (const [route, event] of [
      ['/api/v1/feed/disclosures', published],
      ['/api/v1/feed/portal-entries', portalEntry],
    ] as const) {
      const refused = await corps
        .anonymous()
        .post(route)
        .set('authorization', `Bearer ${systemToken('BT-SC')}`)
        .send({ ...event, ...envelope })
        .expect(400);
      const fields = refused.body.violations.map((violation: { field: string }) => violation.field);
      expect([...new Set(fields)].sort()).toEqual(['datacontenttype', 'source', 'specversion', 'time']);
    }
  });

  it('keeps the newer version of a forwarded entry, and lets no 师市 reach beyond its own tree', async () => {
    const entry = (data: Partial<PortalEntryChangedData>, id: string) =>
      createCloudEvent({
        id,
        source: PUBLICATION_EVENT_SOURCE,
        type: PORTAL_EVENT_TYPES.entryChanged,
        subject: `${data.kind ?? 'agencies'}:${data.key ?? 'BT-SC-03'}`,
        data: {
          kind: 'agencies',
          key: 'BT-SC-03',
          agencyCode: 'BT-SC-03',
          parentCode: 'BT-SC',
          title: '第一师阿拉尔市林业局',
          data: { code: 'BT-SC-03' },
          removed: false,
          changedAt: '2026-10-02T00:00:00.000Z',
          ...data,
        },
      });
    const forward = (event: CloudEvent, agency = 'BT-SC') =>
      corps
        .anonymous()
        .post('/api/v1/feed/portal-entries')
        .set('authorization', `Bearer ${systemToken(agency)}`)
        .send(event);
    expect((await forward(entry({}, 'entry-1'))).body).toEqual({ applied: true });
    expect((await forward(entry({}, 'entry-1'))).body).toEqual({ applied: false });
    // An older change arriving late changes nothing.
    await forward(entry({ title: '（旧名称）', changedAt: '2026-10-01T00:00:00.000Z' }, 'entry-0')).expect(
      200,
    );
    const shown = await corps.anonymous().get('/api/v1/public/pre-disclosure/agencies/BT-SC-03').expect(200);
    expect(shown.body.title).toBe('第一师阿拉尔市林业局');

    // Another 师市 may neither add under BT-SC, nor take BT-SC-01 over by naming itself its parent.
    const under = await forward(entry({ key: 'BT-SC-09', agencyCode: 'BT-SC-09' }, 'entry-x1'), 'BT-OTHER');
    expect([under.status, under.body.code]).toEqual([403, 'AGENCY_FORBIDDEN']);
    const hijack = await forward(
      entry({ key: 'BT-SC-01', agencyCode: 'BT-SC-01', parentCode: 'BT-OTHER' }, 'entry-x2'),
      'BT-OTHER',
    );
    expect(hijack.status).toBe(403);
    const report = await forward(
      entry(
        { kind: 'annual-reports', key: 'BT-SC-02:2025', agencyCode: 'BT-SC-02', parentCode: null },
        'entry-x3',
      ),
      'BT-OTHER',
    );
    expect(report.status).toBe(403);
    const mismatch = await forward({ ...entry({}, 'entry-x4'), subject: 'agencies:BT-SC-01' });
    expect([mismatch.status, mismatch.body.code]).toEqual([400, 'FEED_EVENT_INVALID']);
    const bad = await forward(entry({ kind: 'cases' as never, changedAt: 'yesterday' }, 'entry-x5'));
    expect(bad.status).toBe(400);
    expect(bad.body.violations.map((violation: { field: string }) => violation.field).sort()).toEqual([
      'data.changedAt',
      'data.kind',
    ]);
    expect(
      (await corps.anonymous().get('/api/v1/public/pre-disclosure/agencies/BT-SC-01')).body.data,
    ).toMatchObject({
      parentCode: 'BT-SC',
    });
  });

  it('keeps a correction or withdrawal forwarded before its record, and applies it when the record arrives', async () => {
    const forward = (event: CloudEvent) =>
      corps
        .anonymous()
        .post('/api/v1/feed/disclosures')
        .set('authorization', `Bearer ${systemToken('BT-SC')}`)
        .send(event)
        .expect(200);
    const shown = async (decisionId: string) =>
      corps.anonymous().get(`/api/v1/public/decisions/${decisionId}`);

    const corrected = forwardedEvents(penaltyDecision({ agencyCode: 'BT-SC-01' }));
    await forward(corrected.corrected);
    expect((await shown(corrected.published.subject)).status).toBe(404);
    await forward(corrected.published);
    const correctedView = await shown(corrected.published.subject);
    expect(correctedView.body).toMatchObject({
      status: 'published',
      version: 2,
      publishedAt: '2026-10-09T02:00:00.000Z',
      record: { documentNumber: corrected.corrected.data.record.documentNumber },
    });

    const withdrawn = forwardedEvents(penaltyDecision({ agencyCode: 'BT-SC-01' }));
    await forward(withdrawn.withdrawn);
    expect((await shown(withdrawn.published.subject)).status).toBe(404);
    await forward(withdrawn.published);
    const withdrawnView = await shown(withdrawn.published.subject);
    expect(withdrawnView.body).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '经复议撤销' } });
    expect(withdrawnView.body.record).not.toHaveProperty('penalty');
    expect(await corps.dataSource.query(`SELECT event_id FROM parked_event`)).toEqual([]);
  });
});
