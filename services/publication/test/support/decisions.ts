import {
  caseDecisionId,
  caseWorkflowId,
  CASE_EVENT_SOURCE,
  CASE_EVENT_TYPES,
  CloudEvent,
  createCloudEvent,
  DecisionMadeData,
  DecisionWithdrawnData,
} from '@lep/contracts';

let sequence = 0;
// Test files share one Kafka topic and, in one jest worker, one pid; the module (and its counter) is fresh per
// file, so a random token keeps decision ids unique across files.
const run = Math.random().toString(36).slice(2, 8);

/**
 * A penalty decision on a natural person, with personal data in its free texts, as a case officer writes it. Its
 * ids are the platform's own: case `case-<agency>.<case number>` (a Chinese case number), decision `<case>-D1`.
 */
export function penaltyDecision(overrides: Partial<DecisionMadeData> = {}): DecisionMadeData {
  sequence += 1;
  const agencyCode = overrides.agencyCode ?? 'BT-SC-01';
  const caseNumber = overrides.caseNumber ?? `兵师市监立〔2026〕${run}-${process.pid}-${sequence}号`;
  const caseId = overrides.caseId ?? caseWorkflowId(agencyCode, caseNumber);
  const decisionId = overrides.decisionId ?? caseDecisionId(caseId, 1);
  return {
    caseId,
    agencyCode,
    caseNumber,
    category: 'penalty',
    itemCode: 'CF-001',
    decisionId,
    documentNumber: `兵师市监罚〔2026〕${sequence}号`,
    decidedOn: '2026-09-30',
    decidedAt: '2026-09-30T03:00:00.000Z',
    agencyName: '第一师阿拉尔市市场监督管理局',
    agencyCreditCode: '11659002MB1234567X',
    region: 'national',
    major: false,
    party: {
      type: 'natural-person',
      name: '张三丰',
      idType: '居民身份证',
      idNumber: '11010519491231002X',
    },
    otherPersonNames: ['李四'],
    penalty: {
      violationType: '销售过期食品',
      facts:
        '经查，当事人张三丰（身份证号11010519491231002X，住址：阿拉尔市幸福路88号3栋2单元501室，联系电话13912345678）于2026年8月在其经营的门店销售超过保质期的食品，证人李四证实上述事实。',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
      penaltyKinds: ['警告', '罚款'],
      content:
        '警告，并处罚款人民币5000元，款项缴入当事人名下账户（开户行：中国农业银行，账号6228480402564890018）以外的财政账户。',
      fineYuan: 5000,
      validUntil: '2027-09-30',
    },
    publicationBlocks: [],
    draftHash: 'sha256-draft',
    ...overrides,
  };
}

export function decisionMadeEvent(data: DecisionMadeData): CloudEvent<DecisionMadeData> {
  return createCloudEvent({
    source: CASE_EVENT_SOURCE,
    type: CASE_EVENT_TYPES.decisionMade,
    subject: data.decisionId,
    data,
  });
}

export function decisionWithdrawnEvent(data: DecisionWithdrawnData): CloudEvent<DecisionWithdrawnData> {
  return createCloudEvent({
    source: CASE_EVENT_SOURCE,
    type: CASE_EVENT_TYPES.decisionWithdrawn,
    subject: data.decisionId,
    data,
  });
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A checksum-valid 18-digit resident ID for a birth date 'YYYYMMDD' (GB 11643). */
export function residentId(birthDate: string, region = '659002', serial = '123'): string {
  const body = `${region}${birthDate}${serial}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * ID_WEIGHTS[index], 0);
  return body + ID_CHECK[sum % 11];
}
