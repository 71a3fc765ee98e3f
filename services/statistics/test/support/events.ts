import {
  AgencyChangedData,
  CASE_EVENT_TYPES,
  CASE_EVENT_SOURCE,
  CaseDeadlineFiredData,
  CaseDeadlineKind,
  CaseFiledData,
  CaseRef,
  CaseStage,
  CaseStageChangedData,
  CloudEvent,
  CoercionKind,
  createCloudEvent,
  DecisionMadeData,
  DecisionWithdrawnData,
  DisclosureCorrectedData,
  DisclosureDeadlineData,
  DisclosurePublishedData,
  DisclosureWithdrawnData,
  EVALUATION_EVENT_TYPES,
  EVALUATION_ITEM_POINTS,
  EVALUATION_ITEMS,
  EvaluationAnsweredData,
  EvaluationFindingsReturnedData,
  evaluationGrade,
  EVIDENCE_EVENT_SOURCE,
  EVIDENCE_EVENT_TYPES,
  EvidenceStoredData,
  INSPECTION_EVENT_TYPES,
  InspectionPlanDisclosedData,
  InspectionResultsPublishedData,
  ItemListPublishedData,
  NoPenaltyGround,
  PersonnelChangedData,
  ItemCategory,
  PUBLICATION_EVENT_SOURCE,
  PUBLICATION_EVENT_TYPES,
  PublicDisclosureRecord,
  REGISTRY_EVENT_SOURCE,
  REGISTRY_EVENT_TYPES,
  ReviewerRatioData,
  ReviewRoundCompletedData,
  ReviewRoundOpenedData,
} from '@lep/contracts';

let sequence = 0;

function event<T>(source: string, type: string, subject: string, data: T, time: string): CloudEvent<T> {
  sequence += 1;
  return createCloudEvent({ id: `evt-${sequence}`, source, type, subject, data, time: new Date(time) });
}

export function agencyChanged(code: string, name: string, level: string, parentCode: string | null) {
  const data: AgencyChangedData = {
    code,
    name,
    level,
    parentCode,
    unifiedSocialCreditCode: `11650000${code}`.padEnd(18, '0').slice(0, 18),
    legalBasis: '《中华人民共和国行政处罚法》',
    dutiesAndPowers: '行政执法',
    region: 'xinjiang',
    legalReviewBody: { name: `${name}法制机构`, agencyCode: code },
    removed: false,
  };
  return event(REGISTRY_EVENT_SOURCE, REGISTRY_EVENT_TYPES.agencyChanged, code, data, '2026-01-01T00:00:00Z');
}

export function caseRef(caseId: string, agencyCode: string, category: ItemCategory): CaseRef {
  return { caseId, agencyCode, caseNumber: `兵案〔2026〕${caseId}号`, category, itemCode: `${category}-001` };
}

export function caseFiled(ref: CaseRef, filedOn: string, handlerIds = ['h1', 'h2']) {
  const data: CaseFiledData = {
    ...ref,
    filedOn,
    title: '案件',
    handlerIds,
    region: 'xinjiang',
  };
  return event(CASE_EVENT_SOURCE, CASE_EVENT_TYPES.filed, ref.caseId, data, `${filedOn}T02:00:00Z`);
}

export function stageChanged(
  ref: CaseRef,
  from: CaseStage,
  to: CaseStage,
  at: string,
  av: Pick<CaseStageChangedData, 'avRequired' | 'avRecorded'> = {},
) {
  const data: CaseStageChangedData = { ...ref, from, to, at, major: false, ...av };
  return event(CASE_EVENT_SOURCE, CASE_EVENT_TYPES.stageChanged, ref.caseId, data, at);
}

export function deadlineFired(ref: CaseRef, deadline: CaseDeadlineKind, dueAt: string, round?: number) {
  const data: CaseDeadlineFiredData = { ...ref, deadline, dueAt, ...(round ? { round } : {}) };
  return event(CASE_EVENT_SOURCE, CASE_EVENT_TYPES.deadlineFired, ref.caseId, data, dueAt);
}

