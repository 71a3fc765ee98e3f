export { isValidResidentId, isValidUscc, luhn, residentIdBirthDate } from './checksums';
export { FINDING_LABELS, REPLACEMENT_TOKENS } from './finding';
export type { Finding, FindingKind } from './finding';
export { COMPOUND_SURNAMES, maskPersonName } from './person-name';
export type { NamePolicy } from './person-name';
export { maskText } from './mask-text';
export type { MaskOptions, MaskResult } from './mask-text';
export { publicationBlockers } from './publication-blockers';
export type {
  PublicationBlocker,
  PublicationBlockerCode,
  PublicationBlockerInput,
} from './publication-blockers';
