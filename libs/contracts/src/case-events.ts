import type { ItemCategory, PartyType } from './registry-lists';
import type { DecisionDocumentRef } from './case-workflow';

/**
 * Events of the case side (case-api + worker). Lifecycle events go to TOPICS.caseLifecycle keyed by case id,
 * review events to TOPICS.caseReview keyed by case id, decision events to TOPICS.caseDecision keyed by decision
 * id. Publication and statistics consume them; every body below is the CloudEvent `data`.
 */
export const CASE_EVENT_SOURCE = '/lep/case';

export const CASE_EVENT_TYPES = {
  filed: 'cn.lep.case.filed.v1',
  refused: 'cn.lep.case.refused.v1',
  stageChanged: 'cn.lep.case.stage-changed.v1',
  deadlineFired: 'cn.lep.case.deadline-fired.v1',
  deadlineExtended: 'cn.lep.case.deadline-extended.v1',
  /** A working-day deadline was counted without a year's holiday notice; counted again once it is loaded. */
  deadlineProvisional: 'cn.lep.case.deadline-provisional.v1',
  reviewRoundOpened: 'cn.lep.case.review.opened.v1',
  reviewRoundCompleted: 'cn.lep.case.review.completed.v1',
  decisionMade: 'cn.lep.case.decision.made.v1',
  /** 撤销, 确认违法 or 重新作出: the published decision must leave the portal (domain.md P9). */
  decisionWithdrawn: 'cn.lep.case.decision.withdrawn.v1',
  /** A China day's anchored record heads sealed under one tree head (domain.md R6). */
  recordAnchorsSealed: 'cn.lep.case.record-anchors.sealed.v1',
} as const;

