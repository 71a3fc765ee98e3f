import { ApiError } from './api-error';
import { assertJsonDepth, MAX_JSON_DEPTH, RejectNulPipe } from './hostile-input';

function refusal(work: () => unknown): Record<string, unknown> | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return error.getResponse() as Record<string, unknown>;
    throw error;
  }
  return undefined;
}

describe('the JSON depth limit', () => {
  const nested = (depth: number) => Buffer.from(`{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`);

  it(`takes a body nested ${MAX_JSON_DEPTH} levels and refuses one level more with BODY_TOO_DEEP`, () => {
    expect(refusal(() => assertJsonDepth(undefined, undefined, nested(MAX_JSON_DEPTH)))).toBeUndefined();
    expect(refusal(() => assertJsonDepth(undefined, undefined, nested(MAX_JSON_DEPTH + 1)))).toMatchObject({
      statusCode: 400,
      code: 'BODY_TOO_DEEP',
      violations: [{ field: 'body', rule: 'maxDepth' }],
    });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = Buffer.from(JSON.stringify({ note: `\\"${'['.repeat(500)}"{{{` }));
    expect(refusal(() => assertJsonDepth(undefined, undefined, text))).toBeUndefined();
  });
});

describe('the NUL refusal', () => {
  const pipe = new RejectNulPipe();

  it('names every field of a body holding NUL, nested ones by their path', () => {
    const body = { title: '询问笔录', party: { name: '张\u0000三' }, notes: ['ok', 'x\u0000'] };
    expect(refusal(() => pipe.transform(body, { type: 'body' }))).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      violations: [
        { field: 'party.name', rule: 'noNulCharacter' },
        { field: 'notes[1]', rule: 'noNulCharacter' },
      ],
    });
  });

  it('names a single query or path parameter by its name, and passes clean values through unchanged', () => {
    expect(refusal(() => pipe.transform('a\u0000b', { type: 'query', data: 'keyword' }))).toMatchObject({
      violations: [
        { field: 'keyword', rule: 'noNulCharacter', message: '字段 keyword 含有不允许的空字符（NUL）' },
      ],
    });
    const clean = { keyword: '销售不合格产品', page: '1' };
    expect(pipe.transform(clean, { type: 'query' })).toBe(clean);
  });
});
