import { CASE_EVENT_TYPES, createCloudEvent, EVALUATION_EVENT_TYPES } from '@lep/contracts';
import { contributionsOf } from './contributions';

const event = (type: string, data: object) =>
  createCloudEvent({ source: 'test', type, subject: 'case', data, time: new Date('2025-03-02T02:00:00Z') });
const metrics = (type: string, data: object) => contributionsOf(event(type, data)).map((c) => c.metric);

describe('what a case event adds to the report figures', () => {
  const ref = { caseId: 'case-A.1', agencyCode: 'A', category: 'licensing' };

  it('counts an application the agency did not accept as filed and as not accepted', () => {
    const filed = { ...ref, filedOn: '2025-03-02' };
    expect(metrics(CASE_EVENT_TYPES.filed, filed)).toEqual(['cases.filed']);
    expect(metrics(CASE_EVENT_TYPES.filed, { ...filed, applicationAccepted: true })).toEqual(['cases.filed']);
    expect(metrics(CASE_EVENT_TYPES.filed, { ...filed, applicationAccepted: false })).toEqual([
      'cases.filed',
      'cases.application-not-accepted',
    ]);
  });

  it('counts a withdrawn decision by its kind and by what withdrew it (复议纠错, 诉讼败诉, 自我纠错)', () => {
    const withdrawn = {
      ...ref,
      decisionId: 'case-A.1-D1',
      reason: '撤销',
      withdrawnOn: '2025-06-03',
      region: 'xinjiang',
    };
    const on = (kind: string) => ({ kind, documentNumber: '兵复决字〔2025〕3号', decidedOn: '2025-06-01' });
    expect(
      metrics(CASE_EVENT_TYPES.decisionWithdrawn, {
        ...withdrawn,
        kind: 'revoked',
        source: on('reconsideration'),
      }),
    ).toEqual(['decisions.withdrawn:revoked', 'decisions.corrected-by:reconsideration']);
    expect(
      metrics(CASE_EVENT_TYPES.decisionWithdrawn, { ...withdrawn, kind: 'remade', source: on('judgment') }),
    ).toEqual(['decisions.withdrawn:remade', 'decisions.corrected-by:judgment']);
    // Withdrawn before the source was asked for: counted as withdrawn only.
    expect(metrics(CASE_EVENT_TYPES.decisionWithdrawn, { ...withdrawn, kind: 'confirmed-illegal' })).toEqual([
      'decisions.withdrawn:confirmed-illegal',
    ]);
  });

  it('counts a 行政强制 decision under its kind', () => {
    expect(
      metrics(CASE_EVENT_TYPES.decisionMade, {
        ...ref,
        category: 'coercion',
        decidedOn: '2025-03-02',
        major: false,
        coercion: { kind: 'freeze' },
      }),
    ).toEqual(['cases.decided', 'coercion.kind:freeze']);
  });

  it('counts a 不予行政处罚 decision in the 不予处罚 row, not as a penalty', () => {
    expect(
      metrics(CASE_EVENT_TYPES.decisionMade, {
        ...ref,
        category: 'penalty',
        decidedOn: '2025-03-02',
        major: false,
        noPenalty: {
          ground: 'first-offence',
          violationType: '未按规定公示信息',
          facts: '初次违法并及时改正',
          legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
          reason: '首次违法，危害后果轻微并已改正',
        },
      }),
    ).toEqual(['cases.decided', 'penalty.no-penalty']);
  });

  it('counts a 案卷评查 under the evaluated agency: the file, its grade, its problem items, the rectification', () => {
    const returned = contributionsOf(
      event(EVALUATION_EVENT_TYPES.findingsReturned, {
        agencyCode: 'A',
        bureauCode: 'J',
        grade: 'pass',
        problemItems: ['evidence', 'filing'],
        returnedAt: '2025-12-31T17:00:00Z',
      }),
    );
    expect(returned).toEqual([
      { agencyCode: 'A', year: 2026, month: 1, category: 'all', metric: 'evaluation.cases', delta: 1 },
      { agencyCode: 'A', year: 2026, month: 1, category: 'all', metric: 'evaluation.grade:pass', delta: 1 },
      {
        agencyCode: 'A',
        year: 2026,
        month: 1,
        category: 'all',
        metric: 'evaluation.problem-items',
        delta: 2,
      },
    ]);
    const answered = (rectified: boolean) =>
      metrics(EVALUATION_EVENT_TYPES.answered, { agencyCode: 'A', rectified, answeredAt: '2026-02-01' });
    expect(answered(true)).toEqual(['evaluation.answered', 'evaluation.rectified']);
    expect(answered(false)).toEqual(['evaluation.answered']);
  });
});
