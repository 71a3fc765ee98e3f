import { isValidUscc } from '../checksums';
import { matchSpans, Span } from './spans';

const USCC_PATTERN = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;

/** Unified social credit codes with a correct check character: public data that no detector may touch. */
export function findUsccSpans(text: string): Span[] {
  return matchSpans(text, USCC_PATTERN).filter((match) => isValidUscc(match.value));
}
