import {
  CalendarYearChangedData,
  createCloudEvent,
  PUBLICATION_EVENT_TYPES,
  REGISTRY_EVENT_SOURCE,
  REGISTRY_EVENT_TYPES,
} from '@lep/contracts';
import { DisclosureEntity } from '../src/disclosures/disclosure.entity';
import { decisionMadeEvent, decisionWithdrawnEvent, penaltyDecision } from './support/decisions';
import { outboxEvents, until, usePublicationApp } from './support/publication-app';

// Decided on Monday 28 December 2026: the 7 working days reach into 2027, a year the registry holds no notice of.
const publication = usePublicationApp('pub_calendar', { startsAt: new Date('2026-12-28T10:00:00+08:00') });
const DECIDED = { decidedOn: '2026-12-28', decidedAt: '2026-12-28T02:00:00.000Z' };
const HEALTH_NOTE = '当事人自述患有高血压，';

const disclosure = (decisionId: string) =>
  publication().dataSource.getRepository(DisclosureEntity).findOneByOrFail({ decisionId });

describe('deadlines on the registry’s calendar: provisional without a year’s notice, never a hang', () => {
  const published = penaltyDecision(DECIDED);
  const waiting = penaltyDecision(DECIDED);
  const withdrawn = penaltyDecision(DECIDED);
  // The app's clock is held on 28 December (the harness moves it only on sleep): nothing skips ahead to the
  // deadline timers while the test looks.

  it('counts into 2027 on weekends alone, publishes on time, and says why the deadline is provisional', async () => {
    await publication().receive(decisionMadeEvent(published));
    const row = await until(async () => {
      const current = await disclosure(published.decisionId);
      return current.status === 'published' ? current : undefined;
    });
    // 29, 30, 31 December, then 1 (not known to be a holiday), 4, 5, 6 January.
    expect(row).toMatchObject({ deadlineOn: '2027-01-06', publishedOnTime: true });
    expect(row.deadlineProvisional?.missing).toEqual([{ region: 'national', year: 2027 }]);

    const view = await publication()
      .staff(['handler'], 'BT-SC-01')
      .get(`/api/v1/disclosures/${published.decisionId}`)
      .expect(200);
    expect(view.body.deadlineProvisional).toBe(
      '缺少2027年全国节假日安排，暂按周六、周日休息计算。结果为暂定，录入该年度放假安排后重新计算',
    );
    const events = (await outboxEvents(publication().dataSource)).filter(
      (event) => event.message_key === published.decisionId,
    );
    expect(events.map((event) => event.event.type)).toEqual([
      PUBLICATION_EVENT_TYPES.deadlineProvisional,
      PUBLICATION_EVENT_TYPES.published,
    ]);
    expect(events[0].event.data).toMatchObject({ deadlineOn: '2027-01-06', region: 'national' });
    expect(events[1].event.data).toMatchObject({
      deadlineOn: '2027-01-06',
      deadlineProvisional: { missing: [{ region: 'national', year: 2027 }] },
    });
  });

  it('counts every provisional deadline again once the registry announces the year', async () => {
    await publication().receive(
      decisionMadeEvent({
        ...waiting,
        penalty: { ...waiting.penalty!, facts: HEALTH_NOTE + waiting.penalty!.facts },
      }),
    );
    await publication().receive(decisionMadeEvent(withdrawn));
    await publication().deliver(
      decisionWithdrawnEvent({
        decisionId: withdrawn.decisionId,
        caseId: withdrawn.caseId,
        agencyCode: withdrawn.agencyCode,
        kind: 'revoked',
        reason: '复议机关撤销',
        withdrawnOn: '2026-12-30',
        region: 'national',
      }),
    );
    const status = () => publication().workflows.status(waiting.decisionId);
    await until(async () => (await status()).deadlineProvisional);
    // 31 December, 1 and 4 January: provisional too.
    expect((await disclosure(withdrawn.decisionId)).withdrawal).toMatchObject({
      withdrawBy: '2027-01-04',
      withdrawByProvisional: { missing: [{ region: 'national', year: 2027 }] },
    });

    const loaded = await publication().registry.call<CalendarYearChangedData>(
      'PUT',
      '/api/v1/calendar/national/2027',
      {
        daysOff: ['2027-01-01'],
        makeUpWorkingDays: [],
        source: {
          title: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
          number: null,
          issuedOn: null,
          confidence: 'official',
        },
      },
    );
    await publication().deliver(
      createCloudEvent({
        source: REGISTRY_EVENT_SOURCE,
        type: REGISTRY_EVENT_TYPES.calendarYearChanged,
        subject: 'calendar/national/2027',
        data: loaded,
      }),
    );

    // With 1 January off: 29, 30, 31 December, 4, 5, 6, 7 January.
    expect(await disclosure(published.decisionId)).toMatchObject({
      deadlineOn: '2027-01-07',
      deadlineProvisional: null,
      publishedOnTime: true,
    });
    expect(await disclosure(waiting.decisionId)).toMatchObject({
      deadlineOn: '2027-01-07',
      deadlineProvisional: null,
    });
    const replanned = await until(async () => {
      const current = await status();
      return current.deadlineProvisional === null ? current : undefined;
    });
    expect(replanned).toMatchObject({ outcome: 'waiting', deadlineOn: '2027-01-07' });
    expect((await disclosure(withdrawn.decisionId)).withdrawal).toMatchObject({
      withdrawBy: '2027-01-05',
      withdrawByProvisional: null,
    });
  });
});