export function reviewOpened(ref: CaseRef, round: number, at: string) {
  const data: ReviewRoundOpenedData = {
    ...ref,
    round,
    draftHash: `hash-${round}`,
    reviewBodyAgencyCode: ref.agencyCode,
    dueOn: at.slice(0, 10),
  };
  return event(CASE_EVENT_SOURCE, CASE_EVENT_TYPES.reviewRoundOpened, ref.caseId, data, at);
}

export function reviewCompleted(
  ref: CaseRef,
  round: number,
  outcome: ReviewRoundCompletedData['outcome'],
  completedAt: string,
  late = false,
) {
  const data: ReviewRoundCompletedData = {
    ...ref,
    round,
    draftHash: `hash-${round}`,
    outcome,
    reviewerId: 'reviewer-1',
    completedAt,
    late,
  };
  return event(CASE_EVENT_SOURCE, CASE_EVENT_TYPES.reviewRoundCompleted, ref.caseId, data, completedAt);
}

interface DecisionOptions {
  decidedOn: string;
  major?: boolean;
  penalty?: { kinds: string[]; fineYuan?: number; confiscatedYuan?: number };
  licensingGranted?: boolean;
  /** 不予行政处罚 on this ground (domain.md P12). */
  noPenalty?: NoPenaltyGround;
  /** A 行政强制 decision of this kind (the ref's category is then coercion, domain.md P13). */
  coercion?: CoercionKind;
}

export function decisionMade(ref: CaseRef, decisionId: string, options: DecisionOptions) {
  const data: DecisionMadeData = {
    ...ref,
    decisionId,
    documentNumber: `兵罚〔2026〕${decisionId}号`,
    decidedOn: options.decidedOn,
    decidedAt: `${options.decidedOn}T03:00:00Z`,
    agencyName: '执法主体',
    agencyCreditCode: '116500000000000000',
    region: 'xinjiang',
    major: options.major ?? false,
    party: { type: 'legal-person', name: '某某有限公司', creditCode: '91650000000000000X' },
    otherPersonNames: [],
    publicationBlocks: [],
    draftHash: 'draft',
    ...(options.penalty
      ? {
          penalty: {
            violationType: '违法经营',
            facts: '事实',
            legalBasis: '依据',
            penaltyKinds: options.penalty.kinds,
            content: '处罚内容',
            ...(options.penalty.fineYuan ? { fineYuan: options.penalty.fineYuan } : {}),
            ...(options.penalty.confiscatedYuan ? { confiscatedYuan: options.penalty.confiscatedYuan } : {}),
            validUntil: '2099-12-31',
          },
        }
      : {}),
    ...(options.licensingGranted !== undefined
      ? {
          licensing: {
            documentTitle: '准予行政许可决定书',
            licenceKind: '普通' as const,
            content: '许可内容',
            validFrom: options.decidedOn,
            validTo: '2030-12-31',
            granted: options.licensingGranted,
          },
        }
      : {}),
    ...(options.noPenalty
      ? {
          noPenalty: {
            ground: options.noPenalty,
            violationType: '违法经营',
            facts: '事实',
            legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
            reason: '不予处罚理由',
          },
        }
      : {}),
    ...(options.coercion
      ? {
          coercion: { kind: options.coercion },
          other: { title: '行政强制决定', content: '强制内容', legalBasis: '《中华人民共和国行政强制法》' },
        }
      : {}),
  };
  return event(CASE_EVENT_SOURCE, CASE_EVENT_TYPES.decisionMade, decisionId, data, data.decidedAt);
}

export function decisionWithdrawn(
  decisionId: string,
  caseId: string,
  agencyCode: string,
  withdrawnOn: string,
) {
  const data: DecisionWithdrawnData = {
    decisionId,
    caseId,
    agencyCode,
    kind: 'revoked',
    reason: '复议撤销',
    withdrawnOn,
    region: 'xinjiang',
  };
  return event(
    CASE_EVENT_SOURCE,
    CASE_EVENT_TYPES.decisionWithdrawn,
    decisionId,
    data,
    `${withdrawnOn}T04:00:00Z`,
  );
}

function record(decisionId: string, agencyCode: string, category: ItemCategory): PublicDisclosureRecord {
  return {
    decisionId,
    category,
    agencyCode,
    agencyName: '执法主体',
    agencyCreditCode: '116500000000000000',
    documentNumber: `兵罚〔2026〕${decisionId}号`,
    decidedOn: '2026-02-01',
    displayUntil: '2029-02-01',
    party: { name: '某某有限公司', category: '法人及非法人组织' },
    dataSource: '执法主体',
    dataSourceCreditCode: '116500000000000000',
  };
}

