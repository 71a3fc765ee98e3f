import { detectAddresses } from './detectors/addresses';
import { detectBankCards, detectKeywordAccounts } from './detectors/bank-accounts';
import { detectHealthStatus } from './detectors/health-status';
import { detectLegacyResidentIds, detectResidentIds } from './detectors/identity-numbers';
import { detectPersonNames, PersonNameOptions } from './detectors/person-names';
import { detectLandlinePhones, detectMobilePhones } from './detectors/phone-numbers';
import { matchSpans, overlaps, Span } from './detectors/spans';
import { detectTravelPermits } from './detectors/travel-permits';
import { findUsccSpans } from './detectors/uscc';
import { Finding, FindingKind, REPLACEMENT_TOKEN_PATTERN } from './finding';

export type MaskOptions = PersonNameOptions;

export interface MaskResult {
  masked: string;
  /** Replaced spans and spans flagged for review, ordered by position in the original text. */
  findings: Finding[];
  /** Publication must wait for a person: health data, or a number that is only probably an ID. */
  needsManualReview: boolean;
}

// When two detectors claim exactly the same span (an 18-digit ID that also passes Luhn), the first kind wins.
const KIND_PRECEDENCE: FindingKind[] = [
  'resident-id',
  'bank-account',
  'mobile-phone',
  'landline-phone',
  'passport',
  'hk-macau-permit',
  'taiwan-permit',
  'address',
  'penalised-person-name',
  'other-person-name',
];

/** Masks a text for public rendering (domain.md §4). Masking already-masked text returns it unchanged. */
export function maskText(text: string, options: MaskOptions = {}): MaskResult {
  const residentIds = detectResidentIds(text);
  const isClaimedId = (span: Span) =>
    residentIds.some((id) => id.start === span.start && id.end === span.end);
  const untouchable = [
    ...findUsccSpans(text).filter((span) => !isClaimedId(span)),
    ...matchSpans(text, REPLACEMENT_TOKEN_PATTERN),
  ];

  const candidates = [
    ...residentIds,
    ...detectLegacyResidentIds(text),
    ...detectBankCards(text),
    ...detectKeywordAccounts(text),
    ...detectMobilePhones(text),
    ...detectLandlinePhones(text),
    ...detectTravelPermits(text),
    ...detectAddresses(text),
    ...detectPersonNames(text, options),
  ].filter((candidate) => !untouchable.some((span) => overlaps(span, candidate)));
  const replacements = chooseNonOverlapping(candidates);
  const flags = detectHealthStatus(text).filter(
    (flag) => !replacements.some((replaced) => overlaps(replaced, flag)),
  );

  const findings = [...replacements, ...flags].sort((a, b) => a.start - b.start);
  return {
    masked: applyReplacements(text, replacements),
    findings,
    needsManualReview: findings.some((finding) => finding.needsReview),
  };
}

/** Longest spans first, so an address swallows the house number inside it rather than the other way round. */
function chooseNonOverlapping(candidates: Finding[]): Finding[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      KIND_PRECEDENCE.indexOf(a.kind) - KIND_PRECEDENCE.indexOf(b.kind) ||
      a.start - b.start,
  );
  const chosen: Finding[] = [];
  for (const candidate of ordered) {
    if (!chosen.some((other) => overlaps(other, candidate))) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

function applyReplacements(text: string, replacements: Finding[]): string {
  let masked = '';
  let position = 0;
  for (const replacement of replacements) {
    masked +=
      text.slice(position, replacement.start) +
      (replacement.replacement ?? text.slice(replacement.start, replacement.end));
    position = replacement.end;
  }
  return masked + text.slice(position);
}
