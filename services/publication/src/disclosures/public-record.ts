import {
  COERCION_KIND_NAMES,
  INSPECTION_METHOD_NAMES,
  INSPECTION_RESULT_OUTCOME_NAMES,
  licenceKindLabel,
  licenceStatus,
  NO_PENALTY_GROUND_NAMES,
  TRADE_SECRET_NOTICE,
  type CaseParty,
  type DecisionMadeData,
  type PublicDisclosureRecord,
  type PublicParty,
  type PublicPartyCategory,
  type TradeSecretField,
} from '@lep/contracts';
import { chinaDateOf } from '@lep/calendar';
import { maskPersonName, maskText, NamePolicy } from '@lep/masking';

export interface MaskedRecord {
  record: PublicDisclosureRecord;
  /** Masking found something only a person can judge (health data, a number that is probably an ID). */
  needsConfirmation: boolean;
  /** Chinese labels of what was masked, for the publisher who confirms the result. */
  findings: string[];
}

export interface PublicRecordOptions {
  namePolicy: NamePolicy;
  displayUntil: string;
  /** The China date 当前状态 is read on (domain.md §3); today when absent. */
  asOf?: string;
}

const PARTY_CATEGORIES: Record<CaseParty['type'], PublicPartyCategory> = {
  'natural-person': '自然人',
  'legal-person': '法人及非法人组织',
  'other-organisation': '法人及非法人组织',
  'individual-business': '个体工商户',
};

/** The Chinese labels of the fields a handler may keep back as commercial secrets (domain.md §3 field names). */
export const TRADE_SECRET_FIELD_LABELS: Record<TradeSecretField, string> = {
  'penalty.facts': '违法事实',
  'penalty.content': '处罚内容',
  'penalty.licenceAffected': '暂扣或吊销证照名称及编号',
  'noPenalty.facts': '违法事实',
  'noPenalty.reason': '不予处罚理由',
  'licensing.content': '许可内容',
  'licensing.certificateName': '许可证书名称',
  'other.content': '决定内容',
  'inspection.findings': '检查情况',
  'inspection.handling': '处理情况',
};

/**
 * The public record of a decision (domain.md §3), every free text masked (domain.md §4). Identity document numbers
 * are never copied; organisations' names and credit codes stay; a natural person's name follows the policy
 * and the names of other natural persons in the case are masked wherever they appear. A field the handler
 * marked as a commercial secret keeps its place with TRADE_SECRET_NOTICE instead of its text (not even masked:
 * the text never reaches the record) and is listed in withheldFields.
 */
