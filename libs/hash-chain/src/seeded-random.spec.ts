import { randomBytes } from 'node:crypto';
import { drawSample, SeededRandom } from './seeded-random';

const SEED = 'a'.repeat(64);
const targets = (n: number) => Array.from({ length: n }, (_, i) => `T${String(i).padStart(3, '0')}`);

describe('SeededRandom', () => {
  it('replays the same numbers from the same seed and others from another', () => {
    const a = new SeededRandom(Buffer.from(SEED, 'hex'));
    const b = new SeededRandom(Buffer.from(SEED, 'hex'));
    const c = new SeededRandom(Buffer.from('b'.repeat(64), 'hex'));
    const run = (r: SeededRandom) => Array.from({ length: 50 }, () => r.below(1000));
    const first = run(a);
    expect(run(b)).toEqual(first);
    expect(run(c)).not.toEqual(first);
  });

  it('stays in range and reaches every value (no modulo bias gaps)', () => {
    const random = new SeededRandom(randomBytes(32));
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const value = random.below(7);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(7);
      seen.add(value);
    }
    expect(seen.size).toBe(7);
  });

  it('shuffles into a permutation, leaving the input alone', () => {
    const input = targets(30);
    const shuffled = new SeededRandom(randomBytes(32)).shuffle(input);
    expect([...shuffled].sort()).toEqual(input);
    expect(input).toEqual(targets(30));
  });

  it('is roughly uniform: each of 4 targets comes first about a quarter of the time', () => {
    const firsts = new Map<string, number>();
    for (let i = 0; i < 4000; i += 1) {
      const first = new SeededRandom(randomBytes(32)).shuffle(['a', 'b', 'c', 'd'])[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const count of firsts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('refuses a short seed', () => {
    expect(() => new SeededRandom(Buffer.alloc(8))).toThrow(/128 bits/);
  });
});

describe('drawSample', () => {
  it('replays the same sample from the same seed whatever order the pool came in', () => {
    const pool = targets(40);
    const first = drawSample(SEED, pool, 6);
    expect(drawSample(SEED, [...pool].reverse(), 6)).toEqual(first);
    expect(new Set(first).size).toBe(6);
    for (const drawn of first) expect(pool).toContain(drawn);
    expect(drawSample('b'.repeat(64), pool, 6)).not.toEqual(first);
  });

  it('is the first step of a seeded shuffle of the sorted, de-duplicated pool', () => {
    const pool = ['c', 'a', 'b', 'a', 'd'];
    expect(drawSample(SEED, pool, 2)).toEqual(
      new SeededRandom(Buffer.from(SEED, 'hex')).shuffle(['a', 'b', 'c', 'd']).slice(0, 2),
    );
  });

  it('refuses a seed that is not 64 hex characters and a sample larger than the pool', () => {
    expect(() => drawSample('xyz', ['a'], 1)).toThrow(/64/);
    expect(() => drawSample(SEED, ['a', 'b'], 3)).toThrow(RangeError);
  });
});
