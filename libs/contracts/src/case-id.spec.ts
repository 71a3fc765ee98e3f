import {
  AGENCY_CODE_PATTERN,
  CASE_ID_PATTERN,
  CASE_NUMBER_PATTERN,
  caseIdParts,
  caseWorkflowId,
  isCaseIdOfAgency,
} from './case-id';

describe('case ids', () => {
  it('names a case by agency and case number, separated by a character no agency code has', () => {
    expect(caseWorkflowId('BT01', '2026-0001')).toBe('case-BT01.2026-0001');
    expect(AGENCY_CODE_PATTERN.test('BT.01')).toBe(false);
  });

  it('gives agency BT case 8-001 and agency BT-8 case 001 two different ids', () => {
    const bt = caseWorkflowId('BT', '8-001');
    const bt8 = caseWorkflowId('BT-8', '001');
    expect(bt).toBe('case-BT.8-001');
    expect(bt8).toBe('case-BT-8.001');
    expect(bt).not.toBe(bt8);
    expect(caseIdParts(bt)).toEqual({ agencyCode: 'BT', caseNumber: '8-001' });
    expect(caseIdParts(bt8)).toEqual({ agencyCode: 'BT-8', caseNumber: '001' });
  });

  it.each([
    ['BT', '8-001'],
    ['BT-8', '001'],
    ['6500', '2026-001'],
    ['A', '1'],
    ['a-b-c-1', '-'],
    ['X'.repeat(64), 'N'.repeat(100)],
    ['SHZ-SJ', '石市监罚〔2026〕12号'],
    ['SHZ', '兵八师-执法-2026-第3号'],
    ['BT', '2026.001'],
    ['BT', '.'],
    ['BT', '..'],
    ['BT', '8.BT-8.001'],
    ['BT-', '-8'],
    ['BT', 'a~b:c(d)!@$&*+=,;[]{}|<>"\'`^'],
  ])('reads agency %j and case number %j back from their case id', (agencyCode, caseNumber) => {
    expect(AGENCY_CODE_PATTERN.test(agencyCode)).toBe(true);
    expect(CASE_NUMBER_PATTERN.test(caseNumber)).toBe(true);
    const caseId = caseWorkflowId(agencyCode, caseNumber);
    expect(CASE_ID_PATTERN.test(caseId)).toBe(true);
    expect(caseIdParts(caseId)).toEqual({ agencyCode, caseNumber });
    expect(isCaseIdOfAgency(caseId, agencyCode)).toBe(true);
  });

  it('travels in a URL path segment without percent-encoding', () => {
    const caseId = caseWorkflowId('BT-8', '2026-001');
    expect(encodeURIComponent(caseId)).toBe(caseId);
    expect(new URL(`http://lep.test/api/v1/cases/${caseId}/evidence`).pathname).toBe(
      `/api/v1/cases/${caseId}/evidence`,
    );
  });

  it.each([
    ['case-BT.8-001', 'BT-8'],
    ['case-BT-8.001', 'BT'],
    ['case-BT-8.001', 'bt-8'],
    ['case-BT-8.001', 'BT-8.'],
    ['case-BT-8.001', ''],
    ['case-BT-8.8.001', 'BT-8.8'],
    ['case-BT-8-001', 'BT-8'],
    ['case-BT-8-001', 'BT'],
  ])('does not take %s for a case of agency %j', (caseId, agencyCode) => {
    expect(isCaseIdOfAgency(caseId, agencyCode)).toBe(false);
  });

  it.each([
    ['', 'empty'],
    ['case-', 'no agency and no number'],
    ['case-BT', 'no separator'],
    ['case-BT.', 'an empty case number'],
    ['case-.001', 'an empty agency code'],
    ['case-BT-8-001', 'the old format, agency and number joined by -'],
    ['BT-8.001', 'no prefix'],
    ['Case-BT.001', 'a prefix of another case'],
    ['case-BT_8.001', 'a character outside the agency alphabet'],
    ['case-执法局.001', 'a Chinese agency code'],
    [`case-${'X'.repeat(65)}.001`, 'an agency code over 64 characters'],
    [`case-BT.${'N'.repeat(101)}`, 'a case number over 100 characters'],
    ['case-BT.2026 001', 'a space'],
    ['case-BT.2026/001', 'a slash'],
    ['case-BT.2026\\001', 'a backslash'],
    ['case-BT.2026?001', 'a question mark'],
    ['case-BT.2026#001', 'a hash'],
    ['case-BT.2026%2F001', 'a percent sign'],
    ['case-BT.001\n', 'a trailing newline'],
  ])('refuses %j (%s)', (caseId) => {
    expect(CASE_ID_PATTERN.test(caseId)).toBe(false);
    expect(caseIdParts(caseId)).toBeNull();
    expect(isCaseIdOfAgency(caseId, 'BT')).toBe(false);
  });
});
