import { ArgumentMetadata, HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import { ApiError, FieldViolation } from './api-error';

/**
 * Deepest JSON body accepted. Our DTOs nest four or five levels; class-transformer and class-validator recurse
 * once per level, so a body of twenty thousand nested arrays (20 kB, well under the size limit) overflowed the
 * stack and answered 500.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function tooDeep(): ApiError {
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    'BODY_TOO_DEEP',
    `请求体嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`,
    [{ field: 'body', rule: 'maxDepth', message: `请求体嵌套不得超过 ${MAX_JSON_DEPTH} 层` }],
  );
}

/**
 * body-parser's `verify` hook: one pass over the raw bytes, before JSON.parse, counting brackets outside
 * strings. The ApiError it throws keeps its status through body-parser and leaves as a 400.
 */
export function assertJsonDepth(_request: unknown, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw tooDeep();
    } else if (CLOSE.has(byte)) depth -= 1;
  }
}

function nulFields(value: unknown, path: string, found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value))
    value.forEach((item, index) => nulFields(item, `${path}[${index}]`, found));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) nulFields(item, path ? `${path}.${key}` : key, found);
}

/**
 * Global pipe ahead of validation: a NUL character anywhere in a path parameter, a query parameter or the body
 * is refused with the field it sits in. PostgreSQL stores no NUL in text or jsonb, so letting one through
 * turned a free-text search or a reason into a 500; no legitimate text carries it.
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found: string[] = [];
    nulFields(value, metadata.data ?? '', found);
    if (found.length === 0) return value;
    const violations: FieldViolation[] = found.map((field) => ({
      field: field || metadata.type,
      rule: 'noNulCharacter',
      message: `字段 ${field || metadata.type} 含有不允许的空字符（NUL）`,
    }));
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', violations);
  }
}
