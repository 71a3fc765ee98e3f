import { randomUUID } from 'node:crypto';
import { chinaDateOf } from '@lep/calendar';
import { caseDecisionId, type PublicDisclosureRecord } from '@lep/contracts';
import { startStack, staffToken, until, type Stack } from './support/stack';
import { registerAgency, stackDriver } from './support/stack-driver';

/**
 * A 行政检查 result outside 双随机 as a decision kind of its own (issue #19 item 2, domain.md P14), through the
 * whole platform as production runs it: an inspection case filed and decided at case-api, the worker's case
 * workflow announcing the decision, publication masking it and the portal showing it as 行政检查结果.
 */
const AGENCY = 'XJBT-SHZ-JC';
const INSPECTION_ITEM = '市监检-食品-001';
const PENALTY_ITEM = '市监罚-食品-002';
const PERSON = '李建军';
const CLERK = '王小红';

let stack: Stack;
let handler: string;
let leader: string;
let handlerIds: string[];

const segment = encodeURIComponent;

/** What the test reads of the services' answers. */
interface Body {
  id?: string;
  caseId?: string;
  code?: string;
  message?: string;
  status?: string;
  decisionId?: string;
  state?: { stage?: string; draft?: { hash: string } };
  record?: PublicDisclosureRecord;
}
const { call, ok } = stackDriver<Body>(() => stack);

beforeAll(async () => {
  stack = await startStack();
  const ids = await registerAgency(stack, {
    code: AGENCY,
    name: '第八师石河子市市场监督管理局',
    creditSerial: 640014,
    legalBasis: '《中华人民共和国食品安全法》',
    dutiesAndPowers: '食品安全监督检查与行政处罚',
    certificatePrefix: 'JC',
    people: [
      { name: '韩检查', roles: ['handler'] },
      { name: '吴检查', roles: ['handler'] },
      { name: '冯局长', roles: ['leader'] },
    ],
    items: [
      {
        code: INSPECTION_ITEM,
        name: '对食品经营者经营活动的监督检查',
        category: 'inspection',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条',
        procedure: '检查、记录、处理',
        statutoryWorkingDays: 20,
      },
      {
        code: PENALTY_ITEM,
        name: '对未落实清洗消毒制度的行政处罚',
        category: 'penalty',
        legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
        procedure: '立案、调查、告知、决定、送达',
        statutoryWorkingDays: 90,
      },
    ],
  });
  handlerIds = [ids['韩检查'], ids['吴检查']];
  handler = staffToken(AGENCY, ['handler'], { subject: handlerIds[0] });
  leader = staffToken(AGENCY, ['leader'], { subject: ids['冯局长'] });
}, 300_000);

afterAll(() => stack?.stop());

const PARTY = { type: 'natural-person', name: PERSON, idType: '居民身份证', idNumber: '11010519491231002X' };

async function file(caseNumber: string, itemCode: string): Promise<string> {
  const started = await ok('case-api', handler, 'POST', '/api/v1/cases', {
    agencyCode: AGENCY,
    caseNumber,
    itemCode,
    title: '早餐店食品经营检查',
    filedOn: chinaDateOf(Date.now()),
    handlerIds,
    parties: [PARTY],
    otherPersonNames: [CLERK],
  });
  const caseId = started.caseId!;
  await until(
    () => ok('case-api', handler, 'GET', `/api/v1/cases/${segment(caseId)}`),
    (view) => view.state?.stage === 'investigating',
    `${caseId} filed`,
  );
  return caseId;
}

const INSPECTION = {
  legalBasis: '《中华人民共和国食品安全法》第一百一十条',
  inspectedOn: chinaDateOf(Date.now()),
  method: 'on-site',
  outcome: 'ordered-correction',
  findings: `执法人员对${PERSON}经营的早餐店进行现场检查，发现后厨未落实清洗消毒制度，店员${CLERK}在场。`,
  handling: `当场下达责令改正通知书，责令${PERSON}立即改正，复查时已改正。`,
};

function inspectionDraft(documentNumber: string) {
  return {
    requestId: `insp-${randomUUID()}`,
    documentNumber,
    party: PARTY,
    inspection: INSPECTION,
    facts: {
      partyType: 'natural-person',
      measures: [],
      multipleLegalRelations: false,
      majorPublicInterest: false,
      majorSocialImpact: false,
    },
    publicationBlocks: [],
  };
}

