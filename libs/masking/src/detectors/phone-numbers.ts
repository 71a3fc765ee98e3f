import { Finding, REPLACEMENT_TOKENS } from '../finding';
import { isDocumentNumber, matchSpans } from './spans';

// domain.md §4 pattern, also accepting the common 139-1234-5678 / 139 1234 5678 groupings.
const MOBILE_PATTERN = /(?<![\d+])(?:\+?86[- ]?)?1[3-9]\d(?:\d{8}|[- ]\d{4}[- ]\d{4})(?!\d)/g;
// domain.md §4 pattern, also accepting the area code in parentheses: (0993)2012345.
const LANDLINE_PATTERN = /(?<!\d)(?:0\d{2,3}-?\d{7,8}|[(（]0\d{2,3}[)）] ?\d{7,8})(?!\d)/g;

export function detectMobilePhones(text: string): Finding[] {
  return matchSpans(text, MOBILE_PATTERN).map((match) => ({
    kind: 'mobile-phone' as const,
    start: match.start,
    end: match.end,
    replacement: REPLACEMENT_TOKENS['mobile-phone'],
    needsReview: false,
  }));
}

export function detectLandlinePhones(text: string): Finding[] {
  return matchSpans(text, LANDLINE_PATTERN)
    .filter((match) => !isDocumentNumber(text, match))
    .map((match) => ({
      kind: 'landline-phone' as const,
      start: match.start,
      end: match.end,
      replacement: REPLACEMENT_TOKENS['landline-phone'],
      needsReview: false,
    }));
}
