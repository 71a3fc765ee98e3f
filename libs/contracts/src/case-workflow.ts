import type {
  CaseDeadlineKind,
  CaseParty,
  CoercionDecisionDetails,
  ProvisionalCount,
  CaseStage,
  InspectionResultDraft,
  LicensingDecisionDetails,
  NoPenaltyDecisionDetails,
  OtherDecisionDetails,
  PenaltyDecisionDetails,
  PublicationBlockReason,
  ReviewOutcome,
  TradeSecretField,
  WithdrawalKind,
  WithdrawalSource,
} from './case-events';
import type { OnSiteDisclosure } from './case-officers';
import type { LicensingApplication, LicensingApplicationState } from './licensing-application';
import type { DecisionFacts, ItemCategory, MajorDecisionVerdict } from './registry-lists';

/**
 * The Temporal interface of a case: workflow types, ids, and the payloads of its updates, signals and queries
 * (their typed definitions: case-workflow-definitions.ts).
 */
export const CASE_WORKFLOWS = {
  lifecycle: 'caseLifecycle',
  legalReview: 'legalReview',
  decisionWithdrawal: 'decisionWithdrawal',
  decisionRemake: 'decisionRemake',
} as const;

/**
 * The decisionWithdrawal workflow of a decision withdrawn after its case was archived (its lifecycle has ended):
 * one per decision, never reused, so a decision is withdrawn once. `withdrawal-` keeps it apart from case and
 * review ids.
 */
export function withdrawalWorkflowId(decisionId: string): string {
  return `withdrawal-${decisionId}`;
}

/**
 * The decisionRemake workflow that claims a withdrawn decision for the one case re-making it (domain.md P9): its
 * id is the claim, so of two concurrent starts exactly one takes it. Slot 0 is the decision's first claim; a
 * claim whose case never came to re-make the decision (refused at filing) leaves the next slot to the next case.
 * `remake-` keeps it apart from case, review and withdrawal ids.
 */
export function remakeWorkflowId(decisionId: string, slot: number): string {
  return slot === 0 ? `remake-${decisionId}` : `remake-${decisionId}~${slot}`;
}

/** The claim of a withdrawn decision by the case started to re-make it. */
export interface DecisionRemakeClaim {
  decisionId: string;
  caseId: string;
}

/** What a withdrawal after archive needs: the request, and the archived case as its last step left it. */
export interface DecisionWithdrawalInput {
  revocation: RevocationInput & { source: WithdrawalSource };
  /** The case's state in the index (its lifecycle's final state). */
  archived: CaseState;
  filedAt: string;
  /**
   * A 行政强制 decision taken inside the case (domain.md P13a); absent: the case's own decision (and in every
   * withdrawal started before measures could be withdrawn).
   */
  decisionId?: string;
}

/**
 * One legalReview workflow per review round of a case, its id also the review task's id. It shares the workflow
 * id space with the case ids, so it must never be one: as `<caseId>-review-<round>` the review of agency BT's case
 * 001 was the case id of BT's case number `001-review-1`. A case id starts with `case-`, a review id with
 * `review-`; the round, a number at the end, keeps the rounds of one case apart (and from the coordination task
 * `<review id>-coordination` its dispute opens).
 */
export function reviewWorkflowId(caseId: string, round: number): string {
  return `review-${caseId}-${round}`;
}

/** Who did something: the principal of the API call, recorded in the whole-process record. */
export interface CaseActor {
  id: string;
  name?: string;
  role: string;
  agencyCode: string;
  /**
   * The enforcement officers (personnel ids) who performed the act (domain.md R8): a staff caller and the
   * co-officers it names, or those an agency system names. Absent in acts recorded before officers were named,
   * and for a staff caller acting alone (then the officer is `id`).
   */
  officerIds?: string[];
}

