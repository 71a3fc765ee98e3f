import { VisibilityQueryError } from './errors';

/**
 * Lexer for the List Filter language. Its rules follow the MySQL-dialect tokenizer Temporal's
 * sqlparser fork uses: keywords are case-insensitive, strings may use single or double quotes with
 * backslash escapes or a doubled quote, and backticks quote attribute names.
 */
export type TokenKind = 'identifier' | 'keyword' | 'string' | 'number' | 'operator' | 'end';

export interface Token {
  kind: TokenKind;
  /** Keyword: upper-cased; identifier and string: decoded text; number: digits as written; operator: normalised symbol. */
  value: string;
  /** The token exactly as written, for error messages. */
  text: string;
  /** 0-based index of the token's first character in the query. */
  offset: number;
}

const KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'IN',
  'BETWEEN',
  'STARTS_WITH',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
  // Clauses Temporal's SQL visibility parses and then refuses; reserved so the error can say so.
  'ORDER',
  'GROUP',
  'BY',
  'LIMIT',
]);

// MySQL spellings of the logical operators, accepted by Temporal's parser too.
const SYMBOLIC_KEYWORDS: Record<string, string> = { '&&': 'AND', '||': 'OR' };

// Longest first, so '<=' is not read as '<' followed by '='.
const OPERATORS = ['<=>', '<=', '>=', '!=', '<>', '=', '<', '>', '(', ')', ',', '-', '+'];

// MySQL backslash escapes; any other escaped character stands for itself.
const ESCAPES: Record<string, string> = {
  '0': '\0',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\x1a',
};

// Only what Temporal's tokenizer skips: a full-width space (U+3000) is an error there, not a blank.
const WHITESPACE = /[ \t\r\n]/;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
// Digits glued to letters (e.g. 12abc) make one malformed token rather than a number and a name.
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?![A-Za-z0-9_.])/y;

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < query.length) {
    const char = query[position];
    if (WHITESPACE.test(char)) {
      position += 1;
      continue;
    }
    const token = readToken(query, position);
    tokens.push(token);
    position += token.text.length;
  }
  tokens.push({ kind: 'end', value: '', text: '', offset: query.length });
  return tokens;
}

function readToken(query: string, offset: number): Token {
  const char = query[offset];
  if (char === "'" || char === '"') return readString(query, offset, char);
  if (char === '`') return readQuotedIdentifier(query, offset);

  const identifier = matchAt(IDENTIFIER, query, offset);
  if (identifier !== undefined) {
    const upper = identifier.toUpperCase();
    return KEYWORDS.has(upper)
      ? { kind: 'keyword', value: upper, text: identifier, offset }
      : { kind: 'identifier', value: identifier, text: identifier, offset };
  }

  if (/[0-9.]/.test(char)) {
    const number = matchAt(NUMBER, query, offset);
    if (number === undefined) {
      throw new VisibilityQueryError(
        '无效的数字',
        (/^[A-Za-z0-9_.]+/.exec(query.slice(offset)) ?? [char])[0],
        offset,
      );
    }
    return { kind: 'number', value: number, text: number, offset };
  }

  const symbolic = Object.keys(SYMBOLIC_KEYWORDS).find((candidate) => query.startsWith(candidate, offset));
  if (symbolic !== undefined)
    return { kind: 'keyword', value: SYMBOLIC_KEYWORDS[symbolic], text: symbolic, offset };

  const operator = OPERATORS.find((candidate) => query.startsWith(candidate, offset));
  if (operator !== undefined) {
    return { kind: 'operator', value: operator === '<>' ? '!=' : operator, text: operator, offset };
  }
  throw new VisibilityQueryError(
    '无法识别的字符',
    String.fromCodePoint(query.codePointAt(offset) ?? 0),
    offset,
  );
}

function matchAt(pattern: RegExp, query: string, offset: number): string | undefined {
  pattern.lastIndex = offset;
  return pattern.exec(query)?.[0];
}

function readString(query: string, offset: number, quote: string): Token {
  let value = '';
  let position = offset + 1;
  while (position < query.length) {
    const char = query[position];
    if (char === '\\') {
      if (position + 1 >= query.length) break;
      const escaped = query[position + 1];
      value += ESCAPES[escaped] ?? escaped;
      position += 2;
    } else if (char === quote) {
      if (query[position + 1] !== quote) {
        return { kind: 'string', value, text: query.slice(offset, position + 1), offset };
      }
      value += quote;
      position += 2;
    } else {
      value += char;
      position += 1;
    }
  }
  throw new VisibilityQueryError('字符串缺少结束引号', query.slice(offset), offset);
}

function readQuotedIdentifier(query: string, offset: number): Token {
  let value = '';
  let position = offset + 1;
  while (position < query.length) {
    const char = query[position];
    if (char === '`') {
      if (query[position + 1] !== '`') {
        const text = query.slice(offset, position + 1);
        if (value === '') throw new VisibilityQueryError('属性名不能为空', text, offset);
        return { kind: 'identifier', value, text, offset };
      }
      value += '`';
      position += 2;
    } else {
      value += char;
      position += 1;
    }
  }
  throw new VisibilityQueryError('属性名缺少结束反引号', query.slice(offset), offset);
}
