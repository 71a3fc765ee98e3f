import type { ItemCategory } from './registry-lists';
import type { ProvisionalCount, WithdrawalKind, WithdrawalSource } from './case-events';

/**
 * Events of the publication service. Disclosure events go to TOPICS.publicationDisclosure keyed by decision id
 * for external consumers (credit platforms, the 兵团-level platform); they carry only the masked public record,
 * never the raw decision. Deadline events (warning, overdue) go to the same topic so statistics see timeliness.
 */
export const PUBLICATION_EVENT_SOURCE = '/lep/publication';

export const PUBLICATION_EVENT_TYPES = {
  published: 'cn.lep.publication.disclosure.published.v1',
  withdrawn: 'cn.lep.publication.disclosure.withdrawn.v1',
  corrected: 'cn.lep.publication.disclosure.corrected.v1',
  /** One working day before the deadline, still unpublished. */
  deadlineWarning: 'cn.lep.publication.disclosure.deadline-warning.v1',
  /** The deadline passed unpublished; the item stays publishable, late. */
  overdue: 'cn.lep.publication.disclosure.overdue.v1',
  /**
   * The deadline was counted without a year's holiday notice (the registry's calendar lacks it): provisional
   * until a platform admin loads the year, when it is counted again.
   */
  deadlineProvisional: 'cn.lep.publication.disclosure.deadline-provisional.v1',
} as const;

/** 行政相对人类别 as published (domain.md §3 field 2). */
export type PublicPartyCategory = '法人及非法人组织' | '自然人' | '个体工商户';

export interface PublicParty {
  /** Natural persons per the name policy (default 姓+某); organisations in full. */
  name: string;
  category: PublicPartyCategory;
  creditCode?: string;
  legalRepresentative?: string;
}

/** The masked record the portal shows (domain.md §3); every free text has been through @lep/masking. */
export interface PublicDisclosureRecord {
  decisionId: string;
  category: ItemCategory;
  agencyCode: string;
  agencyName: string;
  agencyCreditCode: string;
  documentNumber: string;
  decidedOn: string;
  /** 公示截止期 (domain.md P11), YYYY-MM-DD. */
  displayUntil: string;
  party: PublicParty;
  penalty?: {
    violationType: string;
    facts: string;
    legalBasis: string;
    penaltyKinds: string[];
    content: string;
    /** 罚款金额（万元） */
    fineWanYuan?: number;
    /** 没收违法所得、没收非法财物的金额（万元） */
    confiscatedWanYuan?: number;
    licenceAffected?: string;
    validUntil: string;
  };
  /** 不予行政处罚 (domain.md P12): the ground in Chinese, and the penalty's fields that still apply. */
  noPenalty?: {
    ground: string;
    violationType: string;
    facts: string;
    legalBasis: string;
    reason: string;
  };
  licensing?: {
    documentTitle: string;
    /** 许可类别; 其他 with the type it names: 其他（…） (domain.md §3). */
    licenceKind: string;
    certificateName?: string;
    licenceNumber?: string;
    content: string;
    /** Absent on a 不予许可. */
    validFrom?: string;
    validTo?: string;
    /** 当前状态 when published; the portal works it out again on the day it is read (licence-status.ts). */
    status: '有效' | '无效';
    /** False on a 不予许可, which shows its reason and no certificate or validity. Absent on records before it. */
    granted?: boolean;
    /** 不予许可的理由 (masked). */
    refusalReason?: string;
  };
  other?: { title: string; content: string; legalBasis: string };
  /**
   * 行政检查结果 (domain.md P14): 检查对象 is the record's party, 检查机关 its agency; method and outcome in Chinese,
   * the two texts masked (or kept back as commercial secrets).
   */
  inspection?: {
    matter: string;
    legalBasis: string;
    inspectedOn: string;
    method: string;
    outcome: string;
    findings: string;
    handling: string;
    /** The 双随机 plan the inspected target was drawn in, whose page is public too. */
    randomInspectionPlanId?: string;
  };
  /** 行政强制 decisions: the kind of measure or execution, in Chinese. */
  coercion?: { kind: string };
  /**
   * Fields kept back as commercial secrets (their text in the record is TRADE_SECRET_NOTICE): the field path,
   * its Chinese label and the reason shown to the public.
   */
  withheldFields?: Array<{ field: string; label: string; reason: string }>;
  /** Set on a re-made decision (重新作出): the decision it replaces, whose page shows its withdrawal. */
  replacesDecisionId?: string;
  /**
   * The masked rendering (公开版) of the 决定书 the decision was made on, set only when it hides at least what this
   * record hides (domain.md L1c): the SHA-256 recorded when it was issued, and the public route that serves it.
   */
  document?: { sha256: string; href: string };
  /** 数据来源单位 = the deciding agency. */
  dataSource: string;
  dataSourceCreditCode: string;
}

