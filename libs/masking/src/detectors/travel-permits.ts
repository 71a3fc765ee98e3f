import { Finding, REPLACEMENT_TOKENS } from '../finding';
import { matchSpans } from './spans';

// Ordinary passports: E/G + 8 digits, and since 2019 E + letter + 7 digits.
const PASSPORT_PATTERN = /(?<![0-9A-Za-z])(?:[EeGg]\d{8}|E[A-HJ-NP-Z]\d{7})(?![0-9A-Za-z])/g;
// 港澳居民来往内地通行证 (回乡证).
const HK_MACAU_PERMIT_PATTERN = /(?<![0-9A-Za-z])[HMhm]\d{8,10}(?![0-9A-Za-z])/g;
// 台湾居民来往大陆通行证: a bare 8-digit number, recognisable only by its label.
const TAIWAN_PERMIT_PATTERN = /台胞证(?:号码|号)?\s*(?:[：:]|为|是)?\s*\d{8}(?!\d)/g;
const TAIWAN_PERMIT_DIGITS = 8;

function permit(kind: 'passport' | 'hk-macau-permit' | 'taiwan-permit', start: number, end: number): Finding {
  return { kind, start, end, replacement: REPLACEMENT_TOKENS[kind], needsReview: false };
}

export function detectTravelPermits(text: string): Finding[] {
  const byPattern = (pattern: RegExp, kind: 'passport' | 'hk-macau-permit'): Finding[] =>
    matchSpans(text, pattern).map((match) => permit(kind, match.start, match.end));
  const taiwan = matchSpans(text, TAIWAN_PERMIT_PATTERN).map((match) =>
    permit('taiwan-permit', match.end - TAIWAN_PERMIT_DIGITS, match.end),
  );
  return [
    ...byPattern(PASSPORT_PATTERN, 'passport'),
    ...byPattern(HK_MACAU_PERMIT_PATTERN, 'hk-macau-permit'),
    ...taiwan,
  ];
}