export interface StartCaseInput {
  agencyCode: string;
  caseNumber: string;
  itemCode: string;
  title: string;
  /** 立案日期 YYYY-MM-DD; the 90-day decision limit counts from it. */
  filedOn: string;
  /** Personnel ids of the handlers (承办人员); at least two must hold a valid certificate on filedOn. */
  handlerIds: string[];
  parties: CaseParty[];
  /** Other natural persons (witnesses, agents, relatives) whose names are masked on publication. */
  otherPersonNames: string[];
  /** Set by the handling unit to force legal review regardless of the catalogue (domain.md L3), with a reason. */
  majorByUnit?: { reason: string };
  /**
   * The decision this case makes again (重新作出, domain.md P9): one withdrawn as to be re-made after its own case
   * was archived. The case's first decision names it (`replacesDecisionId`).
   */
  remakesDecisionId?: string;
  /** A 行政许可 case's application and whether it was accepted (domain.md P7a); licensing items only. */
  application?: LicensingApplication;
  actor: CaseActor;
}

/** Every action carries the caller's request id; the same id applied twice returns the first answer. */
export interface CaseAction {
  requestId: string;
  actor: CaseActor;
}

export interface RecordEntryInput extends CaseAction {
  /** What happened, e.g. 询问笔录, 现场检查笔录, in Chinese. */
  title: string;
  content: string;
  evidence: { evidenceId: string; sha256: string }[];
  /** For an on-site act (现场检查, 询问): the certificates shown and what the party was told (domain.md R9). */
  onSite?: OnSiteDisclosure;
}

export interface DraftDecisionInput extends CaseAction {
  documentNumber: string;
  party: CaseParty;
  penalty?: PenaltyDecisionDetails;
  /** 不予行政处罚 with its ground (APL art. 33), instead of `penalty`: penalty cases only. */
  noPenalty?: NoPenaltyDecisionDetails;
  licensing?: LicensingDecisionDetails;
  other?: OtherDecisionDetails;
  /** 行政检查 result, instead of `other`: inspection cases only (domain.md P14). */
  inspection?: InspectionResultDraft;
  /** Which 行政强制 measure or execution the decision is: required for, and only for, coercion cases. */
  coercion?: CoercionDecisionDetails;
  /** Fields the handler marks as commercial secrets: disclosed without their text, the reason shown. */
  tradeSecretFields?: TradeSecretField[];
  /** Facts the review catalogue judges (fine amount, measures, multiple legal relations …). */
  facts: Omit<DecisionFacts, 'hearingHeld'>;
  publicationBlocks: PublicationBlockReason[];
  /**
   * What the 决定书 prints that the case does not hold. A penalty draft that carries it is rendered as the
   * 行政处罚决定书 when it is submitted for review, and the reviewer reviews that document (decision-document.ts).
   */
  document?: DecisionDocumentFields;
}

/** The 决定书's own fields beyond the draft's decision (template `penalty-decision`, its `input`/`agency.*` fields). */
export interface DecisionDocumentFields {
  /** 行政复议机关, named in the remedy clause. */
  reconsiderationBody: string;
  /** 管辖人民法院, named in the remedy clause. */
  court: string;
  /** 裁量理由 */
  discretion?: string;
  /** 缴款方式 */
  paymentInstructions?: string;
  /** 陈述申辩及采纳情况 */
  statementAndDefence?: string;
  /** 听证情况 */
  hearing?: string;
}

/**
 * A rendered 决定书 as the case holds it: issued by the documents service, stored in the evidence store under
 * `sha256` (the hash the reviewer approves and the decision must name), `maskedSha256` the disclosure rendering's.
 */
export interface DecisionDocumentRef {
  documentId: string;
  /** 文号 */
  number: string;
  sha256: string;
  maskedSha256: string;
  templateVersion: string;
}

/**
 * A 行政强制 measure or execution taken inside a case (查封、扣押、冻结 while investigating, 加处罚款、代履行 … after
 * the decision; domain.md P13): its own decision, with its own document, disclosure and clock.
 */
