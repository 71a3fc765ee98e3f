import { uscc } from '@lep/testing';

export { uscc };

/** A resident ID number with a correct GB 11643 check character. */
export function residentId(body17 = '65010119800101123'): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(body17[index]), 0);
  return body17 + '10X98765432'[sum % 11];
}

let serial = 0;

export function agencyBody(code: string, parentCode?: string, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    code,
    name: `执法主体${code}`,
    level: parentCode ? 'division' : 'corps',
    ...(parentCode ? { parentCode } : {}),
    unifiedSocialCreditCode: uscc(serial),
    legalBasis: '《中华人民共和国行政处罚法》',
    dutiesAndPowers: '负责本辖区市场监管执法',
    region: 'xinjiang',
    legalReviewBody: { name: '法制科', agencyCode: code },
    ...overrides,
  };
}

let certificate = 0;

export function personnelBody(agencyCode: string, overrides: Record<string, unknown> = {}) {
  certificate += 1;
  return {
    agencyCode,
    name: `执法人员${certificate}`,
    roles: ['handler'],
    certificateNumber: `CERT-${Date.now()}-${certificate}`,
    certificateIssuedOn: '2024-01-01',
    certificateExpiresOn: '2099-12-31',
    qualification: 'exam-passed',
    scope: '市场监管',
    ...overrides,
  };
}

export const ENFORCEMENT_ITEM = {
  code: 'P-001',
  name: '对销售不合格产品的行政处罚',
  category: 'penalty',
  legalBasis: '《中华人民共和国产品质量法》第四十九条',
  procedure: '立案、调查、告知、决定、送达',
  statutoryWorkingDays: 90,
};
