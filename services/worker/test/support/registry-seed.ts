import type { RegistryProcess } from './registry-process';

const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function uscc(serial: number): string {
  const body = `11659000${String(serial).padStart(9, '0')}`;
  const sum = USCC_WEIGHTS.reduce((total, weight, i) => total + weight * USCC_CHARACTERS.indexOf(body[i]), 0);
  return body + USCC_CHARACTERS[(31 - (sum % 31)) % 31];
}

export const AGENCY = 'BT01';
export const PENALTY_ITEM = 'P-001';
export const LICENCE_ITEM = 'L-001';

export interface SeededRegistry {
  handlers: [string, string];
  reviewer: string;
  /** A handler whose certificate expired before the cases are filed. */
  expiredHandler: string;
}

/**
 * A 兵团 agency with two certified handlers, a legal reviewer, a penalty and a licensing item, an AV list that
 * requires video of the investigation, and a review catalogue: fines of ¥10,000 on a natural person are major.
 */
export async function seedRegistry(registry: RegistryProcess): Promise<SeededRegistry> {
  await registry.call('POST', '/api/v1/agencies', {
    code: AGENCY,
    name: '第一师阿拉尔市市场监督管理局',
    level: 'corps',
    unifiedSocialCreditCode: uscc(1),
    legalBasis: '《中华人民共和国行政处罚法》',
    dutiesAndPowers: '市场监管行政执法',
    region: 'national',
    legalReviewBody: { name: '法制科', agencyCode: AGENCY },
  });
  const person = async (name: string, roles: string[], expiresOn = '2099-12-31') =>
    (
      await registry.call<{ id: string }>('POST', '/api/v1/personnel', {
        agencyCode: AGENCY,
        name,
        roles,
        certificateNumber: `BT-${name}`,
        certificateIssuedOn: '2020-01-01',
        certificateExpiresOn: expiresOn,
        qualification: 'exam-passed',
        scope: '市场监管',
      })
    ).id;
  const handlers: [string, string] = [
    await person('王执法', ['handler']),
    await person('李执法', ['handler']),
  ];
  const reviewer = await person('赵审核', ['legal-reviewer']);
  const expiredHandler = await person('钱过期', ['handler'], '2021-12-31');
  await registry.call('POST', `/api/v1/agencies/${AGENCY}/enforcement-items`, {
    items: [
      {
        code: PENALTY_ITEM,
        name: '对销售不合格产品的行政处罚',
        category: 'penalty',
        legalBasis: '《中华人民共和国产品质量法》第四十九条',
        procedure: '立案、调查、告知、决定、送达',
        statutoryWorkingDays: 90,
      },
      {
        code: LICENCE_ITEM,
        name: '食品经营许可',
        category: 'licensing',
        legalBasis: '《中华人民共和国食品安全法》第三十五条',
        procedure: '申请、受理、审查、决定',
        statutoryWorkingDays: 20,
      },
    ],
  });
  await registry.call('POST', `/api/v1/agencies/${AGENCY}/av-recording-list`, {
    entries: [{ itemCode: PENALTY_ITEM, stages: ['investigating'], fullProcess: false }],
  });
  await registry.call('POST', `/api/v1/agencies/${AGENCY}/review-catalog`, {
    fineThresholds: [
      { partyType: 'natural-person', minimumYuan: 10_000 },
      { partyType: 'legal-person', minimumYuan: 100_000 },
    ],
    measures: ['licence-revocation', 'suspension-of-production'],
    hearingHeldIsMajor: true,
    multipleLegalRelationsIsMajor: true,
    majorPublicInterestIsMajor: true,
    majorSocialImpactIsMajor: true,
  });
  return { handlers, reviewer, expiredHandler };
}