export interface CoercionMeasureInput extends CaseAction {
  /** 文书号 of the measure's own decision (查封（扣押）决定书 …). */
  documentNumber: string;
  party: CaseParty;
  coercion: CoercionDecisionDetails;
  /** 决定名称, 决定内容 and 法律依据, disclosed as for any other decision. */
  other: OtherDecisionDetails;
  /** The date on the measure's 决定书, YYYY-MM-DD: not after today, not before filing (domain.md L1a). */
  decidedOn: string;
  /** When it was carried out on site: required for 查封、扣押、强制拆除, which full-process AV must cover (R4). */
  carriedOut?: ActSpan;
  tradeSecretFields?: TradeSecretField[];
  publicationBlocks: PublicationBlockReason[];
  /** The measure of this case it re-makes (重新作出), withdrawn as `remade` and not re-made before (P13a). */
  replacesDecisionId?: string;
  /**
   * 情况紧急，当场实施 (ACL art. 19): a major measure is taken at once and its legal review must pass within 24
   * hours, or it is lifted (domain.md P13b). Without it a major measure is taken only after its review passes.
   */
  urgent?: boolean;
  /** The handling unit finds the measure major, whatever the catalogue says (domain.md L3d, P13b). */
  majorByUnit?: { reason: string };
}

/**
 * A legal review round on a major 行政强制 measure (domain.md P13b): the round's state as for the case's own
 * decision, and the measure it reviews, named by its document number.
 */
export interface MeasureReviewState extends ReviewRoundState {
  documentNumber: string;
  kind: CoercionDecisionDetails['kind'];
  majorReasons: string[];
  /** An urgent measure, taken before its review: its decision id and when its review must have passed. */
  urgent?: { decisionId: string; approvalDueAt: string; lifted?: 'not-approved' | 'timed-out' };
}

/**
 * A measure's review round: its own workflow id and task id. The prefix is neither `case-` nor `review-`, so it is
 * never a case's id nor a case's review round's, whatever the case number.
 */
export function measureReviewWorkflowId(caseId: string, round: number): string {
  return `measure-review-${caseId}-${round}`;
}

/** A 行政强制 decision taken inside the case, as the case's state lists it. */
export interface CoercionMeasureState {
  decisionId: string;
  documentNumber: string;
  kind: CoercionDecisionDetails['kind'];
  decidedOn: string;
  decidedAt: string;
  /** When it was carried out, where given (always for the acts under full-process AV, R4). */
  carriedOut?: ActSpan;
  /** Its 撤销, 确认违法 or 重新作出 (domain.md P13a), once: the case's own decision is untouched. */
  withdrawal?: MeasureWithdrawal;
  /** The measure it re-makes (P13a). */
  replacesDecisionId?: string;
  /** The review round that approved it, for a major measure (domain.md P13b). */
  reviewTaskId?: string;
  /** Taken at once on the spot, its review to follow within 24 hours (ACL art. 19, domain.md P13b). */
  urgent?: true;
}

/** A measure decision's withdrawal as the case's state keeps it. */
export interface MeasureWithdrawal {
  kind: WithdrawalKind;
  reason: string;
  at: string;
  source: WithdrawalSource;
}

/** 撤销, 确认违法 or 重新作出 of one 行政强制 decision taken inside the case, named by its decision id (P13a). */
export interface CoercionMeasureWithdrawalInput extends RevocationInput {
  decisionId: string;
  source: WithdrawalSource;
}

/** The handling unit finds the decision major after filing, before it is made (domain.md L3d). */
export interface MajorDeclarationInput extends CaseAction {
  reason: string;
}

export interface NoticeInput extends CaseAction {
  /** Whether the notice grants the right to request a hearing (APL art. 63–64). */
  hearingRights: boolean;
}

export type HearingRequestInput = CaseAction;

export interface HearingHeldInput extends CaseAction {
  report: string;
}

export type ReviewSubmissionInput = CaseAction;

export interface ReviewDisputeInput extends CaseAction {
  reason: string;
}

export interface DecisionInput extends CaseAction {
  /** Hash of the draft being decided; for a major case it must equal the draft the latest review approved. */
  draftHash: string;
  /**
   * The date written on the 决定书, YYYY-MM-DD (domain.md L1a): time limits and statistics count from it. Absent in
   * decisions entered before it was asked for; they count from the day they were entered.
   */
  decidedOn?: string;
  /**
   * SHA-256 of the 决定书 being decided on. Required when the latest review round reviewed a rendered 决定书: it
   * must be that document's (the approved one).
   */
  documentSha256?: string;
}

