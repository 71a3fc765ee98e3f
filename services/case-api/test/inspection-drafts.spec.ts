import { randomUUID } from 'node:crypto';
import { CASE_AGENCY, CASE_INSPECTION_ITEM, ordinaryFacts, uscc } from '@lep/testing';
import { useCaseApp } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { chinaToday } from './support/fixtures';

/**
 * The draft of an inspection case (domain.md P14) on the real worker, Temporal and registry: it is a 行政检查结果,
 * not `other`, and a result that names a 双随机 plan names one the registry holds for the agency and the party.
 */
const caseApp = useCaseApp('case_api_inspection_drafts');
const { worker, handler, newCase, caseState, investigating, request } = useCaseWorker(caseApp);

const TARGETS = [1, 2, 3].map((serial) => ({
  code: uscc(900 + serial),
  name: `阿拉尔市第${serial}食品店`,
  category: '食品经营者',
  partyType: 'legal-person',
}));
const shop = (code: string) => ({
  type: 'legal-person',
  name: TARGETS.find((target) => target.code === code)!.name,
  creditCode: code,
});
let planId: string;
let drawnCode: string;
let notDrawnCode: string;

beforeAll(async () => {
  const { call } = worker().registry;
  await call('PUT', `/api/v1/agencies/${CASE_AGENCY}/inspection-targets`, { targets: TARGETS });
  planId = (
    await call<{ id: string }>('POST', `/api/v1/agencies/${CASE_AGENCY}/inspection-plans`, {
      subject: '食品经营者监督检查',
      basis: '《中华人民共和国食品安全法》第一百一十条',
      scope: '经营场所卫生、进货查验记录',
      targetCategory: '食品经营者',
      targetCount: 2,
      inspectorsPerTarget: 2,
      plannedStart: '2026-01-01',
      plannedEnd: '2099-12-31',
    })
  ).id;
  const draw = await call<{ assignments: { targetCode: string }[] }>(
    'POST',
    `/api/v1/inspection-plans/${planId}/draws`,
  );
  const drawn = draw.assignments.map((assignment) => assignment.targetCode);
  drawnCode = drawn[0];
  notDrawnCode = TARGETS.find((target) => !drawn.includes(target.code))!.code;
}, 60_000);

/** An inspection case of `code`'s shop, under investigation. */
async function inspectionCase(caseNumber: string, code: string): Promise<string> {
  const started = await caseApp()
    .staff(handler)
    .post('/api/v1/cases')
    .send(
      newCase(caseNumber, { itemCode: CASE_INSPECTION_ITEM, title: '食品经营检查', parties: [shop(code)] }),
    )
    .expect(201);
  await investigating(started.body.caseId);
  return started.body.caseId;
}

function draft(code: string, decision: Record<string, unknown>) {
  return {
    requestId: request(),
    documentNumber: `阿市监检〔2026〕${randomUUID().slice(0, 6)}号`,
    party: shop(code),
    ...decision,
    facts: ordinaryFacts('legal-person'),
    publicationBlocks: [],
  };
}

const inspection = (extra: Record<string, unknown> = {}) => ({
  inspection: {
    legalBasis: '《中华人民共和国食品安全法》第一百一十条',
    inspectedOn: chinaToday(),
    method: 'on-site',
    outcome: 'no-problem',
    findings: '经营场所卫生、进货查验记录符合要求',
    handling: '无需处理',
    ...extra,
  },
});

const answer = (response: { status: number; body: { code?: string; violations?: unknown } }) => ({
  status: response.status,
  code: response.body.code,
  violations: response.body.violations,
});

describe('the draft of an inspection case (domain.md P14)', () => {
  it('is its 行政检查结果: a draft of `other` is refused, naming the field, and changes nothing', async () => {
    const caseId = await inspectionCase('INSPECT-OTHER', notDrawnCode);
    const drafts = `/api/v1/cases/${caseId}/draft-decision`;
    const other = draft(notDrawnCode, {
      other: {
        title: '检查结论',
        content: '未发现问题',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条',
      },
    });
    const refused = await caseApp().staff(handler).post(drafts).send(other);
    expect(answer(refused)).toEqual({
      status: 400,
      code: 'DECISION_KIND_MISMATCH',
      violations: [
        {
          field: 'other',
          rule: 'DECISION_KIND_MISMATCH',
          message:
            '行政检查案件的决定草案须填写行政检查结果（inspection），不能作为其他行政执法决定（other）提交',
        },
      ],
    });
    expect(await caseState(caseId)).toMatchObject({ stage: 'investigating' });
    expect((await caseState(caseId)).draft).toBeUndefined();

    const drafted = await caseApp().staff(handler).post(drafts).send(draft(notDrawnCode, inspection()));
    expect(drafted.status).toBe(200);
    expect(drafted.body.state).toMatchObject({ stage: 'drafting', draft: { version: 1 } });
  });

  it('names a 双随机 plan only one of the agency that drew the party', async () => {
    const caseId = await inspectionCase('INSPECT-PLAN', drawnCode);
    const drafts = `/api/v1/cases/${caseId}/draft-decision`;
    const claiming = (code: string, randomInspectionPlanId: string) =>
      caseApp()
        .staff(handler)
        .post(drafts)
        .send(draft(code, inspection({ randomInspectionPlanId })));
    const field = 'inspection.randomInspectionPlanId';

    const unknown = randomUUID();
    expect(answer(await claiming(drawnCode, unknown))).toEqual({
      status: 422,
      code: 'INSPECTION_PLAN_INVALID',
      violations: [
        {
          field,
          rule: 'INSPECTION_PLAN_INVALID',
          message: `双随机抽查计划 ${unknown} 不是本执法主体（${CASE_AGENCY}）在执法主体名录中登记的抽查计划`,
        },
      ],
    });
    const notDrawn = await claiming(notDrawnCode, planId);
    expect(answer(notDrawn)).toMatchObject({ status: 422, code: 'INSPECTION_PLAN_INVALID' });
    expect(notDrawn.body.violations).toEqual([
      expect.objectContaining({
        field,
        message: `当事人 ${shop(notDrawnCode).name}（${notDrawnCode}）不在双随机抽查计划「食品经营者监督检查」现行抽取的检查对象中`,
      }),
    ]);
    expect((await caseState(caseId)).draft).toBeUndefined();

    const drafted = await claiming(drawnCode, planId);
    expect(drafted.status).toBe(200);
    expect(drafted.body.state).toMatchObject({ stage: 'drafting', draft: { version: 1 } });
  });
});
