import { CASE_EVENT_TYPES, createCloudEvent } from '@lep/contracts';
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
});
