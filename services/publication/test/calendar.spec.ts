import { PUBLICATION_EVENT_TYPES } from '@lep/contracts';
import { DisclosureEntity } from '../src/disclosures/disclosure.entity';
import { decisionMadeEvent, penaltyDecision } from './support/decisions';
import { outboxEvents, until, usePublicationApp } from './support/publication-app';

const publication = usePublicationApp('pub_calendar', { startsAt: new Date('2026-12-28T10:00:00+08:00') });

const disclosure = (decisionId: string) =>
  publication().dataSource.getRepository(DisclosureEntity).findOneByOrFail({ decisionId });

describe('working-day calendar kept in the database (DOMAIN §6)', () => {
  it('is seeded from the bundled notices and listed for staff', async () => {
    const response = await publication().staff(['handler'], 'BT-SC-01').get('/api/v1/calendar').expect(200);
    expect(response.body.map((row: { region: string; year: number }) => `${row.region}:${row.year}`)).toEqual(
      ['national:2025', 'xinjiang:2025', 'national:2026'],
    );
  });

  it('never guesses a missing year: publishes, reports the gap, and counts the deadline once the admin enters it', async () => {
    const decision = penaltyDecision({ decidedOn: '2026-12-28', decidedAt: '2026-12-28T02:00:00.000Z' });
    await publication().deliver(decisionMadeEvent(decision));
    const published = await until(async () => {
      const row = await disclosure(decision.decisionId);
      return row.status === 'published' ? row : undefined;
    });
    expect(published).toMatchObject({ deadlineOn: null, publishedOnTime: null });
    const events = (await outboxEvents(publication().dataSource)).filter(
      (row) => row.message_key === decision.decisionId,
    );
    expect(events.map((row) => row.event.type)).toEqual([
      PUBLICATION_EVENT_TYPES.calendarMissing,
      PUBLICATION_EVENT_TYPES.published,
    ]);
    expect(events[0].event.data).toMatchObject({ region: 'national', year: 2027 });
    expect(events[0].event.data.message).toContain('缺少2027年全国节假日安排数据');

    // Only the platform admin enters a year, and only a consistent one.
    const arrangement = {
      daysOff: ['2027-01-01'],
      makeUpWorkingDays: [],
      source: '测试录入：2027年元旦放假',
    };
    await publication()
      .staff(['agency-admin'], 'BT-SC-01')
      .put('/api/v1/calendar/national/2027')
      .send(arrangement)
      .expect(403);
    const outside = await publication()
      .staff(['platform-admin'], 'BT')
      .put('/api/v1/calendar/national/2027')
      .send({ ...arrangement, daysOff: ['2026-12-31'] })
      .expect(400);
    expect(outside.body.code).toBe('INVALID_HOLIDAY_ARRANGEMENT');
    const badDate = await publication()
      .staff(['platform-admin'], 'BT')
      .put('/api/v1/calendar/national/2027')
      .send({ ...arrangement, daysOff: ['2027-02-30'] })
      .expect(400);
    expect(badDate.body.violations[0].field).toMatch(/^daysOff/);

    const saved = await publication()
      .staff(['platform-admin'], 'BT', 'admin-1')
      .put('/api/v1/calendar/national/2027')
      .send(arrangement)
      .expect(200);
    expect(saved.body).toMatchObject({ region: 'national', year: 2027, updatedBy: 'admin-1' });

    // The waiting workflow's retry now counts 12/29, 12/30, 12/31, (1/1 off) 1/4, 1/5, 1/6, 1/7.
    const planned = await until(async () => {
      const row = await disclosure(decision.decisionId);
      return row.deadlineOn ? row : undefined;
    }, 60_000);
    expect(planned).toMatchObject({ deadlineOn: '2027-01-07', publishedOnTime: true });
  });
});
