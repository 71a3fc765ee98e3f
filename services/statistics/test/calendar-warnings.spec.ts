import {
  CASE_EVENT_SOURCE,
  CASE_EVENT_TYPES,
  CaseDeadlineProvisionalData,
  CloudEvent,
  createCloudEvent,
  DisclosureDeadlineProvisionalData,
  PUBLICATION_EVENT_SOURCE,
  PUBLICATION_EVENT_TYPES,
  REGISTRY_EVENT_SOURCE,
  REGISTRY_EVENT_TYPES,
} from '@lep/contracts';
import { CalendarCheck } from '../src/warnings/calendar-check';
import { caseRef } from './support/events';
import { AGENCY_EVENTS, BINGTUAN, SHI_1_MARKET } from './support/scenario';
import { useStatisticsApp } from './support/statistics-app';

const XINJIANG_2026 = {
  missing: [{ region: 'xinjiang', year: 2026 }],
  reason:
    '缺少2026年新疆维吾尔自治区节假日安排，暂按全国节假日安排计算（未计入该地区的节假日）。结果为暂定，录入该年度放假安排后重新计算',
};

function raw<T>(source: string, type: string, subject: string, data: T): CloudEvent<T> {
  return createCloudEvent({ source, type, subject, data, time: new Date('2026-12-04T02:00:00Z') });
}

interface WarningRow {
  subject: string;
  agency_code: string;
  severity: string;
  state: string;
  message: string;
}

describe('calendar warnings: a year the deadlines need and the registry lacks', () => {
  const statistics = useStatisticsApp('stat_calendar', { registry: true });
  const warnings = (): Promise<WarningRow[]> =>
    statistics().dataSource.query(
      `SELECT subject, agency_code, severity, state, message FROM warning
        WHERE kind = 'calendar-missing' ORDER BY subject`,
    );

  beforeAll(async () => {
    for (const event of AGENCY_EVENTS) await statistics().deliver(event);
  });

  it('warns the agency whose deadline was counted provisionally, once per year, and clears when it is loaded', async () => {
    const ref = caseRef('2026-001', SHI_1_MARKET, 'penalty');
    await statistics().deliver(
      raw(CASE_EVENT_SOURCE, CASE_EVENT_TYPES.deadlineProvisional, ref.caseId, {
        ...ref,
        deadline: 'hearing-window',
        dueAt: '2026-12-11T16:00:00.000Z',
        provisional: XINJIANG_2026,
      } satisfies CaseDeadlineProvisionalData),
    );
    await statistics().deliver(
      raw(PUBLICATION_EVENT_SOURCE, PUBLICATION_EVENT_TYPES.deadlineProvisional, 'D-1', {
        decisionId: 'D-1',
        agencyCode: SHI_1_MARKET,
        region: 'xinjiang',
        deadlineOn: '2026-12-14',
        provisional: XINJIANG_2026,
      } satisfies DisclosureDeadlineProvisionalData),
    );
    expect(await warnings()).toEqual([
      {
        subject: `xinjiang:2026:${SHI_1_MARKET}`,
        agency_code: SHI_1_MARKET,
        severity: 'past',
        state: 'raised',
        message: `缺少2026年新疆维吾尔自治区节假日安排，案件 ${ref.caseNumber} 的期限已暂定计算；请平台管理员依据放假通知在登记服务录入该年度，录入后自动重新计算`,
      },
    ]);
    const listed = await statistics()
      .staff(['leader'], BINGTUAN)
      .get('/api/v1/warnings')
      .query({ agency: BINGTUAN })
      .expect(200);
    expect(listed.body.map((warning: { kindName: string }) => warning.kindName)).toContain('节假日安排缺失');

    await statistics().deliver(
      raw(REGISTRY_EVENT_SOURCE, REGISTRY_EVENT_TYPES.calendarYearChanged, 'calendar/xinjiang/2026', {
        region: 'xinjiang',
        year: 2026,
        revision: 1,
      }),
    );
    expect((await warnings()).map((row) => row.state)).toEqual(['cleared']);
  });

  it('checks daily before anything needs the year: this year always, the coming year from 1 November', async () => {
    const check = statistics().app.get(CalendarCheck);
    // The registry holds its seed: national 2025 and 2026, Xinjiang 2025. Every agency here counts on Xinjiang.
    await check.check('2026-06-01T00:00:00Z');
    const open = async () =>
      (await warnings())
        .filter((row) => row.state === 'raised')
        .map((row) => `${row.subject} ${row.severity}`);
    expect(await open()).toEqual([`xinjiang:2026:${BINGTUAN} near`]);

    await check.check('2026-11-01T00:00:00Z');
    expect(await open()).toEqual([
      `national:2027:${BINGTUAN} near`,
      `xinjiang:2026:${BINGTUAN} near`,
      `xinjiang:2027:${BINGTUAN} near`,
    ]);
    const [national] = (await warnings()).filter((row) => row.subject.startsWith('national:2027'));
    expect(national.message).toBe(
      '2027年全国节假日安排尚未录入，该年度的期限届时只能暂定计算；请平台管理员依据放假通知在登记服务录入',
    );

    await statistics().registry!.call('PUT', '/api/v1/calendar/national/2027', {
      daysOff: ['2027-01-01'],
      makeUpWorkingDays: [],
      source: {
        title: '测试用全国放假安排（非真实通知）',
        number: null,
        issuedOn: null,
        confidence: 'official',
      },
    });
    await check.check('2026-11-02T00:00:00Z');
    expect(await open()).toEqual([`xinjiang:2026:${BINGTUAN} near`, `xinjiang:2027:${BINGTUAN} near`]);
  });
});