export interface StageActionInput extends CaseAction {
  note: string;
}

/** When an act was carried out on site (ISO instants): what its full-process recordings must cover (R4). */
export interface ActSpan {
  from: string;
  to: string;
}

/** 执行: a coercion case carried out as 查封、扣押 or 强制拆除 gives when, for the full-process AV check (R4). */
export interface ExecutionInput extends StageActionInput {
  carriedOut?: ActSpan;
}

export interface DeadlineExtensionInput extends CaseAction {
  /** The agency head (负责人) who approved the extension. */
  approvedBy: string;
  reason: string;
  /** Extra calendar days granted for the 90-day decision limit. */
  days: number;
}

export interface RevocationInput extends CaseAction {
  kind: WithdrawalKind;
  reason: string;
  /** Absent only in updates sent before the source was asked for (replayed histories). */
  source?: WithdrawalSource;
}

/** The 8 points of the legal-review checklist (domain.md L4). */
export const REVIEW_CHECKLIST = [
  'subject-legality',
  'handler-qualification',
  'procedure',
  'facts-and-evidence',
  'law-and-discretion',
  'authority',
  'documents',
  'criminal-referral',
] as const;
export type ReviewChecklistItem = (typeof REVIEW_CHECKLIST)[number];

export const REVIEW_CHECKLIST_NAMES: Record<ReviewChecklistItem, string> = {
  'subject-legality': '执法主体是否合法',
  'handler-qualification': '执法人员是否具备执法资格',
  procedure: '执法程序是否合法',
  'facts-and-evidence': '案件事实是否清楚，证据是否合法充分',
  'law-and-discretion': '适用法律、法规、规章是否准确，裁量基准运用是否适当',
  authority: '执法是否超越执法机关法定权限',
  documents: '执法文书是否完备、规范',
  'criminal-referral': '违法行为是否涉嫌犯罪、需要移送司法机关',
};

export interface ReviewCompletion {
  taskId: string;
  reviewer: CaseActor;
  /** One answer per checklist point: true when the point raises no problem. */
  checklist: Record<ReviewChecklistItem, { passed: boolean; note?: string }>;
  /** 法制审核意见书: the written opinion. */
  opinion: string;
  outcome: ReviewOutcome;
  /** The client's request id, kept on the closed task: a retry of this very completion is answered, not refused. */
  requestId?: string;
}

/** A reviewer's declaration of a conflict of interest with the case (自行回避, domain.md L2b). */
export interface ReviewConflictDeclaration {
  taskId: string;
  by: CaseActor;
  /** Why (关系、利害), as the reviewer states it; written into the whole-process record. */
  reason: string;
}

export interface ReviewExtension {
  taskId: string;
  approvedBy: CaseActor;
  reason: string;
}

/**
 * Claiming or releasing a task of the inbox: the workflow that owns the task (its review round, or the case for
 * a coordination task) decides, and the worker's step writes the task row that readers see.
 */
export interface TaskClaimInput {
  taskId: string;
  /** Who claims, or who gives the task back. */
  by: CaseActor;
  /** A platform admin releasing a stuck claim of someone else. */
  administering?: boolean;
}

/** Who holds a task after a claim or release. */
export interface TaskClaimState {
  taskId: string;
  state: 'open' | 'claimed';
  claimedBy: string | null;
}

/**
 * 集体讨论: the agency's leaders discussing a complex or major case together (APL art. 57); an overruling of a failed
 * review rests on one (domain.md L6c).
 */
export interface CollectiveDiscussion {
  /** YYYY-MM-DD */
  heldOn: string;
  participants: string[];
  /** Where the minutes are filed (会议纪要编号). */
  minutesReference: string;
  conclusion: string;
}

