import { CalendarClient, CalendarUnavailableError } from '@lep/calendar';
import { REGISTRY_EVENT_TYPES, TOPICS } from '@lep/contracts';
import request from 'supertest';
import { outboxEvents, useRegistryApp } from './support/registry-app';

const NATIONAL_2027 = {
  daysOff: ['2027-01-01', '2027-02-08'],
  makeUpWorkingDays: ['2027-02-06'],
  source: {
    title: '国务院办公厅关于2027年部分节假日安排的通知（测试用，非真实日期）',
    number: null,
    issuedOn: '2026-11-05',
    confidence: 'official',
  },
};

describe('the working-day calendar, owned by the registry (docs/domain.md §6)', () => {
  const registry = useRegistryApp('registry_calendar');
  const anonymous = () => request.agent(registry().app.getHttpServer());
  const admin = () => registry().client({ roles: ['platform-admin'], agency: 'XPCC' });

  it('is seeded with the known notices, each with its source, and read without a credential', async () => {
    const years = (await anonymous().get('/api/v1/calendar').expect(200)).body;
    expect(years.map((row: { region: string; year: number }) => `${row.region}:${row.year}`)).toEqual([
      'national:2025',
      'xinjiang:2025',
      'national:2026',
    ]);
    expect(years[0]).toMatchObject({
      revision: 1,
      loadedBy: 'seed',
      source: {
        title: '国务院办公厅关于2025年部分节假日安排的通知',
        number: '国办发明电〔2024〕12号',
        issuedOn: '2024-11-12',
        confidence: 'official-copy',
      },
    });
    const year = (await anonymous().get('/api/v1/calendar/xinjiang/2025').expect(200)).body;
    expect(year.daysOff).toEqual(['2025-03-31', '2025-06-06', '2025-06-09', '2025-06-10']);
  });

  it('has no 2026 Xinjiang notice: only a secondary report exists, and no date is guessed', async () => {
    const missing = await anonymous().get('/api/v1/calendar/xinjiang/2026').expect(404);
    expect(missing.body).toMatchObject({
      code: 'CALENDAR_YEAR_NOT_LOADED',
      message: '2026年新疆维吾尔自治区节假日安排尚未录入',
    });
  });

  it('is loaded only by a platform admin, and only consistently, naming the field and the rule', async () => {
    await anonymous().put('/api/v1/calendar/national/2027').send(NATIONAL_2027).expect(401);
    await registry()
      .client({ roles: ['agency-admin'], agency: 'BT' })
      .put('/api/v1/calendar/national/2027')
      .send(NATIONAL_2027)
      .expect(403);
    const weekend = await admin()
      .put('/api/v1/calendar/national/2027')
      .send({ ...NATIONAL_2027, daysOff: ['2027-01-01', '2027-01-02'] })
      .expect(400);
    expect(weekend.body).toMatchObject({ code: 'INVALID_CALENDAR_YEAR' });
    expect(weekend.body.violations).toEqual([
      {
        field: 'daysOff[1]',
        rule: 'weekday',
        message: '2027年全国节假日安排中的放假日2027-01-02是周六或周日，只需列出放假的工作日',
      },
    ]);
    const outside = await admin()
      .put('/api/v1/calendar/national/2027')
      .send({ ...NATIONAL_2027, makeUpWorkingDays: ['2026-12-26'] })
      .expect(400);
    expect(outside.body.violations[0]).toMatchObject({ field: 'makeUpWorkingDays[0]', rule: 'inYear' });
    const reported = await admin()
      .put('/api/v1/calendar/xinjiang/2026')
      .send({ ...NATIONAL_2027, daysOff: [], source: { ...NATIONAL_2027.source, confidence: 'reported' } })
      .expect(400);
    expect(reported.body.violations[0]).toMatchObject({ field: 'source.confidence', rule: 'isIn' });
    await anonymous().get('/api/v1/calendar/national/2027').expect(404);
  });

  it('announces a loaded year on its topic, replaces it by revision, and ignores an identical load', async () => {
    const created = await admin().put('/api/v1/calendar/national/2027').send(NATIONAL_2027).expect(201);
    expect(created.body).toMatchObject({
      region: 'national',
      year: 2027,
      revision: 1,
      loadedBy: 'test-staff',
    });
    await admin().put('/api/v1/calendar/national/2027').send(NATIONAL_2027).expect(200);
    const corrected = await admin()
      .put('/api/v1/calendar/national/2027')
      .send({ ...NATIONAL_2027, daysOff: ['2027-01-01'] })
      .expect(200);
    expect(corrected.body).toMatchObject({ revision: 2, daysOff: ['2027-01-01'] });

    const events = await outboxEvents(registry().dataSource, REGISTRY_EVENT_TYPES.calendarYearChanged);
    expect(
      events.map((row) => [row.topic, row.message_key, row.event.subject, row.event.data.revision]),
    ).toEqual([
      [TOPICS.registryCalendar.name, 'national', 'calendar/national/2027', 1],
      [TOPICS.registryCalendar.name, 'national', 'calendar/national/2027', 2],
    ]);
    // Both revisions are kept: what a deadline was once counted on can be read again.
    const revisions: { revision: number }[] = await registry().dataSource.query(
      `SELECT revision FROM calendar_year WHERE region = 'national' AND year = 2027 ORDER BY revision`,
    );
    expect(revisions.map((row) => row.revision)).toEqual([1, 2]);
    const audited: { content: { method: string; path: string; status: number } }[] =
      await registry().dataSource.query(`SELECT content FROM audit_entry ORDER BY sequence`);
    expect(
      audited
        .map((row) => row.content)
        .filter((entry) => entry.path === '/api/v1/calendar/national/2027' && entry.status < 300)
        .map((entry) => entry.status),
    ).toEqual([201, 200, 200]);
  });
});

describe('CalendarClient, the one way services read the calendar', () => {
  const registry = useRegistryApp('registry_calendar_client');
  let url = '';
  const admin = () => registry().client({ roles: ['platform-admin'], agency: 'XPCC' });

  beforeAll(async () => {
    await registry().app.listen(0, '127.0.0.1');
    url = await registry().app.getUrl();
  });

  it('counts provisionally past the loaded years and exactly once a year is loaded, without waiting for its cache', async () => {
    const client = new CalendarClient({ registryUrl: url, cacheSeconds: 3600 });
    const before = await client.count((calendar) => calendar.addWorkingDays('2026-12-24', 7));
    expect(before.value).toBe('2027-01-04');
    expect(before.provisional?.missing).toEqual([{ region: 'national', year: 2027 }]);

    await admin().put('/api/v1/calendar/national/2027').send(NATIONAL_2027).expect(201);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The cached copy (an hour's worth) lacks 2027; a provisional answer is counted again on a fresh read.
    const after = await client.count((calendar) => calendar.addWorkingDays('2026-12-24', 7));
    expect(after).toEqual({ value: '2027-01-05', provisional: null });
  });

  it('serves its last copy while the registry cannot be read, and says so when it has none', async () => {
    const client = new CalendarClient({ registryUrl: url, cacheSeconds: 0 });
    const copy = await client.current();
    const unreachable = new CalendarClient({ registryUrl: 'http://127.0.0.1:1', timeoutMs: 1000 });
    await expect(unreachable.current()).rejects.toBeInstanceOf(CalendarUnavailableError);
    await registry().app.close();
    expect(await client.current()).toBe(copy);
  });
});
