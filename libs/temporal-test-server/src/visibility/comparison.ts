import { dateToNanos } from './datetime';

/**
 * Value-level semantics. Results are SQL three-valued truths, as in Temporal's SQL visibility
 * stores: null ("unknown") when the attribute is missing or its value cannot be compared with the
 * literal, and NOT of unknown stays unknown, so a missing attribute never satisfies a comparison,
 * negated or not. Only IS NULL / IS NOT NULL look at missing values.
 */
export type Truth = boolean | null;

/** A literal prepared for comparison; `instant` is set when it also reads as a datetime (Unix nanoseconds). */
export interface Operand {
  value: string | number | boolean;
  instant?: bigint;
}

/** Temporal stores no value for an absent or empty search attribute. */
export function isMissing(actual: unknown): boolean {
  return actual === undefined || actual === null || (Array.isArray(actual) && actual.length === 0);
}

/** Sign of actual − operand, or null when the two are not comparable. */
export function order(actual: unknown, operand: Operand): number | null {
  if (isMissing(actual)) return null;
  if (actual instanceof Date) {
    const nanos = dateToNanos(actual);
    if (nanos === undefined || operand.instant === undefined) return null;
    return nanos === operand.instant ? 0 : nanos < operand.instant ? -1 : 1;
  }
  const { value } = operand;
  if (typeof actual === 'string' && typeof value === 'string')
    return actual === value ? 0 : actual < value ? -1 : 1;
  if (typeof actual === 'number' && typeof value === 'number') {
    if (Number.isNaN(actual)) return null;
    return actual === value ? 0 : actual < value ? -1 : 1;
  }
  if (typeof actual === 'boolean' && typeof value === 'boolean') return Number(actual) - Number(value);
  return null;
}

/** `=`; on a KeywordList it means "contains", as in every Temporal visibility store. */
export function equals(actual: unknown, operand: Operand): Truth {
  if (isMissing(actual)) return null;
  if (Array.isArray(actual)) return typeof operand.value === 'string' ? actual.includes(operand.value) : null;
  const sign = order(actual, operand);
  return sign === null ? null : sign === 0;
}

export function compareWith(operator: '<' | '<=' | '>' | '>=', actual: unknown, operand: Operand): Truth {
  // Temporal refuses range operators on KeywordList attributes; order() returns null for arrays.
  const sign = order(actual, operand);
  if (sign === null) return null;
  switch (operator) {
    case '<':
      return sign < 0;
    case '<=':
      return sign <= 0;
    case '>':
      return sign > 0;
    case '>=':
      return sign >= 0;
  }
}

/** SQL `x IN (a, b)`: true on any match, otherwise unknown if any comparison was unknown. */
export function isIn(actual: unknown, operands: Operand[]): Truth {
  let result: Truth = false;
  for (const operand of operands) {
    const match = equals(actual, operand);
    if (match === true) return true;
    if (match === null) result = null;
  }
  return result;
}

/** Prefix match on strings only; Temporal allows STARTS_WITH on Keyword attributes alone. */
export function startsWith(actual: unknown, prefix: Operand): Truth {
  return typeof actual === 'string' && typeof prefix.value === 'string'
    ? actual.startsWith(prefix.value)
    : null;
}

export function not(value: Truth): Truth {
  return value === null ? null : !value;
}

export function and(left: Truth, right: Truth): Truth {
  if (left === false || right === false) return false;
  return left === true && right === true ? true : null;
}

export function or(left: Truth, right: Truth): Truth {
  if (left === true || right === true) return true;
  return left === false && right === false ? false : null;
}