/** Stages of a case in order (domain.md §5); hearing and legal review happen only when the law requires them. */
export const CASE_STAGES = [
  'filed',
  'investigating',
  'drafting',
  'notified',
  'hearing',
  'legal-review',
  'decided',
  'served',
  'executed',
  'closed',
  'archived',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_NAMES: Record<CaseStage, string> = {
  filed: '立案',
  investigating: '调查取证',
  drafting: '审查',
  notified: '告知',
  hearing: '听证',
  'legal-review': '法制审核',
  decided: '决定',
  served: '送达',
  executed: '执行',
  closed: '结案',
  archived: '归档',
};

export interface CaseRef {
  caseId: string;
  agencyCode: string;
  caseNumber: string;
  category: ItemCategory;
  itemCode: string;
}

/** A party to the case (行政相对人). Identity document numbers never leave the case side except to the publisher. */
export interface CaseParty {
  type: PartyType | 'individual-business';
  name: string;
  /** 统一社会信用代码, for organisations and individual businesses that have one. */
  creditCode?: string;
  /** 法定代表人 (organisations) or operator (individual businesses). */
  legalRepresentative?: string;
  /** 证件类型 / 证件号码 of a natural person: stored, sent to the credit platform, never public (domain.md §3). */
  idType?: string;
  idNumber?: string;
}

export interface CaseFiledData extends CaseRef {
  filedOn: string;
  title: string;
  handlerIds: string[];
  region: string;
  /**
   * A licensing case opens with an application (申请). False when the agency decided not to accept it (不予受理,
   * 行政许可法 art. 32): the application counts in the annual report's 申请数 but not in its 受理数 (domain.md
   * §7.1). Absent: accepted, or a case that does not start from an application. Set by the case workflow from the
   * filing's `application` (domain.md P7a).
   */
  applicationAccepted?: boolean;
}

export interface CaseRefusedData {
  caseId: string;
  agencyCode: string;
  caseNumber: string;
  /** Chinese reasons shown to the agency system. */
  reasons: string[];
}

export interface CaseStageChangedData extends CaseRef {
  from: CaseStage;
  to: CaseStage;
  at: string;
  major: boolean;
  /** The AV list required an audio or video record of the stage left (`from`) for this item (domain.md R3/R4). */
  avRequired?: boolean;
  /** An audio or video record of the stage left was attached (the workflow refuses to leave without one). */
  avRecorded?: boolean;
}

export const CASE_DEADLINE_KINDS = [
  'hearing-window',
  'decision-limit-warning',
  'decision-limit',
  'review-sla-reminder',
  'review-sla',
  'review-sla-extended',
] as const;
export type CaseDeadlineKind = (typeof CASE_DEADLINE_KINDS)[number];

export interface CaseDeadlineFiredData extends CaseRef {
  deadline: CaseDeadlineKind;
  /** The instant the timer was due, ISO 8601. */
  dueAt: string;
  /** Review round the deadline belongs to, for review SLA deadlines. */
  round?: number;
  /** The 行政强制 measure (its 文书号) a measure's round reviews (domain.md P13b); absent on the case's own rounds. */
  measureDocumentNumber?: string;
}

/**
 * Why a working-day count is provisional: the calendar layers (region, year) it needed and the registry does not
 * hold yet, and a Chinese sentence saying what was assumed instead (the shape of @lep/calendar's Provisional).
 */
export interface ProvisionalCount {
  missing: Array<{ region: string; year: number }>;
  reason: string;
}

export interface CaseDeadlineProvisionalData extends CaseRef {
  deadline: CaseDeadlineKind;
  /** The due instant as counted without the missing notices. */
  dueAt: string;
  provisional: ProvisionalCount;
  round?: number;
}

export interface CaseDeadlineExtendedData extends CaseRef {
  deadline: CaseDeadlineKind;
  newDueAt: string;
  approvedBy: string;
  reason: string;
}

export const REVIEW_OUTCOMES = ['approved', 'returned', 'not-approved'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface ReviewRoundOpenedData extends CaseRef {
  round: number;
  draftHash: string;
  reviewBodyAgencyCode: string;
  dueOn: string;
}

export interface ReviewRoundCompletedData extends CaseRef {
  round: number;
  draftHash: string;
  outcome: ReviewOutcome;
  reviewerId: string;
  completedAt: string;
  /** True when the completion came after the SLA (including any extension) ran out. */
  late: boolean;
  /** The 行政强制 measure (its 文书号) a measure's round reviews (domain.md P13b); absent on the case's own rounds. */
  measureDocumentNumber?: string;
}

/** 行政处罚 disclosure fields (domain.md §3, penalty table). Amounts in yuan; the portal shows 万元. */
export interface PenaltyDecisionDetails {
  violationType: string;
  facts: string;
  legalBasis: string;
  /** 处罚类别, one or more of domain.md §3's list in Chinese (警告, 罚款, 没收违法所得 …). */
  penaltyKinds: string[];
  content: string;
  fineYuan?: number;
  confiscatedYuan?: number;
  /** 暂扣或吊销证照名称及编号 */
  licenceAffected?: string;
  /** 处罚有效期, YYYY-MM-DD. */
  validUntil: string;
}

/**
 * 行政许可 disclosure fields (domain.md §3, licensing table). A 准予许可 (`granted`) carries its validity; a 不予许可
 * carries the reason instead and has no certificate, number or validity (domain.md §3, 不予许可).
 */
export interface LicensingDecisionDetails {
  documentTitle: string;
  licenceKind: '普通' | '特许' | '认可' | '核准' | '登记' | '其他';
  /** The type a 许可类别 of 其他 names (required then, absent otherwise). */
  licenceKindName?: string;
  certificateName?: string;
  licenceNumber?: string;
  content: string;
  /** 有效期自 / 至, YYYY-MM-DD: required when granted. */
  validFrom?: string;
  validTo?: string;
  granted: boolean;
  /** 不予许可的理由 (行政许可法 art. 38 ¶2): required when not granted. */
  refusalReason?: string;
}

/**
 * Grounds for not imposing a penalty (不予行政处罚) under APL art. 33 (domain.md P12): 首违不罚 (first offence,
 * slight harm, promptly corrected: art. 33 ¶1, second sentence, "可以"), 轻微不罚 (minor, promptly corrected, no
 * harm: art. 33 ¶1, first sentence, "不予") and 无主观过错 (the party proves it was not at fault: art. 33 ¶2).
 */
export const NO_PENALTY_GROUNDS = ['first-offence', 'minor', 'no-fault'] as const;
export type NoPenaltyGround = (typeof NO_PENALTY_GROUNDS)[number];

export const NO_PENALTY_GROUND_NAMES: Record<NoPenaltyGround, string> = {
  'first-offence': '初次违法且危害后果轻微并及时改正（首违不罚）',
  minor: '违法行为轻微并及时改正，没有造成危害后果（轻微不罚）',
  'no-fault': '当事人有证据足以证明没有主观过错（无主观过错）',
};

/** 不予行政处罚决定 disclosure fields: the penalty's own fields that still apply, and the ground stated. */
export interface NoPenaltyDecisionDetails {
  ground: NoPenaltyGround;
  violationType: string;
  /** 违法事实 (public after masking). */
  facts: string;
  /** 不予处罚依据, e.g. 《中华人民共和国行政处罚法》第三十三条第一款. */
  legalBasis: string;
  /** 不予处罚理由: why the ground applies to this case (public after masking). */
  reason: string;
}

/**
 * 检查方式 of a 行政检查 recorded in a case (domain.md P14): on the spot, on the documents the party submits, by
 * sampling and testing, remotely (非现场监管), or another way.
 */
export const INSPECTION_METHODS = ['on-site', 'documentary', 'sampling', 'remote', 'other'] as const;
export type InspectionMethod = (typeof INSPECTION_METHODS)[number];

export const INSPECTION_METHOD_NAMES: Record<InspectionMethod, string> = {
  'on-site': '现场检查',
  documentary: '书面检查',
  sampling: '抽样检验',
  remote: '非现场检查',
  other: '其他方式',
};

/** 检查结果 of a 行政检查 recorded in a case (domain.md P14): what the inspection found and what it led to. */
export const INSPECTION_RESULT_OUTCOMES = [
  'no-problem',
  'ordered-correction',
  'case-filed',
  'referred',
  'other',
] as const;
export type InspectionResultOutcome = (typeof INSPECTION_RESULT_OUTCOMES)[number];

export const INSPECTION_RESULT_OUTCOME_NAMES: Record<InspectionResultOutcome, string> = {
  'no-problem': '未发现问题',
  'ordered-correction': '发现问题，责令改正',
  'case-filed': '发现问题，移送立案查处',
  referred: '发现问题，移送有关机关处理',
  other: '其他',
};

/**
 * A 行政检查 result decided in an inspection-category case (domain.md P14), outside the 双随机 registry flow.
 * 检查对象 is the decision's party and 检查机关 its agency; 检查事项 is the case's item, set by the case workflow.
 */
export interface InspectionDecisionDetails {
  /** 检查事项: the name of the case's enforcement item. */
  matter: string;
  /** 检查依据 */
  legalBasis: string;
  /** 检查日期, YYYY-MM-DD: not after the decision date. */
  inspectedOn: string;
  method: InspectionMethod;
  outcome: InspectionResultOutcome;
  /** 检查情况: what was inspected and found (public after masking). */
  findings: string;
  /** 处理情况: what the agency did about it (public after masking). */
  handling: string;
  /**
   * The 双随机 plan whose drawn target this inspection was: the result is then already counted with that plan's
   * results (domain.md §7.4) and is not counted again.
   */
  randomInspectionPlanId?: string;
}

/** What a draft gives of a 行政检查 result: the case's item is its 检查事项, so the draft does not name it. */
export type InspectionResultDraft = Omit<InspectionDecisionDetails, 'matter'>;

/** Any other decision (coercion, inspection, collection, confirmation, other): 20 working days to publish. */
export interface OtherDecisionDetails {
  title: string;
  content: string;
  legalBasis: string;
}

/**
 * Kinds of 行政强制 (domain.md §7.3), as the annual report counts them: measures (行政强制措施), execution
 * (行政强制执行) and applications to a court.
 */
export const COERCION_KINDS = [
  'seal',
  'detain',
  'freeze',
  'other-measure',
  'surcharge',
  'transfer',
  'auction',
  'removal',
  'substitute',
  'other-execution',
  'court-application',
] as const;
export type CoercionKind = (typeof COERCION_KINDS)[number];

export const COERCION_KIND_NAMES: Record<CoercionKind, string> = {
  seal: '查封场所、设施或者财物',
  detain: '扣押财物',
  freeze: '冻结存款、汇款',
  'other-measure': '其他行政强制措施',
  surcharge: '加处罚款或者滞纳金',
  transfer: '划拨存款、汇款',
  auction: '拍卖或者依法处理查封、扣押的场所、设施或者财物',
  removal: '排除妨碍、恢复原状',
  substitute: '代履行',
  'other-execution': '其他行政强制执行',
  'court-application': '申请人民法院强制执行',
};

/** What a 行政强制 decision is, beside its title and content (DecisionMadeData.other). */
export interface CoercionDecisionDetails {
  kind: CoercionKind;
}

/**
 * Free-text fields of a decision the handler may mark as a commercial secret (商业秘密): the public record keeps
 * the field but not its text, and says why (domain.md P3, §4), instead of the whole decision being held back.
 */
export const TRADE_SECRET_FIELDS = [
  'penalty.facts',
  'penalty.content',
  'penalty.licenceAffected',
  'noPenalty.facts',
  'noPenalty.reason',
  'licensing.content',
  'licensing.certificateName',
  'other.content',
  'inspection.findings',
  'inspection.handling',
] as const;
export type TradeSecretField = (typeof TRADE_SECRET_FIELDS)[number];

/** What the portal shows in place of a field kept back as a commercial secret. */
export const TRADE_SECRET_NOTICE = '涉及商业秘密，依法不予公开';

/** domain.md §4: grounds that hold a decision back from publication until a reviewer signs off. */
export const PUBLICATION_BLOCK_REASONS = [
  'minor',
  'secrets-or-privacy',
  'security-or-stability',
  'deemed-unsuitable',
] as const;
export type PublicationBlockReason = (typeof PUBLICATION_BLOCK_REASONS)[number];

/**
 * A decision made. `category` is the decision's own kind: a 行政强制 measure taken inside a penalty case is
 * `coercion` (its own decision, disclosed and counted as 行政强制, domain.md P13), the case's final decision the
 * case's category.
 */
export interface DecisionMadeData extends CaseRef {
  decisionId: string;
  /** 决定书文号 */
  documentNumber: string;
  /**
   * The date written on the 决定书, YYYY-MM-DD (domain.md L1a); the disclosure clock counts from the next working
   * day. It may be earlier than the day the decision was entered.
   */
  decidedOn: string;
  /** When the decision was entered on the platform. */
  decidedAt: string;
  agencyName: string;
  agencyCreditCode: string;
  /** Calendar region of the agency ('national' or 'xinjiang'). */
  region: string;
  major: boolean;
  party: CaseParty;
  /** Names of other natural persons in the case (witnesses, agents, relatives), masked wherever they appear. */
  otherPersonNames: string[];
  penalty?: PenaltyDecisionDetails;
  /** 不予行政处罚 (penalty cases): the ground and why it applies, instead of `penalty`. */
  noPenalty?: NoPenaltyDecisionDetails;
  licensing?: LicensingDecisionDetails;
  other?: OtherDecisionDetails;
  /** 行政强制 decisions (category coercion): which measure or execution it is, for the report's rows. */
  coercion?: CoercionDecisionDetails;
  /** 行政检查 results (inspection cases, domain.md P14), instead of `other`. */
  inspection?: InspectionDecisionDetails;
  /** Fields the handler marked as commercial secrets (商业秘密): published without their text, the reason shown. */
  tradeSecretFields?: TradeSecretField[];
  publicationBlocks: PublicationBlockReason[];
  /** Hash of the draft the decision was made from; equals the approved draft for major decisions. */
  draftHash: string;
  /**
   * The 决定书 the decision was made on, when it was rendered for review: its full rendering's hash (the approved
   * one) and its masked rendering's, which the disclosure links.
   */
  document?: DecisionDocumentRef;
  /** Set when this decision re-makes (重新作出) an earlier one. */
  replacesDecisionId?: string;
}

export const WITHDRAWAL_KINDS = ['revoked', 'confirmed-illegal', 'remade'] as const;
export type WithdrawalKind = (typeof WITHDRAWAL_KINDS)[number];

export const WITHDRAWAL_KIND_NAMES: Record<WithdrawalKind, string> = {
  revoked: '撤销',
  'confirmed-illegal': '确认违法',
  remade: '重新作出',
};

/** Where a withdrawal comes from (domain.md P9): a 复议决定, a court's 判决, or the agency's own 自我纠错. */
export const WITHDRAWAL_SOURCE_KINDS = ['reconsideration', 'judgment', 'self-correction'] as const;
export type WithdrawalSourceKind = (typeof WITHDRAWAL_SOURCE_KINDS)[number];

export const WITHDRAWAL_SOURCE_NAMES: Record<WithdrawalSourceKind, string> = {
  reconsideration: '行政复议决定',
  judgment: '人民法院判决',
  'self-correction': '自我纠错',
};

/** The document that revoked, annulled or sent back the decision. */
export interface WithdrawalSource {
  kind: WithdrawalSourceKind;
  /** 文书号 of the 复议决定书, the 判决书 or the agency's own correcting decision. */
  documentNumber: string;
  /** Date on that document, YYYY-MM-DD (never later than the day it is entered). */
  decidedOn: string;
}

export interface DecisionWithdrawnData {
  decisionId: string;
  caseId: string;
  agencyCode: string;
  kind: WithdrawalKind;
  /** Reason shown on the portal, in Chinese. */
  reason: string;
  /** Absent only on withdrawals made before the source was asked for. */
  source?: WithdrawalSource;
  withdrawnOn: string;
  region: string;
}