export interface CoordinationRuling {
  taskId: string;
  head: CaseActor;
  /** 'uphold' keeps the review opinion; 'overrule' approves the disputed draft. Final either way. */
  ruling: 'uphold' | 'overrule';
  reason: string;
  /** Required to overrule (domain.md L6c). */
  collectiveDiscussion?: CollectiveDiscussion;
  /** As ReviewCompletion.requestId. */
  requestId?: string;
}

/** The payload of caseSignals.calendarChanged: which layer and year the registry now holds. */
export interface CalendarLayerLoaded {
  region: string;
  year: number;
}

export interface EvidenceLink {
  evidenceId: string;
  sha256: string;
  kind: string;
  stage: string;
  capturedBy: string;
  storedAt: string;
  /** Bytes, as the evidence service stored them (for the 案卷's evidence index; older links have none). */
  size?: number;
  /** As the evidence service stored it (`EVIDENCE_CONFIDENTIALITY`; older links have none). */
  confidentiality?: string;
  /** Audio and video: the span recorded, where the uploader gave its end (domain.md R4). */
  recordedFrom?: string;
  recordedTo?: string;
}

export interface ReviewRoundState {
  round: number;
  taskId: string;
  draftHash: string;
  dueAt: string;
  /** Set while dueAt was counted without a year's holiday notice; counted again once it is loaded. */
  dueProvisional?: ProvisionalCount;
  extended: boolean;
  escalated: boolean;
  outcome?: ReviewOutcome;
  opinion?: string;
  reviewerId?: string;
  completedAt?: string;
  /** Who claimed the round's review task, while someone holds it. */
  claimedBy?: string;
  /** Reviewers who declared a conflict of interest in this round (回避, domain.md L2b): none may claim or answer. */
  conflictDeclaredBy?: string[];
  /** The rendered 决定书 this round reviews (absent on rounds that reviewed the JSON draft only). */
  document?: DecisionDocumentRef;
  dispute?: {
    reason: string;
    taskId: string;
    ruling?: 'uphold' | 'overrule';
    ruledBy?: string;
    /** Who claimed the coordination task, while someone holds it. */
    claimedBy?: string;
  };
}

export interface CaseDeadlineState {
  kind: CaseDeadlineKind;
  dueAt: string;
  fired: boolean;
  /** Set while a working-day deadline was counted without a year's holiday notice (domain.md §6). */
  provisional?: ProvisionalCount;
}

/** The case's earliest deadline that has not fired yet: what its timer waits for and operators sort by. */
export function nextCaseDeadline(state: Pick<CaseState, 'deadlines'>): CaseDeadlineState | undefined {
  return state.deadlines
    .filter((deadline) => !deadline.fired)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
}

/**
 * Whether the case's current decision has been withdrawn. A revoked or annulled decision stays the case's
 * decision, marked withdrawn; a re-made one is gone from the state, and the withdrawal left behind belongs to the
 * decision it replaced (withdrawals recorded before they named their decision are told apart by kind).
 */
export function isWithdrawn(state: Pick<CaseState, 'decision' | 'withdrawal'>): boolean {
  const { decision, withdrawal } = state;
  if (!decision || !withdrawal) return false;
  return withdrawal.decisionId ? withdrawal.decisionId === decision.decisionId : withdrawal.kind !== 'remade';
}

