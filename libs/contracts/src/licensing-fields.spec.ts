import type { LicensingDecisionDetails } from './case-events';
import { licenceKindLabel, licenceStatus, licensingFieldProblems } from './licensing-fields';

const GRANTED: LicensingDecisionDetails = {
  documentTitle: '食品经营许可决定书',
  licenceKind: '普通',
  certificateName: '食品经营许可证',
  licenceNumber: 'JY16590040012345',
  content: '准予从事热食类食品制售。',
  validFrom: '2026-10-01',
  validTo: '2031-09-30',
  granted: true,
};

const REFUSED: LicensingDecisionDetails = {
  documentTitle: '不予行政许可决定书',
  licenceKind: '普通',
  content: '申请从事热食类食品制售。',
  granted: false,
  refusalReason: '经营场所与污染源距离不符合要求。',
};

const rules = (details: LicensingDecisionDetails) =>
  licensingFieldProblems(details).map((problem) => [problem.field, problem.rule]);

describe('行政许可 / 不予许可 fields (domain.md §3)', () => {
  it('accepts a granted licence with its validity and a refusal with its reason', () => {
    expect(rules(GRANTED)).toEqual([]);
    expect(rules(REFUSED)).toEqual([]);
  });

  it('asks a 许可类别 of 其他 to name its type, and only then', () => {
    expect(rules({ ...GRANTED, licenceKind: '其他' })).toEqual([
      ['licensing.licenceKindName', 'namesOtherKind'],
    ]);
    expect(rules({ ...GRANTED, licenceKind: '其他', licenceKindName: '备案' })).toEqual([]);
    expect(rules({ ...GRANTED, licenceKindName: '备案' })).toEqual([
      ['licensing.licenceKindName', 'onlyForOtherKind'],
    ]);
    expect(licenceKindLabel({ licenceKind: '其他', licenceKindName: '备案' })).toBe('其他（备案）');
    expect(licenceKindLabel({ licenceKind: '特许' })).toBe('特许');
  });

  it('needs a granted licence’s validity in order, and a certificate’s number', () => {
    expect(rules({ ...GRANTED, validTo: undefined })).toEqual([['licensing.validFrom', 'validityRequired']]);
    expect(rules({ ...GRANTED, validTo: '2026-09-30' })).toEqual([['licensing.validTo', 'validityOrdered']]);
    expect(rules({ ...GRANTED, licenceNumber: undefined })).toEqual([
      ['licensing.licenceNumber', 'certificateNumbered'],
    ]);
    expect(rules({ ...GRANTED, refusalReason: '无' })).toEqual([
      ['licensing.refusalReason', 'onlyWhenRefused'],
    ]);
  });

  it('needs a refusal’s reason and keeps it free of a licence it did not issue', () => {
    expect(rules({ ...REFUSED, refusalReason: ' ' })).toEqual([
      ['licensing.refusalReason', 'reasonRequired'],
    ]);
    expect(rules({ ...REFUSED, licenceNumber: 'JY1', validFrom: '2026-10-01' })).toEqual([
      ['licensing.licenceNumber', 'noLicenceIssued'],
      ['licensing.validFrom', 'noLicenceIssued'],
    ]);
  });

  it('reads 当前状态 from the validity on the day, a refusal and a withdrawal', () => {
    expect(licenceStatus(GRANTED, '2026-10-01')).toBe('有效');
    expect(licenceStatus(GRANTED, '2031-09-30')).toBe('有效');
    expect(licenceStatus(GRANTED, '2026-09-30')).toBe('无效');
    expect(licenceStatus(GRANTED, '2031-10-01')).toBe('无效');
    expect(licenceStatus(GRANTED, '2027-01-01', true)).toBe('无效');
    expect(licenceStatus(REFUSED, '2027-01-01')).toBe('无效');
  });
});
