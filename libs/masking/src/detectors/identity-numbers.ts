import { isValidResidentId, isValidUscc, residentIdBirthDate } from '../checksums';
import { Finding, REPLACEMENT_TOKENS } from '../finding';
import { isDocumentNumber, matchSpans } from './spans';

const RESIDENT_ID_PATTERN =
  /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])/g;
const LEGACY_RESIDENT_ID_PATTERN = /(?<!\d)[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/g;

// The label written just before a number tells an ID from an organisation code of the same shape.
const ORGANISATION_CODE_LABEL =
  /(?:信用代码|注册号|机构代码|识别号|税号|登记号|证书号)\s*(?:[：:]|为|是)?\s*$/;
const PERSONAL_ID_LABEL = /(?:身份证(?:号码|号)?|身份号码|证件号码|证件号)\s*(?:[：:]|为|是)?\s*$/;
const LABEL_WINDOW = 16;

function labelBefore(text: string, start: number): string {
  return text.slice(Math.max(0, start - LABEL_WINDOW), start);
}

/**
 * 18-character IDs. A valid USCC of the same shape (about 1 in 31 IDs also passes the USCC check) is left
 * to the USCC rule unless it is labelled as an ID; an ambiguous or wrongly checked number is hidden anyway,
 * because publishing a real ID costs more than hiding a code, and flagged so that a person looks at it.
 */
export function detectResidentIds(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of matchSpans(text, RESIDENT_ID_PATTERN)) {
    const label = labelBefore(text, match.start);
    const isId = isValidResidentId(match.value);
    const isUscc = isValidUscc(match.value);
    if (isUscc && (!isId || ORGANISATION_CODE_LABEL.test(label))) continue;
    const certain = isId && (!isUscc || PERSONAL_ID_LABEL.test(label));
    findings.push({
      kind: 'resident-id',
      start: match.start,
      end: match.end,
      replacement: REPLACEMENT_TOKENS['resident-id'],
      needsReview: !certain,
    });
  }
  return findings;
}

/** Pre-1999 15-digit IDs (no check digit): a real birth date and no organisation-code or 文号 context. */
export function detectLegacyResidentIds(text: string): Finding[] {
  return matchSpans(text, LEGACY_RESIDENT_ID_PATTERN)
    .filter((match) => residentIdBirthDate(match.value) !== null)
    .filter(
      (match) =>
        !isDocumentNumber(text, match) && !ORGANISATION_CODE_LABEL.test(labelBefore(text, match.start)),
    )
    .map((match) => ({
      kind: 'resident-id' as const,
      start: match.start,
      end: match.end,
      replacement: REPLACEMENT_TOKENS['resident-id'],
      needsReview: false,
    }));
}
