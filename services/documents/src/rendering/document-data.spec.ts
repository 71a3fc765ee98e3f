import { DEFAULT_TEMPLATES } from '../templates/default-templates';
import { SAMPLE_DATA } from '../templates/sample-data';
import { chinaDateTime, validateDocumentData } from './document-data';
import { maskDocumentData } from './masked-data';

const fields = DEFAULT_TEMPLATES['penalty-decision'].fields;
const sample = SAMPLE_DATA['penalty-decision'];
const problems = (data: Record<string, unknown>) =>
  validateDocumentData(fields, data).map((violation) => `${violation.field} ${violation.rule}`);

describe('document data against its template', () => {
  it('accepts the sample data of every kind', () => {
    for (const [kind, data] of Object.entries(SAMPLE_DATA))
      expect({
        kind,
        problems: validateDocumentData(DEFAULT_TEMPLATES[kind as 'penalty-decision'].fields, data),
      }).toEqual({
        kind,
        problems: [],
      });
  });

  it('names each field that is missing, undeclared or of the wrong type', () => {
    expect(problems({ ...sample, facts: '' })).toEqual(['data.facts isNotEmpty']);
    expect(problems({ ...sample, extra: 1 })).toEqual(['data.extra whitelistValidation']);
    expect(problems({ ...sample, fineYuan: 80.001 })).toEqual(['data.fineYuan precision']);
    expect(problems({ ...sample, fineYuan: -1 })).toEqual(['data.fineYuan range']);
    expect(problems({ ...sample, parties: [{ type: 'robot', name: 'x' }] })).toEqual([
      'data.parties[0].type isIn',
    ]);
    expect(problems({ ...sample, parties: [{ type: 'natural-person' }] })).toEqual([
      'data.parties[0].name isNotEmpty',
    ]);
    expect(
      problems({ ...sample, parties: [{ type: 'natural-person', name: '张三', isAdmin: true }] }),
    ).toEqual(['data.parties[0].isAdmin whitelistValidation']);
    expect(problems({ ...sample, evidence: ['照片\u0000'] })).toEqual(['data.evidence[0] printable']);
  });

  it('checks dates and times for real calendar days', () => {
    const filing = DEFAULT_TEMPLATES['filing-approval'].fields;
    const check = (filedOn: string) =>
      validateDocumentData(filing, { ...SAMPLE_DATA['filing-approval'], filedOn }).map(
        (violation) => violation.rule,
      );
    expect(check('2026-02-30')).toEqual(['isDate']);
    expect(check('2026/03/13')).toEqual(['isDate']);
    expect(chinaDateTime('2026-03-14T06:05:00Z')).toBe('2026年3月14日14时05分');
  });
});

describe('masking document data for disclosure', () => {
  it('shows the natural-person party as 姓+某 and hides ID, address and phone, also inside the facts', () => {
    const data = {
      ...sample,
      facts:
        '张建国（身份证号659001198503152017，住新疆石河子市北一路12号）销售不合格产品，联系电话13899521234。',
    };
    const masked = maskDocumentData(fields, data);
    expect(masked.parties).toEqual([
      {
        type: 'natural-person',
        name: '张某',
        gender: '男',
        idType: '居民身份证',
        idNumber: '[身份证号已隐去]',
        address: '[住址已隐去]',
        phone: '[手机号已隐去]',
      },
    ]);
    expect(masked.facts).not.toMatch(/张建国|659001198503152017|13899521234/);
    expect(masked.facts).toContain('张某');
    expect(masked.legalBasis).toBe(sample.legalBasis);
  });

  it('keeps organisations and officers, which are public', () => {
    const company = SAMPLE_DATA['no-penalty-decision'];
    const masked = maskDocumentData(DEFAULT_TEMPLATES['no-penalty-decision'].fields, company);
    expect(masked.parties).toEqual(company.parties);
    const receipt = maskDocumentData(
      DEFAULT_TEMPLATES['service-receipt'].fields,
      SAMPLE_DATA['service-receipt'],
    );
    expect(receipt.servers).toEqual(SAMPLE_DATA['service-receipt'].servers);
  });
});
