import type {
  CaseParty,
  DecisionMadeData,
  PublicDisclosureRecord,
  PublicParty,
  PublicPartyCategory,
} from '@lep/contracts';
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
}

const PARTY_CATEGORIES: Record<CaseParty['type'], PublicPartyCategory> = {
  'natural-person': '自然人',
  'legal-person': '法人及非法人组织',
  'other-organisation': '法人及非法人组织',
  'individual-business': '个体工商户',
};

/**
 * The public record of a decision (domain.md §3), every free text masked (domain.md §4). Identity document numbers
 * are never copied; organisations' names and credit codes stay; a natural person's name follows the policy
 * and the names of other natural persons in the case are masked wherever they appear.
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
  // Short structured fields can hold personal data too (a licence affected may name a person).
  const maskOptional = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : mask(text);

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
    dataSource: decision.agencyName,
    dataSourceCreditCode: decision.agencyCreditCode,
  };
  if (decision.penalty) {
    const penalty = decision.penalty;
    record.penalty = {
      violationType: mask(penalty.violationType),
      facts: mask(penalty.facts),
      legalBasis: mask(penalty.legalBasis),
      penaltyKinds: [...penalty.penaltyKinds],
      content: mask(penalty.content),
      ...(penalty.fineYuan !== undefined ? { fineWanYuan: toWanYuan(penalty.fineYuan) } : {}),
      ...(penalty.confiscatedYuan !== undefined
        ? { confiscatedWanYuan: toWanYuan(penalty.confiscatedYuan) }
        : {}),
      ...(penalty.licenceAffected !== undefined
        ? { licenceAffected: maskOptional(penalty.licenceAffected) }
        : {}),
      validUntil: penalty.validUntil,
    };
  }
  if (decision.licensing) {
    const licensing = decision.licensing;
    record.licensing = {
      documentTitle: mask(licensing.documentTitle),
      licenceKind: licensing.licenceKind,
      ...(licensing.certificateName !== undefined
        ? { certificateName: maskOptional(licensing.certificateName) }
        : {}),
      ...(licensing.licenceNumber !== undefined ? { licenceNumber: licensing.licenceNumber } : {}),
      content: mask(licensing.content),
      validFrom: licensing.validFrom,
      validTo: licensing.validTo,
      status: licensing.granted ? '有效' : '无效',
    };
  }
  if (decision.other) {
    record.other = {
      title: mask(decision.other.title),
      content: mask(decision.other.content),
      legalBasis: mask(decision.other.legalBasis),
    };
  }
  return { record, needsConfirmation, findings: [...new Set(findings)] };
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