describe('行政检查结果 through case-api, the worker, publication and the portal (domain.md P14)', () => {
  it('is refused in a penalty case, naming the kind', async () => {
    const caseId = await file(`石市监罚〔2026〕${randomUUID().slice(0, 6)}号`, PENALTY_ITEM);
    const refused = await call(
      'case-api',
      handler,
      'POST',
      `/api/v1/cases/${segment(caseId)}/draft-decision`,
      inspectionDraft('石市监罚〔2026〕009号'),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('DECISION_KIND_MISMATCH');
    expect(refused.body.message).toContain('只有行政检查案件才能作出行政检查结果');
  });

  it('is decided in an inspection case and shown on the portal as 行政检查结果, the person masked', async () => {
    const documentNumber = `石市监检〔2026〕${randomUUID().slice(0, 6)}号`;
    const caseId = await file(documentNumber, INSPECTION_ITEM);
    // Bad input is refused with the field and a Chinese message, and changes nothing.
    const bad = async (inspection: Record<string, unknown>) => {
      const answer = await call(
        'case-api',
        handler,
        'POST',
        `/api/v1/cases/${segment(caseId)}/draft-decision`,
        {
          ...inspectionDraft(documentNumber),
          inspection: { ...INSPECTION, ...inspection },
        },
      );
      return { status: answer.status, fields: answer.text };
    };
    const unknownMethod = await bad({ method: 'telepathy' });
    expect(unknownMethod.status).toBe(400);
    expect(unknownMethod.fields).toContain('inspection.method');
    const tomorrow = chinaDateOf(Date.now() + 86_400_000);
    const future = await bad({ inspectedOn: tomorrow });
    expect(future.status).toBe(400);
    expect(future.fields).toContain('inspection.inspectedOn');
    expect(future.fields).toContain('晚于今天');

    const drafted = await ok(
      'case-api',
      handler,
      'POST',
      `/api/v1/cases/${segment(caseId)}/draft-decision`,
      inspectionDraft(documentNumber),
    );
    await ok('case-api', leader, 'POST', `/api/v1/cases/${segment(caseId)}/decision`, {
      requestId: `insp-${randomUUID()}`,
      draftHash: drafted.state?.draft?.hash,
      decidedOn: chinaDateOf(Date.now()),
    });
    const decisionId = caseDecisionId(caseId, 1);

    const disclosure = await until(
      () => ok('publication', handler, 'GET', `/api/v1/disclosures/${segment(decisionId)}`),
      (view) => view.status === 'published',
      `the disclosure of ${decisionId}`,
    );
    expect(disclosure.decisionId).toBe(decisionId);

    const record = (
      await ok('publication', handler, 'GET', `/api/v1/public/decisions/${segment(decisionId)}`)
    ).record;
    expect(record).toMatchObject({
      category: 'inspection',
      party: { name: '李某', category: '自然人' },
      inspection: {
        matter: '对食品经营者经营活动的监督检查',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条',
        inspectedOn: INSPECTION.inspectedOn,
        method: '现场检查',
        outcome: '发现问题，责令改正',
      },
    });
    expect(record?.inspection?.findings).toContain('李某经营的早餐店');
    expect(record?.inspection?.findings).toContain('王某在场');
    expect(record?.other).toBeUndefined();

    const list = await call('publication', undefined, 'GET', '/portal/decisions?category=inspection');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`行政检查结果 ${documentNumber}`);
    const page = await call('publication', undefined, 'GET', `/portal/decisions/${segment(decisionId)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2>行政检查结果</h2>');
    for (const shown of [
      '检查对象',
      '李某',
      '现场检查',
      '发现问题，责令改正',
      '第八师石河子市市场监督管理局',
    ])
      expect(page.text).toContain(shown);
    for (const hidden of [PERSON, CLERK, '11010519491231002X']) {
      expect(page.text).not.toContain(hidden);
      expect(list.text).not.toContain(hidden);
      expect(JSON.stringify(record)).not.toContain(hidden);
    }
  });
});