export function buildPublicRecord(decision: DecisionMadeData, options: PublicRecordOptions): MaskedRecord {
  const { party } = decision;
  const naturalPerson = party.type === 'natural-person';
  // An individual business's operator is a natural person even though the business name is public.
  const personNames = [
    ...(party.type === 'individual-business' && party.legalRepresentative ? [party.legalRepresentative] : []),
    ...decision.otherPersonNames,
  ];
  const findings: string[] = [];
  let needsConfirmation = false;
  const mask = (text: string): string => {
    const result = maskText(text, {
      penalisedPersonName: naturalPerson ? party.name : undefined,
      namePolicy: options.namePolicy,
      otherPersonNames: personNames,
    });
    needsConfirmation ||= result.needsManualReview;
    for (const finding of result.findings) findings.push(finding.kind);
    return result.masked;
  };
  const secrets = new Set(decision.tradeSecretFields ?? []);
  const withheldFields: NonNullable<PublicDisclosureRecord['withheldFields']> = [];
  /**
   * The field's masked text (short structured fields can hold personal data too: a licence affected may name a
   * person), or the notice when the handler kept it back as a commercial secret.
   */
  const field = (path: TradeSecretField, text: string): string => {
    if (!secrets.has(path)) return mask(text);
    withheldFields.push({ field: path, label: TRADE_SECRET_FIELD_LABELS[path], reason: TRADE_SECRET_NOTICE });
    return TRADE_SECRET_NOTICE;
  };

  const record: PublicDisclosureRecord = {
    decisionId: decision.decisionId,
    category: decision.category,
    agencyCode: decision.agencyCode,
    agencyName: decision.agencyName,
    agencyCreditCode: decision.agencyCreditCode,
    documentNumber: mask(decision.documentNumber),
    decidedOn: decision.decidedOn,
    displayUntil: options.displayUntil,
    party: publicParty(party, options.namePolicy),
    ...(decision.replacesDecisionId ? { replacesDecisionId: decision.replacesDecisionId } : {}),
    dataSource: decision.agencyName,
    dataSourceCreditCode: decision.agencyCreditCode,
  };
  if (decision.penalty) {
    const penalty = decision.penalty;
    record.penalty = {
      violationType: mask(penalty.violationType),
      facts: field('penalty.facts', penalty.facts),
      legalBasis: mask(penalty.legalBasis),
      penaltyKinds: [...penalty.penaltyKinds],
      content: field('penalty.content', penalty.content),
      ...(penalty.fineYuan !== undefined ? { fineWanYuan: toWanYuan(penalty.fineYuan) } : {}),
      ...(penalty.confiscatedYuan !== undefined
        ? { confiscatedWanYuan: toWanYuan(penalty.confiscatedYuan) }
        : {}),
      ...(penalty.licenceAffected !== undefined
        ? { licenceAffected: field('penalty.licenceAffected', penalty.licenceAffected) }
        : {}),
      validUntil: penalty.validUntil,
    };
  }
  if (decision.noPenalty) {
    const noPenalty = decision.noPenalty;
    record.noPenalty = {
      ground: NO_PENALTY_GROUND_NAMES[noPenalty.ground],
      violationType: mask(noPenalty.violationType),
      facts: field('noPenalty.facts', noPenalty.facts),
      legalBasis: mask(noPenalty.legalBasis),
      reason: field('noPenalty.reason', noPenalty.reason),
    };
  }
  if (decision.licensing) {
    const licensing = decision.licensing;
    // A 不予许可 discloses what was applied for and why it was refused; it has no certificate, number or validity
    // to show (domain.md §3). 当前状态 is the one on the day the record is built; the portal reads it again.
    record.licensing = {
      documentTitle: mask(licensing.documentTitle),
      licenceKind: licenceKindLabel(licensing),
      ...(licensing.certificateName !== undefined
        ? { certificateName: field('licensing.certificateName', licensing.certificateName) }
        : {}),
      ...(licensing.licenceNumber !== undefined ? { licenceNumber: licensing.licenceNumber } : {}),
      content: field('licensing.content', licensing.content),
      ...(licensing.validFrom !== undefined ? { validFrom: licensing.validFrom } : {}),
      ...(licensing.validTo !== undefined ? { validTo: licensing.validTo } : {}),
      status: licenceStatus(licensing, options.asOf ?? chinaDateOf(Date.now())),
      granted: licensing.granted,
      ...(licensing.refusalReason !== undefined ? { refusalReason: mask(licensing.refusalReason) } : {}),
    };
  }
  if (decision.other) {
    record.other = {
      title: mask(decision.other.title),
      content: field('other.content', decision.other.content),
      legalBasis: mask(decision.other.legalBasis),
    };
  }
  if (decision.inspection) {
    // 行政检查结果 (domain.md P14): the target is the party (its name by the policy, as a 双随机 target's), the
    // texts masked like a 双随机 finding; method and outcome are the platform's own words.
    const inspection = decision.inspection;
    record.inspection = {
      matter: mask(inspection.matter),
      legalBasis: mask(inspection.legalBasis),
      inspectedOn: inspection.inspectedOn,
      method: INSPECTION_METHOD_NAMES[inspection.method],
      outcome: INSPECTION_RESULT_OUTCOME_NAMES[inspection.outcome],
      findings: field('inspection.findings', inspection.findings),
      handling: field('inspection.handling', inspection.handling),
      ...(inspection.randomInspectionPlanId
        ? { randomInspectionPlanId: inspection.randomInspectionPlanId }
        : {}),
    };
  }
  if (decision.coercion) record.coercion = { kind: COERCION_KIND_NAMES[decision.coercion.kind] };
  if (decision.document && maskedRenderingDisclosable(decision, options.namePolicy))
    record.document = {
      sha256: decision.document.maskedSha256,
      href: publicDocumentHref(decision.decisionId),
    };
  if (withheldFields.length > 0) record.withheldFields = withheldFields;
  return { record, needsConfirmation, findings: [...new Set(findings)] };
}

/** The public route that serves a decision's masked 决定书 (public-document.service.ts). */
export function publicDocumentHref(decisionId: string): string {
  return `/api/v1/public/decisions/${encodeURIComponent(decisionId)}/document`;
}

/**
 * Whether the masked 决定书 hides at least what the record hides (domain.md L1c). The documents service masks
 * natural-person parties to 姓+某 with their ID numbers, addresses and phones, and runs the free texts through
 * @lep/masking knowing only those parties: it keeps commercial secrets the record withholds, the names of other
 * persons in the case (a witness in the facts), an individual business's operator, and any other name policy.
 */
function maskedRenderingDisclosable(decision: DecisionMadeData, policy: NamePolicy): boolean {
  return (
    policy === 'surname-mou' &&
    (decision.tradeSecretFields ?? []).length === 0 &&
    decision.otherPersonNames.length === 0 &&
    decision.party.type !== 'individual-business'
  );
}

function publicParty(party: CaseParty, policy: NamePolicy): PublicParty {
  const category = PARTY_CATEGORIES[party.type];
  if (party.type === 'natural-person') return { name: maskPersonName(party.name, policy), category };
  return {
    name: party.name,
    category,
    ...(party.creditCode ? { creditCode: party.creditCode } : {}),
    ...(party.legalRepresentative
      ? {
          legalRepresentative:
            party.type === 'individual-business'
              ? maskPersonName(party.legalRepresentative, 'surname-mou')
              : party.legalRepresentative,
        }
      : {}),
  };
}

/** Yuan to 万元 with four decimals (one yuan), as the credit-platform field expects. */
export function toWanYuan(yuan: number): number {
  return Math.round(yuan) / 10_000;
}