export function disclosurePublished(
  decisionId: string,
  agencyCode: string,
  category: ItemCategory,
  publishedAt: string,
  onTime: boolean,
) {
  const data: DisclosurePublishedData = {
    decisionId,
    agencyCode,
    version: 1,
    publishedAt,
    deadlineOn: publishedAt.slice(0, 10),
    onTime,
    record: record(decisionId, agencyCode, category),
  };
  return event(PUBLICATION_EVENT_SOURCE, PUBLICATION_EVENT_TYPES.published, decisionId, data, publishedAt);
}

export function disclosureDeadline(
  kind: 'deadlineWarning' | 'overdue',
  decisionId: string,
  agencyCode: string,
  at: string,
) {
  const data: DisclosureDeadlineData = {
    decisionId,
    agencyCode,
    deadlineOn: at.slice(0, 10),
    waitingFor: ['masking-confirmation'],
    at,
  };
  return event(PUBLICATION_EVENT_SOURCE, PUBLICATION_EVENT_TYPES[kind], decisionId, data, at);
}

export function disclosureWithdrawn(decisionId: string, agencyCode: string, withdrawnAt: string) {
  const data: DisclosureWithdrawnData = {
    decisionId,
    agencyCode,
    kind: 'revoked',
    reason: '复议撤销',
    withdrawnAt,
    withdrawBy: withdrawnAt.slice(0, 10),
    wasPublished: true,
  };
  return event(PUBLICATION_EVENT_SOURCE, PUBLICATION_EVENT_TYPES.withdrawn, decisionId, data, withdrawnAt);
}

export function disclosureCorrected(
  decisionId: string,
  agencyCode: string,
  category: ItemCategory,
  correctedAt: string,
) {
  const data: DisclosureCorrectedData = {
    decisionId,
    agencyCode,
    version: 2,
    reason: '文号错误',
    correctedAt,
    record: record(decisionId, agencyCode, category),
  };
  return event(PUBLICATION_EVENT_SOURCE, PUBLICATION_EVENT_TYPES.corrected, decisionId, data, correctedAt);
}

export function evidenceStored(
  caseId: string,
  agencyCode: string,
  kind: EvidenceStoredData['kind'],
  at: string,
) {
  const data: EvidenceStoredData = {
    evidenceId: `ev-${caseId}-${kind}-${at}`,
    caseId,
    agencyCode,
    stage: 'investigating',
    kind,
    sha256: 'a'.repeat(64),
    size: 10,
    storedAt: at,
    capturedBy: 'h1',
  };
  return event(EVIDENCE_EVENT_SOURCE, EVIDENCE_EVENT_TYPES.stored, caseId, data, at);
}

export function inspectionPlan(
  planId: string,
  agencyCode: string,
  plannedStart: string,
  targetCount: number,
) {
  const data: InspectionPlanDisclosedData = {
    planId,
    agencyCode,
    subject: '食品经营抽查',
    basis: '依据',
    scope: '辖区',
    targetCategory: null,
    targetCount,
    inspectorsPerTarget: 2,
    plannedStart,
    plannedEnd: plannedStart,
  };
  return event(
    REGISTRY_EVENT_SOURCE,
    INSPECTION_EVENT_TYPES.planDisclosed,
    planId,
    data,
    `${plannedStart}T00:00:00Z`,
  );
}

export function inspectionResults(
  planId: string,
  agencyCode: string,
  inspectedOn: string,
  outcomes: string[],
) {
  const data: InspectionResultsPublishedData = {
    planId,
    drawId: `${planId}-draw`,
    agencyCode,
    seed: 'ab'.repeat(32),
    pools: { targets: [], inspectors: [], relations: [] },
    results: outcomes.map((outcome, index) => ({
      target: { code: `T${index}`, name: `对象${index}` },
      inspectors: [],
      outcome,
      findings: '',
      inspectedOn,
    })),
    publishedAt: `${inspectedOn}T08:00:00Z`,
  };
  return event(
    REGISTRY_EVENT_SOURCE,
    INSPECTION_EVENT_TYPES.resultsPublished,
    planId,
    data,
    data.publishedAt,
  );
}

