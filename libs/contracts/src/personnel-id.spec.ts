import { randomUUID } from 'node:crypto';
import { isPersonnelId } from './personnel-id';

describe('a personnel id', () => {
  it('is a UUID as the registry issues them, in either case', () => {
    const id = randomUUID();
    expect(isPersonnelId(id)).toBe(true);
    expect(isPersonnelId(id.toUpperCase())).toBe(true);
  });

  it.each([
    ['a name', '张三'],
    ['a login-like token', 'reviewer-alice'],
    ['a UUID with more around it', `x${randomUUID()}`],
    ['an empty string', ''],
    ['no string', 42],
  ])('is not %s', (_, value) => {
    expect(isPersonnelId(value)).toBe(false);
  });
});
