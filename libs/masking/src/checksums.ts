/** Checksum validators for the identifiers found in enforcement documents (domain.md §4). */

import { isExistingDate } from './civil-date';

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK_CHARACTERS = '10X98765432';

/** GB 11643 18-character citizen identity number: region, valid birth date, sequence, mod-11 check character. */
export function isValidResidentId(id: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id) || residentIdBirthDate(id) === null) return false;
  const sum = RESIDENT_ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
  return RESIDENT_ID_CHECK_CHARACTERS[sum % 11] === id[17].toUpperCase();
}

/**
 * Birth date 'YYYY-MM-DD' encoded in an 18-digit or legacy 15-digit (always 19xx) identity number, or null
 * when the number has neither shape or encodes a day that does not exist.
 */
export function residentIdBirthDate(id: string): string | null {
  const digits = /^\d{17}[\dXx]$/.test(id)
    ? id.slice(6, 14)
    : /^\d{15}$/.test(id)
      ? `19${id.slice(6, 12)}`
      : null;
  if (digits === null) return null;
  const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return isExistingDate(date) ? date : null;
}

// GB 32100 character set: digits and capitals without I, O, S, V, Z; a character's index is its value.
const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 unified social credit code (统一社会信用代码) with its mod-31 check character. */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const sum = USCC_WEIGHTS.reduce(
    (total, weight, index) => total + weight * USCC_CHARACTERS.indexOf(code[index]),
    0,
  );
  return USCC_CHARACTERS[(31 - (sum % 31)) % 31] === code[17];
}

/** Luhn (mod-10) check used by bank card numbers. */
export function luhn(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    const doubled = index % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}
