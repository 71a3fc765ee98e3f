import type { CaseFiledData, CloudEvent } from '@lep/contracts';
import { builtAnnualReport, deliverYear, NEW_YEAR } from './support/annual-report';
import { caseRef, caseFiled, decisionMade } from './support/events';
import { SHI_2 } from './support/scenario';
import { useStatisticsApp } from './support/statistics-app';

/** The case.filed the case workflow sends for an application it accepted or not (domain.md P7a). */
function applicationFiled(caseId: string, filedOn: string, accepted: boolean): CloudEvent {
  const filed = caseFiled(caseRef(caseId, SHI_2, 'licensing'), filedOn);
  return { ...filed, data: { ...(filed.data as CaseFiledData), applicationAccepted: accepted } };
}

/** 申请数 and 受理数 of the annual report come apart: an application not accepted (不予受理) is only applied for. */
describe('annual report 申请数 and 受理数 (domain.md §7.1, P7a)', () => {
  const statistics = useStatisticsApp('stat_applications', { temporalStartsAt: NEW_YEAR });

  beforeAll(async () => {
    await deliverYear(statistics(), [
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
    ]);
  });

  it('counts every application in 申请数 and only the accepted ones in 受理数', async () => {
    const rows = (await builtAnnualReport(statistics(), 2025, SHI_2))['一、行政许可'];
    expect(rows).toMatchObject({
      '申请数（件）': 4,
      '受理数（件）': 3,
      '准予许可数（件）': 1,
      '不予许可数（件）': 1,
    });
  });
});
