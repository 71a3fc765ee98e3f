import { randomUUID } from 'node:crypto';
import { caseDecisionId, EVALUATION_ITEM_POINTS, EVALUATION_ITEMS } from '@lep/contracts';
import { chinaToday, OWN_AGENCY, type Fixtures } from './stack';

/**
 * How the suite aims at one route. Every operation of docs/api/*.json needs an entry here (a test fails on a
 * route without one), so a new route cannot ship unprobed.
 */
export interface RouteCase {
  /** Anonymous callers are served (the public portal's API, /health, the published lists). */
  public?: true;
  /** Path parameters naming the own agency's resource (or, where none can be made cheaply, a fresh id). */
  params?: (fixtures: Fixtures) => Record<string, string>;
  /** Query parameters a well-formed call carries, aimed at the own agency. */
  query?: (fixtures: Fixtures) => Record<string, string>;
  /**
   * A well-formed body for the own agency's resource: another agency's staff send it (so that what stops them
   * is scope, not validation), and NUL is woven into every string of it.
   */
  body?: (fixtures: Fixtures) => unknown;
  /**
   * What every-role staff of another agency get on the own agency's resource: 403 (refused by scope, audited),
   * 404 (the fresh id exists nowhere), 400 (refused by validation before any data is read: the body above is
   * missing), 422 (a bulk import refuses each row out of scope, line by line). `shared` names data every
   * agency may read, and why; `filtered` a list answered with only what the caller's own agency may see (the
   * suite checks none of the own agency's items is in it).
   */
  foreign?: 400 | 403 | 404 | 422 | { shared: string } | { filtered: string };
  /** `none`: the service checks no credential at all (the worker, whose only route is /health). */
  credentials?: 'none';
}

/** 执法人员信息公示: the registry's directory of certified staff is readable by every agency's staff. */
const PERSONNEL_DIRECTORY = '执法人员及其执法证信息依法公示，各执法主体工作人员均可查询';

const fresh = () => randomUUID();
const requestId = () => `hostile-${randomUUID()}`;
const agency = () => ({ code: OWN_AGENCY });
const caseParam = (f: Fixtures) => ({ caseId: f.caseId });
/** The review task of round 1 of the own case, named as reviewWorkflowId (@lep/contracts) names it. */
const taskParam = (f: Fixtures) => ({ taskId: `review-${f.caseId}-1` });
const evidenceParam = (f: Fixtures) => ({ id: f.evidenceId });
/** A decision id as the platform makes them (of the own case, which has no decision: every agency gets 404). */
const decisionParam = (f: Fixtures) => ({ id: caseDecisionId(f.caseId, 1) });
const documentParam = (f: Fixtures) => ({ id: f.documentId });
/** An agency version nobody filed: the own agency is a root with no justice bureau above it to file with. */
const unfiledTemplate = () => ({ id: `penalty-decision.${OWN_AGENCY}.v999` });
const ownTemplate = () => ({
  agencyCode: OWN_AGENCY,
  kind: 'penalty-decision',
  fields: [{ name: 'parties', label: '当事人', type: 'parties', required: true, source: 'case.parties' }],
  blocks: [{ type: 'heading' }, { type: 'parties', field: 'parties' }],
});
/** The eight 案卷评查 items at full marks, each with its finding. */
const evaluationFindings = () =>
  EVALUATION_ITEMS.map((item) => ({ item, score: EVALUATION_ITEM_POINTS[item], finding: '符合要求' }));
