import { RegistryProcess, startRegistryProcess, StaffSigner } from './registry-process';

export const CASE_AGENCY = 'BT01';
export const CASE_PENALTY_ITEM = 'P-001';
export const CASE_LICENCE_ITEM = 'L-001';
/** An item of category 行政检查: its cases end in a 行政检查结果 (domain.md P14). */
export const CASE_INSPECTION_ITEM = 'I-001';

export interface CaseRegistry extends RegistryProcess {
  /**
   * Two certified handlers, a certified legal reviewer, a handler whose certificate expired in 2021, a 公职律师
   * who reviews without an enforcement certificate, and a reviewer with neither legal standing nor a certificate
   * in force (expired in 2021), the agency's principal leader (主要负责人) and a deputy leader.
   */
  people: {
    handlers: [string, string];
    reviewer: string;
    expiredHandler: string;
    publicLawyer: string;
    lapsedReviewer: string;
    principalLeader: string;
    deputyLeader: string;
  };
}

const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code with a correct GB 32100 check character, unique per `serial`. */
export function uscc(serial: number): string {
  const body = `11659000${String(serial).padStart(9, '0')}`;
  const sum = USCC_WEIGHTS.reduce((total, weight, i) => total + weight * USCC_CHARACTERS.indexOf(body[i]), 0);
  return body + USCC_CHARACTERS[(31 - (sum % 31)) % 31];
}

/**
 * The real registry service over a fresh database, seeded for case tests: a 兵团 agency (national calendar)
 * with two certified handlers, a legal reviewer, a penalty, a licensing and an inspection item, an AV list that
 * requires video of the investigation, and a review catalogue making fines of ¥10,000 on a natural person major.
 */
export async function startCaseRegistry(auth: { secret: string; sign: StaffSigner }): Promise<CaseRegistry> {
  const registry = await startRegistryProcess(auth);
  return { ...registry, people: await seedCaseRegistry(registry.call) };
}

/**
 * Seeds a registry for case tests through its own routes (see startCaseRegistry): also used by harnesses that
 * run the registry process themselves.
 */
export async function seedCaseRegistry(call: CaseRegistry['call']): Promise<CaseRegistry['people']> {
  await call('POST', '/api/v1/agencies', {
    code: CASE_AGENCY,
    name: '第一师阿拉尔市市场监督管理局',
    level: 'corps',
    unifiedSocialCreditCode: uscc(1),
    legalBasis: '《中华人民共和国行政处罚法》',
    dutiesAndPowers: '市场监管行政执法',
    region: 'national',
    legalReviewBody: { name: '法制科', agencyCode: CASE_AGENCY },
  });
  const person = async (name: string, roles: string[], expiresOn = '2099-12-31', principalLeader = false) =>
    (
      await call<{ id: string }>('POST', '/api/v1/personnel', {
        agencyCode: CASE_AGENCY,
        name,
        roles,
        certificateNumber: `BT-${name}`,
        certificateIssuedOn: '2020-01-01',
        certificateExpiresOn: expiresOn,
        qualification: 'exam-passed',
        scope: '市场监管',
        principalLeader,
      })
    ).id;
  const handlers: [string, string] = [
    await person('王执法', ['handler']),
    await person('李执法', ['handler']),
  ];
  const reviewer = await person('赵审核', ['legal-reviewer']);
  const expiredHandler = await person('钱过期', ['handler'], '2021-12-31');
  const lapsedReviewer = await person('孙过期', ['legal-reviewer'], '2021-12-31');
  const principalLeader = await person('马局长', ['leader'], '2099-12-31', true);
  const deputyLeader = await person('吴副局长', ['leader']);
  const publicLawyer = (
    await call<{ id: string }>('POST', '/api/v1/personnel', {
      agencyCode: CASE_AGENCY,
      name: '周律师',
      roles: ['legal-reviewer'],
      legalStanding: [{ kind: 'public-lawyer', certificateNumber: 'GZLS-2023-0001' }],
    })
  ).id;
  const submitted = await call<{ id: string }>('POST', `/api/v1/agencies/${CASE_AGENCY}/enforcement-items`, {
    items: [
      {
        code: CASE_PENALTY_ITEM,
        name: '对销售不合格产品的行政处罚',
        category: 'penalty',
        legalBasis: '《中华人民共和国产品质量法》第四十九条',
        procedure: '立案、调查、告知、决定、送达',
        statutoryWorkingDays: 90,
      },
      {
        code: CASE_LICENCE_ITEM,
        name: '食品经营许可',
        category: 'licensing',
        legalBasis: '《中华人民共和国食品安全法》第三十五条',
        procedure: '申请、受理、审查、决定',
        statutoryWorkingDays: 20,
      },
      {
        code: CASE_INSPECTION_ITEM,
        name: '对食品经营者经营活动的监督检查',
        category: 'inspection',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条',
        procedure: '检查、记录、处理',
        statutoryWorkingDays: 20,
      },
    ],
  });
  // The item list is published once the agency's legal review body approves it (a platform admin may).
  await call(
    'POST',
    `/api/v1/agencies/${CASE_AGENCY}/enforcement-items/submissions/${submitted.id}/approval`,
    {},
  );
  await call('POST', `/api/v1/agencies/${CASE_AGENCY}/av-recording-list`, {
    entries: [{ itemCode: CASE_PENALTY_ITEM, stages: ['investigating'], fullProcess: false }],
  });
  await call('POST', `/api/v1/agencies/${CASE_AGENCY}/review-catalog`, {
    fineThresholds: [
      { partyType: 'natural-person', minimumYuan: 10_000 },
      { partyType: 'legal-person', minimumYuan: 100_000 },
    ],
    measures: ['licence-revocation', 'suspension-of-production'],
  });
  return { handlers, reviewer, expiredHandler, publicLawyer, lapsedReviewer, principalLeader, deputyLeader };
}