export function reviewerRatio(kind: 'below' | 'restored', agencyCode: string, at: string) {
  const data: ReviewerRatioData = {
    agencyCode,
    legalReviewers: kind === 'below' ? 1 : 3,
    enforcementOfficers: 40,
    ratio: kind === 'below' ? 0.025 : 0.075,
    threshold: 0.05,
  };
  const type =
    kind === 'below'
      ? REGISTRY_EVENT_TYPES.reviewerRatioBelowThreshold
      : REGISTRY_EVENT_TYPES.reviewerRatioRestored;
  return event(REGISTRY_EVENT_SOURCE, type, agencyCode, data, at);
}

export function personnelChanged(
  personnelId: string,
  agencyCode: string,
  certificateExpiresOn: string,
  at: string,
) {
  const data: PersonnelChangedData = {
    personnelId,
    name: '李某',
    agencyCode,
    certificateNumber: `兵执${personnelId}`,
    certificateIssuedOn: '2021-07-10',
    certificateExpiresOn,
    status: 'active',
    scope: '市场监管',
  };
  return event(REGISTRY_EVENT_SOURCE, REGISTRY_EVENT_TYPES.personnelChanged, personnelId, data, at);
}

export function enforcementItemsPublished(agencyCode: string, version: number, categories: ItemCategory[]) {
  const data: ItemListPublishedData = {
    agencyCode,
    kind: 'enforcement-items',
    version,
    publishedAt: '2025-01-02T02:00:00Z',
    content: {
      items: categories.map((category, index) => ({
        code: `${category}-${index}`,
        name: `事项${index}`,
        category,
        legalBasis: '依据',
        procedure: '程序',
        statutoryWorkingDays: 20,
      })),
    },
  };
  return event(
    REGISTRY_EVENT_SOURCE,
    REGISTRY_EVENT_TYPES.itemListPublished,
    agencyCode,
    data,
    data.publishedAt,
  );
}

/**
 * 案卷评查 findings returned to `agencyCode` (as case-api announces them: id `<evaluationId>:findings-returned`),
 * the items of `lost` scored that many points below theirs.
 */
export function evaluationReturned(
  evaluationId: string,
  agencyCode: string,
  returnedAt: string,
  lost: Partial<Record<(typeof EVALUATION_ITEMS)[number], number>> = {},
): CloudEvent<EvaluationFindingsReturnedData> {
  const items = EVALUATION_ITEMS.map((item) => ({
    item,
    score: EVALUATION_ITEM_POINTS[item] - (lost[item] ?? 0),
    finding: lost[item] ? '存在问题' : '符合要求',
  }));
  const total = items.reduce((sum, entry) => sum + entry.score, 0);
  return createCloudEvent({
    id: `${evaluationId}:findings-returned`,
    source: CASE_EVENT_SOURCE,
    type: EVALUATION_EVENT_TYPES.findingsReturned,
    subject: `case-evaluation/${evaluationId}`,
    time: new Date(returnedAt),
    data: {
      evaluationId,
      drawId: 'draw-1',
      bureauCode: 'XJBT-SFJ',
      agencyCode,
      caseId: `case-${agencyCode}.${evaluationId}`,
      items,
      total,
      grade: evaluationGrade(total),
      problemItems: items.filter((entry) => entry.finding === '存在问题').map((entry) => entry.item),
      returnedAt,
    },
  });
}

/** The agency's answer to an evaluation's findings (id `<evaluationId>:answered`). */
export function evaluationAnswered(
  evaluationId: string,
  agencyCode: string,
  answeredAt: string,
  rectified: boolean,
): CloudEvent<EvaluationAnsweredData> {
  return createCloudEvent({
    id: `${evaluationId}:answered`,
    source: CASE_EVENT_SOURCE,
    type: EVALUATION_EVENT_TYPES.answered,
    subject: `case-evaluation/${evaluationId}`,
    time: new Date(answeredAt),
    data: {
      evaluationId,
      bureauCode: 'XJBT-SFJ',
      agencyCode,
      caseId: `case-${agencyCode}.${evaluationId}`,
      rectified,
      answeredAt,
    },
  });
}