const purpose = () => ({ purpose: '法制审核查阅现场录像' });
/** One plain payload in the remote codec's JSON: only platform admins may have payloads decoded or encoded. */
const codecPayloads = () => ({
  payloads: [
    {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from('"探测"').toString('base64'),
    },
  ],
});
const year = () => ({ agency: OWN_AGENCY, year: '2026' });
const caseAction = () => ({ requestId: requestId() });
const stageAction = () => ({ ...caseAction(), note: '冒名办理的环节' });
const person = () => ({
  agencyCode: OWN_AGENCY,
  name: '冒名人员',
  roles: ['handler'],
  certificateNumber: 'BT-FORGED-1',
  certificateIssuedOn: '2024-01-01',
  certificateExpiresOn: '2029-12-31',
  qualification: 'exam-passed',
  scope: '市场监管',
});
const agencyBody = () => ({
  name: '冒名修改的执法主体',
  level: 'corps',
  unifiedSocialCreditCode: '91659000MA7XXXXX1X',
  legalBasis: '《中华人民共和国行政处罚法》',
  dutiesAndPowers: '市场监管行政执法',
  region: 'national',
  legalReviewBody: { name: '法制科', agencyCode: OWN_AGENCY },
});
const party = { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' };
const draftDecision = () => ({
  ...caseAction(),
  documentNumber: '阿市监罚〔2026〕99号',
  party,
  penalty: {
    violationType: '销售不合格产品',
    facts: '当事人销售不合格电热水壶20台。',
    legalBasis: '《中华人民共和国产品质量法》第四十九条',
    penaltyKinds: ['罚款'],
    content: '罚款人民币5000元',
    fineYuan: 5000,
    validUntil: '2027-12-31',
  },
  facts: {
    partyType: 'natural-person',
    fineYuan: 5000,
    measures: [],
    multipleLegalRelations: false,
    majorPublicInterest: false,
    majorSocialImpact: false,
  },
  publicationBlocks: [],
});

export const ROUTE_TABLE: Record<string, RouteCase> = {
  // ── registry ──
  'registry GET /health': { public: true },
  'registry GET /health/ready': { public: true },
  'registry GET /health/live': { public: true },
  'registry GET /api/v1/agencies': { foreign: { shared: '执法主体名录对所有工作人员公开' } },
  'registry POST /api/v1/agencies': {
    body: () => ({ ...agencyBody(), code: `${OWN_AGENCY}-X`, parentCode: OWN_AGENCY }),
    foreign: 403,
  },
  'registry GET /api/v1/agencies/{code}': { params: agency, foreign: { shared: '执法主体信息依法公示' } },
  'registry PUT /api/v1/agencies/{code}': { params: agency, body: agencyBody, foreign: 403 },
  'registry DELETE /api/v1/agencies/{code}': { params: agency, foreign: 403 },
  'registry GET /api/v1/agencies/{code}/descendants': {
    params: agency,
    foreign: { shared: '执法主体的上下级关系是公开的名录信息' },
  },
  // The own agency is a 兵团-level root: no level above it has a justice bureau, so the answer is 404 for anyone.
  'registry GET /api/v1/agencies/{code}/justice-bureau': {
    params: agency,
    foreign: 404,
  },
  'registry GET /api/v1/agencies/{code}/personnel': {
    params: agency,
    foreign: { shared: PERSONNEL_DIRECTORY },
  },
  'registry POST /api/v1/personnel': { body: person, foreign: 403 },
  'registry GET /api/v1/personnel/{id}': {
    params: (f) => ({ id: f.personId }),
    foreign: { shared: PERSONNEL_DIRECTORY },
  },
  'registry PUT /api/v1/personnel/{id}': { params: (f) => ({ id: f.personId }), body: person, foreign: 403 },
  'registry POST /api/v1/personnel/{id}/status': {
    params: (f) => ({ id: f.personId }),
    body: () => ({ status: 'suspended', effectiveOn: chinaToday(), reason: '停职调查' }),
    foreign: 403,
  },
  'registry GET /api/v1/personnel/{id}/may-enforce': {
    params: (f) => ({ id: f.personId }),
    query: () => ({ agency: OWN_AGENCY, item: 'P-001', on: chinaToday() }),
    foreign: { shared: PERSONNEL_DIRECTORY },
  },
  'registry GET /api/v1/agencies/{code}/filing-facts': {
    params: agency,
    query: (f) => ({ item: 'P-001', on: chinaToday(), handlers: f.personId }),
    foreign: { shared: '立案所需的执法主体、事项清单和执法人员信息均依法公示' },
  },
  'registry GET /api/v1/agencies/{code}/reviewer-ratio': {
    params: agency,
    foreign: { shared: '法制审核人员配比是对各执法主体公开的考核指标' },
  },
  'registry GET /api/v1/agencies/{code}/enforcement-items': { public: true, params: agency },
  'registry POST /api/v1/agencies/{code}/enforcement-items': {
    params: agency,
    body: () => ({
      items: [
        {
          code: 'P-001',
          name: '冒名发布的执法事项',
          category: 'penalty',
          legalBasis: '《中华人民共和国产品质量法》第四十九条',
          procedure: '立案、调查、告知、决定、送达',
          statutoryWorkingDays: 90,
        },
      ],
    }),
    foreign: 403,
  },
  'registry GET /api/v1/agencies/{code}/enforcement-items/submissions': { params: agency, foreign: 403 },
  'registry GET /api/v1/agencies/{code}/enforcement-items/submissions/{id}': {
    params: () => ({ code: OWN_AGENCY, id: fresh() }),
    foreign: 403,
  },
  'registry POST /api/v1/agencies/{code}/enforcement-items/submissions/{id}/approval': {
    params: () => ({ code: OWN_AGENCY, id: fresh() }),
    body: () => ({ opinion: '冒名审核通过' }),
    foreign: 404,
  },
  'registry POST /api/v1/agencies/{code}/enforcement-items/submissions/{id}/refusal': {
    params: () => ({ code: OWN_AGENCY, id: fresh() }),
    body: () => ({ reason: '冒名退回' }),
    foreign: 404,
  },
  'registry GET /api/v1/agencies/{code}/av-recording-list': { public: true, params: agency },
  'registry POST /api/v1/agencies/{code}/av-recording-list': {
    params: agency,
    body: () => ({ entries: [{ itemCode: 'P-001', stages: ['investigating'], fullProcess: true }] }),
    foreign: 403,
  },
  'registry GET /api/v1/agencies/{code}/review-catalog': { public: true, params: agency },
  'registry POST /api/v1/agencies/{code}/review-catalog': {
    params: agency,
    body: () => ({
      fineThresholds: [{ partyType: 'natural-person', minimumYuan: 1 }],
      measures: [],
    }),
    foreign: 403,
  },
  'registry GET /api/v1/platform/review-catalog': { public: true },
  'registry GET /api/v1/platform/review-catalog/versions': { public: true },
  // Only the platform admin publishes the default catalogue: every role of another agency is refused.
  'registry POST /api/v1/platform/review-catalog': {
    body: () => ({
      fineThresholds: [{ partyType: 'natural-person', minimumYuan: 1 }],
      measures: [],
    }),
    foreign: 403,
  },
  'registry POST /api/v1/api-keys': {
    body: () => ({ agencyCode: OWN_AGENCY, role: 'agency-system', label: '冒名申请的密钥' }),
    foreign: 403,
  },
  'registry GET /api/v1/agencies/{code}/api-keys': { params: agency, foreign: 403 },
  'registry POST /api/v1/api-keys/{keyId}/revoke': {
    params: (f) => ({ keyId: f.apiKeyId }),
    body: () => ({ reason: '冒名吊销' }),
    foreign: 403,
  },
  'registry POST /api/v1/auth/introspect': { public: true },
  'registry GET /api/v1/calendar': { public: true },
  'registry GET /api/v1/calendar/{region}/{year}': {
    public: true,
    params: () => ({ region: 'national', year: '2026' }),
  },
  'registry PUT /api/v1/calendar/{region}/{year}': {
    params: () => ({ region: 'national', year: '2027' }),
    body: () => ({
      daysOff: ['2027-01-01'],
      makeUpWorkingDays: [],
      source: { title: '冒名录入的放假通知', number: null, issuedOn: null, confidence: 'official' },
    }),
    foreign: 403,
  },
  'registry GET /api/v1/agencies/{code}/inspection-targets': { params: agency, foreign: 403 },
  'registry PUT /api/v1/agencies/{code}/inspection-targets': {
    params: agency,
    body: () => ({
      targets: [{ code: '91659000MA7XXXXX1X', name: '冒名加入的检查对象', category: '食品经营' }],
    }),
    foreign: 403,
  },
  'registry GET /api/v1/agencies/{code}/inspection-relations': { params: agency, foreign: 403 },
  'registry POST /api/v1/agencies/{code}/inspection-relations': {
    params: agency,
    body: (f) => ({
      personnelId: f.personId,
      targetCode: '91659000MA7XXXXX1X',
      relation: '冒名申报的回避关系',
    }),
    foreign: 403,
  },
  'registry POST /api/v1/agencies/{code}/inspection-plans': {
    params: agency,
    body: () => ({
      subject: '冒名制定的抽查计划',
      basis: '《市场监督管理随机抽查工作指引》',
      scope: '食品经营',
      targetCount: 1,
      inspectorsPerTarget: 2,
      plannedStart: '2027-01-04',
      plannedEnd: '2027-01-29',
    }),
    foreign: 403,
  },
  'registry GET /api/v1/agencies/{code}/inspection-plans': { params: agency, foreign: 403 },
  'registry GET /api/v1/inspection-plans/{id}': { params: () => ({ id: fresh() }), foreign: 404 },
  'registry POST /api/v1/inspection-plans/{id}/draws': { params: () => ({ id: fresh() }), foreign: 404 },
  'registry POST /api/v1/inspection-plans/{id}/draws/{drawId}/void': {
    params: () => ({ id: fresh(), drawId: fresh() }),
    foreign: 400,
  },
  'registry GET /api/v1/inspection-plans/{id}/draws/{drawId}/verification': {
    params: () => ({ id: fresh(), drawId: fresh() }),
    foreign: 404,
  },
  'registry PUT /api/v1/inspection-plans/{id}/results/{targetCode}': {
    params: () => ({ id: fresh(), targetCode: 'T-001' }),
    foreign: 400,
  },
  'registry POST /api/v1/inspection-plans/{id}/results/publish': {
    params: () => ({ id: fresh() }),
    foreign: 404,
  },
  'registry POST /api/v1/imports/{kind}': {
    params: () => ({ kind: 'personnel' }),
    body: () => ({
      mode: 'apply',
      rows: [
        {
          line: 2,
          fields: {
            agencyCode: OWN_AGENCY,
            name: '冒名导入',
            roles: 'handler',
            certificateNumber: 'BT-FORGED-2',
            certificateIssuedOn: '2024-01-01',
            certificateExpiresOn: '2029-12-31',
            qualification: 'exam-passed',
            scope: '市场监管',
          },
        },
      ],
    }),
    foreign: 422,
  },

  // ── case-api ──
  'case-api GET /health': { public: true },
  'case-api GET /health/ready': { public: true },
  'case-api GET /health/live': { public: true },
  'case-api POST /api/v1/cases': {
    body: (f) => ({
      agencyCode: OWN_AGENCY,
      caseNumber: `FORGED-${randomUUID().slice(0, 8)}`,
      itemCode: 'P-001',
      title: '冒名立案',
      filedOn: chinaToday(),
      handlerIds: f.handlerIds,
      parties: [party],
      otherPersonNames: [],
    }),
    foreign: 403,
  },
  'case-api GET /api/v1/cases': { query: () => ({ agency: OWN_AGENCY }), foreign: 403 },
  'case-api GET /api/v1/cases/{caseId}': { params: caseParam, foreign: 403 },
  'case-api GET /api/v1/cases/{caseId}/record': { params: caseParam, foreign: 403 },
  'case-api GET /api/v1/cases/{caseId}/dossier': { params: caseParam, foreign: 403 },
  'case-api GET /api/v1/cases/{caseId}/accountability': { params: caseParam, foreign: 403 },
  'case-api GET /api/v1/withdrawn-decisions': { query: () => ({ agency: OWN_AGENCY }), foreign: 403 },
  // 案卷评查: only a justice bureau draws (the other agency is none: 403); draws and evaluations of others are
  // not found; the list holds only what the caller's own agency drew or was returned.
  'case-api POST /api/v1/evaluation-draws': {
    body: () => ({ requestId: requestId(), title: '冒名组织的案卷评查', sampleSize: 1 }),
    foreign: 403,
  },
  'case-api GET /api/v1/evaluation-draws': { foreign: { filtered: '抽取记录只含本局组织的' } },
  'case-api GET /api/v1/evaluation-draws/{drawId}': { params: () => ({ drawId: fresh() }), foreign: 404 },
  'case-api GET /api/v1/evaluation-draws/{drawId}/verification': {
    params: () => ({ drawId: fresh() }),
    foreign: 404,
  },
  'case-api GET /api/v1/evaluations': { foreign: { filtered: '评查记录只含本单位组织或被反馈的' } },
  'case-api GET /api/v1/evaluations/{evaluationId}': {
    params: () => ({ evaluationId: fresh() }),
    foreign: 404,
  },
  'case-api PUT /api/v1/evaluations/{evaluationId}/findings': {
    params: () => ({ evaluationId: fresh() }),
    body: () => ({ items: evaluationFindings() }),
    foreign: 404,
  },
  'case-api POST /api/v1/evaluations/{evaluationId}/answer': {
    params: () => ({ evaluationId: fresh() }),
    body: () => ({ answer: '冒名反馈的整改情况', rectified: true }),
    foreign: 404,
  },
  'case-api GET /api/v1/cases/{caseId}/actions/{requestId}': {
    params: (f) => ({ ...caseParam(f), requestId: requestId() }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/records': {
    params: caseParam,
    body: () => ({ ...caseAction(), title: '调取证据记录', content: '冒名写入的记录', evidence: [] }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/draft-decision': {
    params: caseParam,
    body: draftDecision,
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/major-declaration': {
    params: caseParam,
    body: () => ({ ...caseAction(), reason: '冒名的重大认定' }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/notice': {
    params: caseParam,
    body: () => ({ ...caseAction(), hearingRights: true }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/hearing-request': {
    params: caseParam,
    body: caseAction,
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/hearing': {
    params: caseParam,
    body: () => ({ ...caseAction(), report: '冒名的听证报告' }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/review-submission': {
    params: caseParam,
    body: caseAction,
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/review-dispute': {
    params: caseParam,
    body: () => ({ ...caseAction(), reason: '冒名提出的异议' }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/decision': {
    params: caseParam,
    body: () => ({ ...caseAction(), draftHash: 'ab'.repeat(32), decidedOn: '2026-12-01' }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/service': { params: caseParam, body: stageAction, foreign: 403 },
  'case-api POST /api/v1/cases/{caseId}/execution': { params: caseParam, body: stageAction, foreign: 403 },
  'case-api POST /api/v1/cases/{caseId}/closure': { params: caseParam, body: stageAction, foreign: 403 },
  'case-api POST /api/v1/cases/{caseId}/archive': { params: caseParam, body: stageAction, foreign: 403 },
  'case-api POST /api/v1/cases/{caseId}/decision-limit-extension': {
    params: caseParam,
    body: () => ({ ...caseAction(), approvedBy: '冒名负责人', reason: '冒名延长期限', days: 30 }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/handler-replacement': {
    params: caseParam,
    body: (f) => ({
      ...caseAction(),
      outgoingId: f.handlerIds[1],
      incomingId: fresh(),
      reason: '冒名更换承办人员',
    }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/revocation': {
    params: caseParam,
    body: () => ({
      ...caseAction(),
      kind: 'revoked',
      reason: '冒名撤销',
      source: { kind: 'self-correction', documentNumber: '冒名纠〔2026〕1号', decidedOn: '2026-01-05' },
    }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/coercion-measures': {
    params: caseParam,
    body: () => ({
      ...caseAction(),
      documentNumber: '阿市监强〔2026〕99号',
      party,
      coercion: { kind: 'seal' },
      other: {
        title: '冒名查封决定',
        content: '查封电热水壶20台',
        legalBasis: '《中华人民共和国行政强制法》第二十二条',
      },
      decidedOn: '2026-12-01',
      publicationBlocks: [],
    }),
    foreign: 403,
  },
  'case-api POST /api/v1/cases/{caseId}/coercion-measures/{decisionId}/revocation': {
    params: (f) => ({ caseId: f.caseId, decisionId: caseDecisionId(f.caseId, 1) }),
    body: () => ({
      ...caseAction(),
      kind: 'revoked',
      reason: '冒名撤销查封',
      source: { kind: 'reconsideration', documentNumber: '冒名复决〔2026〕1号', decidedOn: '2026-01-05' },
    }),
    foreign: 403,
  },
  'case-api POST /api/v1/temporal-codec/decode': { body: codecPayloads, foreign: 403 },
  'case-api POST /api/v1/temporal-codec/encode': { body: codecPayloads, foreign: 403 },
  'case-api GET /api/v1/tasks': { foreign: { shared: '待办列表只含本人所在执法主体的任务' } },
  'case-api POST /api/v1/tasks/{taskId}/claim': { params: taskParam, foreign: 404 },
  'case-api POST /api/v1/tasks/{taskId}/release': { params: taskParam, foreign: 404 },
  'case-api GET /api/v1/tasks/{taskId}/actions/{requestId}': {
    params: (f) => ({ ...taskParam(f), requestId: requestId() }),
    foreign: 404,
  },
  'case-api POST /api/v1/tasks/{taskId}/complete': {
    params: taskParam,
    body: () => ({ ...caseAction(), ruling: 'uphold', reason: '冒名裁决' }),
    foreign: 404,
  },
  'case-api POST /api/v1/tasks/{taskId}/extension': {
    params: taskParam,
    body: () => ({ ...caseAction(), reason: '冒名申请延期' }),
    foreign: 404,
  },
  'case-api POST /api/v1/tasks/{taskId}/conflict-declaration': {
    params: taskParam,
    body: () => ({ ...caseAction(), reason: '冒名声明回避' }),
    foreign: 404,
  },

  // ── evidence ──
  'evidence GET /health': { public: true },
  'evidence GET /health/ready': { public: true },
  'evidence GET /health/live': { public: true },
  'evidence POST /api/v1/cases/{caseId}/evidence': {
    params: (f) => ({ caseId: f.evidenceCaseId }),
    // Refused before a byte is read: the case id names another agency.
    foreign: 403,
  },
  'evidence GET /api/v1/cases/{caseId}/evidence': {
    params: (f) => ({ caseId: f.evidenceCaseId }),
    foreign: { filtered: '证据清单只列出调阅人可见的证据' },
  },
  'evidence DELETE /api/v1/evidence/{id}': { params: evidenceParam, query: purpose, foreign: 403 },
  'evidence GET /api/v1/evidence/{id}/content': { params: evidenceParam, query: purpose, foreign: 403 },
  'evidence POST /api/v1/evidence/{id}/presigned-url': { params: evidenceParam, body: purpose, foreign: 403 },
  'evidence GET /api/v1/cases/{caseId}/av-status': {
    params: (f) => ({ caseId: f.evidenceCaseId }),
    query: () => ({ stages: '现场检查' }),
    foreign: { filtered: '只统计调阅人可见的音像记录' },
  },

  // ── publication ──
  'publication GET /health': { public: true },
  'publication GET /health/ready': { public: true },
  'publication GET /health/live': { public: true },
  'publication GET /api/v1/disclosures/{id}': { params: decisionParam, foreign: 404 },
  'publication POST /api/v1/disclosures/{id}/masking-confirmation': {
    params: decisionParam,
    foreign: 404,
  },
  'publication POST /api/v1/disclosures/{id}/block-review': {
    params: decisionParam,
    body: () => ({ outcome: 'lift', opinion: '冒名解除不予公开' }),
    foreign: 404,
  },
  'publication POST /api/v1/disclosures/{id}/corrections': {
    params: decisionParam,
    body: () => ({ reason: '冒名更正', partyName: '冒名当事人' }),
    foreign: 404,
  },
  'publication GET /api/v1/disclosures/{id}/versions': { params: decisionParam, foreign: 404 },
  'publication GET /api/v1/public/decisions': { public: true },
  'publication GET /api/v1/public/decisions/{id}': { public: true, params: decisionParam },
  'publication GET /api/v1/public/decisions/{id}/document': { public: true, params: decisionParam },
  'publication GET /api/v1/public/pre-disclosure/{kind}': {
    public: true,
    params: () => ({ kind: 'agencies' }),
  },
  'publication GET /api/v1/public/pre-disclosure/{kind}/{key}': {
    public: true,
    params: () => ({ kind: 'agencies', key: OWN_AGENCY }),
  },
  'publication GET /api/v1/public/inspections/{kind}': {
    public: true,
    params: () => ({ kind: 'inspection-plans' }),
  },
  'publication GET /api/v1/public/annual-reports': { public: true, query: () => ({ agency: OWN_AGENCY }) },
  'publication GET /api/v1/public/annual-reports/{agency}/{year}': {
    public: true,
    params: () => ({ agency: OWN_AGENCY, year: '2025' }),
  },
  'publication GET /api/v1/public/record-anchors': { public: true },
  'publication GET /api/v1/public/record-anchors/{date}': {
    public: true,
    params: () => ({ date: chinaToday() }),
  },
  'publication POST /api/v1/feed/disclosures': { foreign: 403 },
  'publication POST /api/v1/feed/portal-entries': { foreign: 403 },

  // ── statistics ──
  'statistics GET /health': { public: true },
  'statistics GET /health/ready': { public: true },
  'statistics GET /health/live': { public: true },
  'statistics GET /api/v1/statistics': { query: year, foreign: 403 },
  'statistics GET /api/v1/warnings': { query: () => ({ agency: OWN_AGENCY }), foreign: 403 },
  'statistics GET /api/v1/reports': { query: year, foreign: 403 },
  'statistics POST /api/v1/reports/runs': { foreign: 403 },
  'statistics GET /api/v1/reports/{id}': { params: () => ({ id: fresh() }), foreign: 404 },
  'statistics GET /api/v1/reports/{id}/export.csv': { params: () => ({ id: fresh() }), foreign: 404 },
  'statistics GET /api/v1/reports/{id}/export.xlsx': { params: () => ({ id: fresh() }), foreign: 404 },
  'statistics PUT /api/v1/reports/{id}/narrative': {
    params: () => ({ id: fresh() }),
    body: () => ({ narrative: '冒名修改的情况说明' }),
    foreign: 404,
  },
  'statistics POST /api/v1/reports/{id}/approval': { params: () => ({ id: fresh() }), foreign: 404 },
  'statistics POST /api/v1/reports/{id}/submissions': {
    params: () => ({ id: fresh() }),
    body: () => ({ recipient: 'government', recipientName: '冒名登记的人民政府', submittedOn: '2026-01-20' }),
    foreign: 404,
  },
  'statistics GET /api/v1/reports/{id}/submissions': { params: () => ({ id: fresh() }), foreign: 404 },

  // ── worker ──
  'worker GET /health': { public: true, credentials: 'none' },
  'worker GET /health/ready': { public: true, credentials: 'none' },
  'worker GET /health/live': { public: true, credentials: 'none' },

  // ── documents ──
  'documents GET /health': { public: true },
  'documents GET /health/ready': { public: true },
  'documents GET /health/live': { public: true },
  'documents GET /api/v1/document-kinds': { foreign: { shared: '文书种类与平台默认式样对所有执法主体相同' } },
  'documents GET /api/v1/agencies/{agencyCode}/templates': {
    params: () => ({ agencyCode: OWN_AGENCY }),
    foreign: 403,
  },
  'documents GET /api/v1/template-filings': { query: () => ({ bureau: OWN_AGENCY }), foreign: 403 },
  'documents GET /api/v1/templates/{id}': {
    params: () => ({ id: 'penalty-decision.v1' }),
    foreign: { shared: '平台默认式样对所有执法主体公开' },
  },
  'documents GET /api/v1/templates/{id}/preview': {
    params: () => ({ id: 'penalty-decision.v1' }),
    foreign: { shared: '平台默认式样的样张对所有执法主体公开' },
  },
  'documents POST /api/v1/templates': { body: ownTemplate, foreign: 403 },
  'documents POST /api/v1/templates/{id}/acceptance': {
    params: unfiledTemplate,
    body: () => ({ recordNumber: '冒名备案号' }),
    foreign: 404,
  },
  'documents POST /api/v1/templates/{id}/refusal': {
    params: unfiledTemplate,
    body: () => ({ reason: '冒名退回' }),
    foreign: 404,
  },
  'documents GET /api/v1/agencies/{agencyCode}/numbering': {
    params: () => ({ agencyCode: OWN_AGENCY }),
    foreign: 403,
  },
  'documents PUT /api/v1/agencies/{agencyCode}/numbering': {
    params: () => ({ agencyCode: OWN_AGENCY }),
    body: () => ({ abbreviation: '冒名' }),
    foreign: 403,
  },
  'documents POST /api/v1/documents': {
    body: (f) => ({
      requestId: requestId(),
      caseId: f.caseId,
      kind: 'service-receipt',
      data: { recipient: '张三', place: '冒名地点', method: '直接送达' },
    }),
    // Refused before the data is read: the case belongs to another agency.
    foreign: 403,
  },
  'documents GET /api/v1/documents': { query: (f) => ({ caseId: f.caseId }), foreign: 403 },
  'documents GET /api/v1/documents/{id}': { params: documentParam, foreign: 403 },
  'documents GET /api/v1/documents/{id}/pdf': { params: documentParam, query: purpose, foreign: 403 },
  'documents GET /api/v1/documents/{id}/masked-pdf': { params: documentParam, foreign: 403 },
  'documents POST /api/v1/documents/{id}/void': {
    params: documentParam,
    body: () => ({ reason: '冒名作废' }),
    foreign: 403,
  },
};
