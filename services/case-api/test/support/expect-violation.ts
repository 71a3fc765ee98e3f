import type { Response } from 'supertest';

/** The answer is a 400 VALIDATION_FAILED naming `field` and `rule`, with a specific Chinese message. */
export function expectViolation(response: Response, field: string, rule: string): void {
  expect({ status: response.status, code: response.body.code }).toEqual({
    status: 400,
    code: 'VALIDATION_FAILED',
  });
  const violation = (response.body.violations as { field: string; rule: string; message: string }[]).find(
    (candidate) => candidate.field === field && candidate.rule === rule,
  );
  expect(violation).toEqual({ field, rule, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  // The generic fallback means the rule has no wording of its own yet.
  expect(violation?.message).not.toMatch(/不符合规则$/);
}
