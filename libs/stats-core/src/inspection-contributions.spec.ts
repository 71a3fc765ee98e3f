import { CASE_EVENT_TYPES, createCloudEvent } from '@lep/contracts';
import { contributionsOf } from './contributions';

const metrics = (data: object) =>
  contributionsOf(
    createCloudEvent({
      source: 'test',
      type: CASE_EVENT_TYPES.decisionMade,
      subject: 'case',
      data,
      time: new Date('2025-03-02T02:00:00Z'),
    }),
  ).map((c) => `${c.category} ${c.metric}`);

describe('what a 行政检查结果 adds to the report figures (domain.md P14, §7.4)', () => {
  const result = {
    caseId: 'case-A.1',
    agencyCode: 'A',
    category: 'inspection',
    decidedOn: '2025-03-02',
    major: false,
    inspection: { outcome: 'no-problem', method: 'on-site' },
  };

  it('counts an inspection case’s result as one decided inspection', () => {
    expect(metrics(result)).toEqual(['inspection cases.decided']);
  });

  it('counts a result that found a problem among the problems found outside 双随机', () => {
    for (const outcome of ['ordered-correction', 'case-filed', 'referred'])
      expect(metrics({ ...result, inspection: { ...result.inspection, outcome } })).toEqual([
        'inspection cases.decided',
        'inspection inspection.case-problem-found',
      ]);
  });

  it('marks a result recording a 双随机 target’s inspection, which the plan’s results count already', () => {
    expect(
      metrics({
        ...result,
        inspection: {
          outcome: 'ordered-correction',
          randomInspectionPlanId: '6f1c2b9e-4a57-4c1e-9b7a-0d3f5e2a8c11',
        },
      }),
    ).toEqual(['inspection cases.decided', 'inspection inspection.case-from-random']);
  });
});
