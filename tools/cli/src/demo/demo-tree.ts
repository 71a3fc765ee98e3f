/**
 * The demonstration data `lep demo` loads: a 兵团 → 师市 → 局 tree in the `xinjiang` calendar region with
 * unified social credit codes whose check character is computed, the people a case needs (two handlers, a head,
 * a legal reviewer, an agency admin), and each bureau's item list, review catalogue and AV list. Every name is
 * made up and marked 演示.
 */

const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A unified social credit code (GB 32100) of a government body (registration code 11) in an administrative
 * division, with its mod-31 check character.
 */
export function governmentUscc(divisionCode: string, serial: number): string {
  const body = `11${divisionCode}${String(serial).padStart(9, '0')}`;
  const sum = USCC_WEIGHTS.reduce(
    (total, weight, index) => total + weight * USCC_CHARACTERS.indexOf(body[index]),
    0,
  );
  return body + USCC_CHARACTERS[(31 - (sum % 31)) % 31];
}

export interface DemoAgency {
  code: string;
  name: string;
  level: 'corps' | 'division' | 'department';
  parentCode?: string;
  unifiedSocialCreditCode: string;
  dutiesAndPowers: string;
}

export interface DemoPerson {
  name: string;
  roles: Array<'handler' | 'legal-reviewer' | 'leader' | 'agency-admin'>;
  certificateNumber: string;
}

/** The bureaus where cases are filed, each with its people. */
export interface DemoBureau extends DemoAgency {
  people: DemoPerson[];
}

export const DEMO_CORPS: DemoAgency = {
  code: 'XJBT',
  name: '新疆生产建设兵团（演示）',
  level: 'corps',
  unifiedSocialCreditCode: governmentUscc('660000', 1),
  dutiesAndPowers: '兵团本级行政执法监督（演示数据）',
};

export const DEMO_DIVISIONS: DemoAgency[] = [
  {
    code: 'XJBT-08',
    name: '第八师石河子市（演示）',
    level: 'division',
    parentCode: 'XJBT',
    unifiedSocialCreditCode: governmentUscc('659001', 8),
    dutiesAndPowers: '师市行政执法监督（演示数据）',
  },
  {
    code: 'XJBT-10',
    name: '第十师北屯市（演示）',
    level: 'division',
    parentCode: 'XJBT',
    unifiedSocialCreditCode: governmentUscc('659005', 10),
    dutiesAndPowers: '师市行政执法监督（演示数据）',
  },
];

const bureauPeople = (prefix: string, names: [string, string, string, string, string]): DemoPerson[] => [
  { name: names[0], roles: ['handler'], certificateNumber: `${prefix}-ZF-0001` },
  { name: names[1], roles: ['handler'], certificateNumber: `${prefix}-ZF-0002` },
  { name: names[2], roles: ['leader', 'handler'], certificateNumber: `${prefix}-ZF-0003` },
  { name: names[3], roles: ['legal-reviewer'], certificateNumber: `${prefix}-SH-0001` },
  { name: names[4], roles: ['agency-admin'], certificateNumber: `${prefix}-GL-0001` },
];

export const DEMO_BUREAUS: DemoBureau[] = [
  {
    code: 'XJBT-08-SC',
    name: '第八师石河子市市场监督管理局（演示）',
    level: 'department',
    parentCode: 'XJBT-08',
    unifiedSocialCreditCode: governmentUscc('659001', 801),
    dutiesAndPowers: '食品、产品质量、价格等市场监管行政执法（演示数据）',
    people: bureauPeople('BT08SC', [
      '张明（演示）',
      '李强（演示）',
      '王建军（演示）',
      '赵敏（演示）',
      '孙丽（演示）',
    ]),
  },
  {
    code: 'XJBT-10-SC',
    name: '第十师北屯市市场监督管理局（演示）',
    level: 'department',
    parentCode: 'XJBT-10',
    unifiedSocialCreditCode: governmentUscc('659005', 1001),
    dutiesAndPowers: '食品、产品质量、价格等市场监管行政执法（演示数据）',
    people: bureauPeople('BT10SC', [
      '周涛（演示）',
      '吴磊（演示）',
      '郑华（演示）',
      '冯静（演示）',
      '陈芳（演示）',
    ]),
  },
];

/** A bureau's item list (行政执法事项清单): a penalty and a licensing item. */
export const DEMO_ITEMS = [
  {
    code: 'SC-CF-001',
    name: '对销售超过保质期食品的行政处罚',
    category: 'penalty',
    legalBasis: '《中华人民共和国食品安全法》第三十四条、第一百二十四条',
    procedure: '立案、调查取证、告知、法制审核（重大案件）、决定、送达、执行、结案',
    statutoryWorkingDays: 90,
  },
  {
    code: 'SC-XK-001',
    name: '食品经营许可',
    category: 'licensing',
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    procedure: '申请、受理、审查、决定',
    statutoryWorkingDays: 20,
  },
];

/** Its AV list (音像记录事项清单): the on-site investigation of a penalty case is filmed. */
export const DEMO_AV_LIST = {
  entries: [{ itemCode: 'SC-CF-001', stages: ['investigating'], fullProcess: false }],
};

/** Its review catalogue (重大执法决定法制审核目录): thresholds as local catalogues set them (domain.md L3). */
export const DEMO_REVIEW_CATALOG = {
  fineThresholds: [
    { partyType: 'natural-person', minimumYuan: 10_000 },
    { partyType: 'legal-person', minimumYuan: 100_000 },
  ],
  measures: ['licence-revocation', 'suspension-of-production'],
};