/** What the `caseState` query answers: the whole case as the workflow sees it. */
export interface CaseState {
  caseId: string;
  agencyCode: string;
  caseNumber: string;
  itemCode: string;
  category: ItemCategory | null;
  title: string;
  /** `not-accepted`: a licensing application the agency decided not to accept (不予受理, domain.md P7a). */
  status: 'filing' | 'refused' | 'not-accepted' | 'open' | 'archived';
  refusalReasons: string[];
  /** A 行政许可 case's application, as filed. */
  application?: LicensingApplicationState;
  stage: CaseStage;
  handlerIds: string[];
  major: boolean;
  majorReasons: string[];
  majorVerdict?: MajorDecisionVerdict;
  draft?: {
    hash: string;
    documentNumber: string;
    submittedAt: string;
    version: number;
    /** The 决定书 rendered from this draft for review, once it was submitted. */
    document?: DecisionDocumentRef;
  };
  notice?: { at: string; hearingRights: boolean; hearingWindowEndsAt?: string };
  hearing?: { requestedAt: string; heldAt?: string };
  reviewRounds: ReviewRoundState[];
  decision?: {
    decisionId: string;
    /** When the decision was entered. */
    decidedAt: string;
    /** The date on the 决定书 (domain.md L1a); absent in decisions entered before it was asked for. */
    decidedOn?: string;
    draftHash: string;
    documentNumber: string;
    /** The approved 决定书 the decision was made on (decisions made on a rendered document). */
    document?: DecisionDocumentRef;
  };
  /** 行政强制 measures and executions decided inside the case, each its own decision (domain.md P13). */
  coercionMeasures?: CoercionMeasureState[];
  /** Legal review rounds on major measures, in the order they were opened (domain.md P13b). */
  measureReviews?: MeasureReviewState[];
  withdrawal?: {
    kind: WithdrawalKind;
    reason: string;
    at: string;
    source?: WithdrawalSource;
    /** The decision withdrawn (absent on withdrawals recorded before it was kept). */
    decisionId?: string;
  };
  deadlines: CaseDeadlineState[];
  /** A decision limit or review SLA ran out and is not yet met. */
  overdue: boolean;
  evidence: EvidenceLink[];
  /** Audio-visual recording the registry's AV list still requires before the current stage may be left. */
  missingAv: string[];
  recordEntries: number;
}

/** Errors the workflow raises for refused actions; case-api maps each to an HTTP status and a Chinese message. */
export const CASE_ERROR_CODES = {
  wrongStage: 'CASE_WRONG_STAGE',
  reviewNotApproved: 'REVIEW_NOT_APPROVED',
  draftMismatch: 'DRAFT_HASH_MISMATCH',
  hearingWindowClosed: 'HEARING_WINDOW_CLOSED',
  avMissing: 'AV_RECORD_MISSING',
  taskNotOpen: 'TASK_NOT_OPEN',
  taskClaimedByOther: 'TASK_CLAIMED_BY_OTHER',
  taskNotClaimant: 'TASK_NOT_CLAIMED_BY_YOU',
  reviewerIsHandler: 'REVIEWER_IS_HANDLER',
  reviewerNotQualified: 'REVIEWER_NOT_QUALIFIED',
  reviewerConflictDeclared: 'REVIEWER_CONFLICT_DECLARED',
  notPrincipalLeader: 'NOT_PRINCIPAL_LEADER',
  checklistInconsistent: 'REVIEW_CHECKLIST_INCONSISTENT',
  caseClosed: 'CASE_NOT_OPEN',
  decisionDateInvalid: 'DECISION_DATE_INVALID',
  collectiveDiscussionMissing: 'COLLECTIVE_DISCUSSION_MISSING',
  coercionKindMismatch: 'COERCION_KIND_MISMATCH',
  coercionMeasureNotFound: 'COERCION_MEASURE_NOT_FOUND',
  decisionKindMismatch: 'DECISION_KIND_MISMATCH',
  /** A 行政检查结果 names a 双随机 plan the registry does not have for the agency and the party (domain.md P14). */
  inspectionPlanInvalid: 'INSPECTION_PLAN_INVALID',
  alreadyWithdrawn: 'DECISION_ALREADY_WITHDRAWN',
  alreadyRemade: 'DECISION_ALREADY_REMADE',
  officerNotRegistered: 'OFFICER_NOT_REGISTERED',
  officerNotCertified: 'OFFICER_NOT_CERTIFIED',
  officerNotAssigned: 'OFFICER_NOT_ASSIGNED',
  officerNotLeader: 'OFFICER_NOT_LEADER',
  officerMissing: 'ACTING_OFFICER_REQUIRED',
  deciderRecused: 'DECIDER_RECUSED',
  onSiteDisclosureInvalid: 'ON_SITE_DISCLOSURE_INVALID',
  handlerReplacementInvalid: 'HANDLER_REPLACEMENT_INVALID',
} as const;
export type CaseErrorCode = (typeof CASE_ERROR_CODES)[keyof typeof CASE_ERROR_CODES];