export interface DisclosurePublishedData {
  decisionId: string;
  agencyCode: string;
  version: number;
  publishedAt: string;
  /** Null only for records received before the calendar moved to the registry. */
  deadlineOn: string | null;
  /** Set when deadlineOn was counted without a year's notice (see deadlineProvisional). */
  deadlineProvisional?: ProvisionalCount | null;
  /** False when published after the deadline (timeliness for statistics); null while the deadline is unknown. */
  onTime: boolean | null;
  record: PublicDisclosureRecord;
}

export interface DisclosureWithdrawnData {
  decisionId: string;
  agencyCode: string;
  kind: WithdrawalKind;
  reason: string;
  /** The 复议决定, 判决 or 自我纠错 document (absent on withdrawals made before it was asked for). */
  source?: WithdrawalSource;
  withdrawnAt: string;
  /** Three working days after the withdrawal decision (domain.md P9). */
  withdrawBy: string | null;
  /** Set when withdrawBy was counted without a year's notice. */
  withdrawByProvisional?: ProvisionalCount | null;
  /** False when the item had never been published (withdrawn while pending). */
  wasPublished: boolean;
}

export interface DisclosureCorrectedData {
  decisionId: string;
  agencyCode: string;
  version: number;
  reason: string;
  correctedAt: string;
  record: PublicDisclosureRecord;
}

export interface DisclosureDeadlineData {
  decisionId: string;
  agencyCode: string;
  deadlineOn: string;
  /** Why it is still unpublished: masking to confirm, a block awaiting sign-off. */
  waitingFor: Array<'masking-confirmation' | 'block-sign-off'>;
  at: string;
}

export interface DisclosureDeadlineProvisionalData {
  decisionId: string;
  agencyCode: string;
  region: string;
  /** The deadline as counted without the missing years' notices. */
  deadlineOn: string;
  provisional: ProvisionalCount;
}

/**
 * What the portal shows besides decisions, one entry per subject: 事前公开 (agencies, officers, item lists with
 * their service guides), 双随机、一公开 (plans, draws, results) and the annual reports. The service announces each
 * entry it stores on TOPICS.publicationPortal keyed by `<kind>:<key>`, masked as the portal shows it, for the
 * upper level's platform (the upward feed) and other consumers.
 */
export const PORTAL_ENTRY_KINDS = [
  'agencies',
  'personnel',
  'item-lists',
  'inspection-plans',
  'inspection-draws',
  'inspection-results',
  'annual-reports',
] as const;
export type PortalEntryKind = (typeof PORTAL_ENTRY_KINDS)[number];

export const PORTAL_EVENT_TYPES = {
  entryChanged: 'cn.lep.publication.portal.entry-changed.v1',
} as const;

export interface PortalEntryChangedData {
  kind: PortalEntryKind;
  /** Agency code, personnel id, `<agency>:<list kind>`, plan or draw id, `<agency>:<year>` for a report. */
  key: string;
  agencyCode: string;
  /** For agencies: the parent, so the receiving level can follow the 兵团 → 师市 tree. */
  parentCode: string | null;
  title: string;
  /** The entry as the portal shows it; natural persons' data masked (domain.md §4). */
  data: Record<string, unknown>;
  /** The subject left the register (an agency removed): the portal no longer shows it. */
  removed: boolean;
  /** When the source changed (the source event's time): a later change replaces an earlier one. */
  changedAt: string;
}

/** The message key of a portal entry on TOPICS.publicationPortal. */
export function portalEntryKey(kind: PortalEntryKind, key: string): string {
  return `${kind}:${key}`;
}
