import type { CaseFiledData, CloudEvent } from '@lep/contracts';
import { caseRef, caseFiled, decisionMade } from './support/events';
import { AGENCY_EVENTS, BINGTUAN, SHI_2 } from './support/scenario';
import { until, useStatisticsApp } from './support/statistics-app';

// New Year's Day 2026, 10:00 Beijing time: the 2025 reports are built on the first working day, 4 January.
const NEW_YEAR = new Date('2026-01-01T10:00:00+08:00');

/** The case.filed the case workflow sends for an application it accepted or not (domain.md P7a). */
function applicationFiled(caseId: string, filedOn: string, accepted: boolean): CloudEvent {
  const filed = caseFiled(caseRef(caseId, SHI_2, 'licensing'), filedOn);
  return { ...filed, data: { ...(filed.data as CaseFiledData), applicationAccepted: accepted } };
}

/** 申请数 and 受理数 of the annual report come apart: an application not accepted (不予受理) is only applied for. */
describe('annual report 申请数 and 受理数 (domain.md §7.1, P7a)', () => {
  const statistics = useStatisticsApp('stat_applications', { temporalStartsAt: NEW_YEAR });

  beforeAll(async () => {
    for (const event of [
      ...AGENCY_EVENTS,
      applicationFiled('A1', '2025-05-06', true),
      applicationFiled('A2', '2025-06-10', false),
      applicationFiled('A3', '2025-07-01', true),
      // A licensing case filed before the application was recorded counts as accepted.
      caseFiled(caseRef('A4', SHI_2, 'licensing'), '2025-08-01'),
      decisionMade(caseRef('A1', SHI_2, 'licensing'), 'A1-D1', {
        decidedOn: '2025-05-20',
        licensingGranted: true,
      }),
      decisionMade(caseRef('A3', SHI_2, 'licensing'), 'A3-D1', {
        decidedOn: '2025-07-20',
        licensingGranted: false,
      }),
    ])
      await statistics().deliver(event);
  });

  it('counts every application in 申请数 and only the accepted ones in 受理数', async () => {
    await statistics()
      .staff(['platform-admin'], BINGTUAN)
      .post('/api/v1/reports/runs')
      .send({ year: 2025 })
      .expect(200);
    await statistics().env!.sleep('4 days');
    const content = await until(async () => {
      const { body } = await statistics()
        .staff(['leader'], SHI_2)
        .get('/api/v1/reports')
        .query({ agency: SHI_2, year: 2025 });
      return body[0]?.content;
    });
    const rows = Object.fromEntries(
      content.sections
        .find((section: { title: string }) => section.title === '一、行政许可')
        .rows.map((row: { label: string; value: number }) => [row.label, row.value]),
    );
    expect(rows).toMatchObject({
      '申请数（件）': 4,
      '受理数（件）': 3,
      '准予许可数（件）': 1,
      '不予许可数（件）': 1,
    });
  });
});
