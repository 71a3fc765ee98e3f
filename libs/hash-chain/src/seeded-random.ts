import { createHash } from 'node:crypto';

/**
 * A deterministic random source from a seed: SHA-256 in counter mode (block i = SHA-256(seed ‖ i)). Anyone with
 * the seed can replay every number, and without it the numbers are unpredictable, which is what an auditable
 * draw needs. Integers are drawn by rejection sampling, so every value in range is exactly equally likely.
 */
export class SeededRandom {
  private block = Buffer.alloc(0);
  private offset = 0;
  private counter = 0;

  constructor(private readonly seed: Buffer) {
    if (seed.length < 16) throw new Error('a draw seed needs at least 128 bits');
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`cannot draw below ${n}`);
    const limit = Math.floor(2 ** 32 / n) * n;
    for (;;) {
      const word = this.nextWord();
      if (word < limit) return word % n;
    }
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.below(i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  private nextWord(): number {
    if (this.offset + 4 > this.block.length) {
      const counter = Buffer.alloc(4);
      counter.writeUInt32BE(this.counter);
      this.counter += 1;
      this.block = createHash('sha256').update(this.seed).update(counter).digest();
      this.offset = 0;
    }
    const word = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return word;
  }
}

/**
 * A reproducible sample: `count` members of `pool`, drawn with the seed (64 hex characters). The pool is taken
 * sorted and de-duplicated, so whoever holds the seed and the same members replays the same sample, whatever
 * order they were listed in. It is the first step of the 双随机 target draw (seeded shuffle, first `count`).
 */
export function drawSample(seedHex: string, pool: readonly string[], count: number): string[] {
  if (!/^[0-9a-f]{64}$/.test(seedHex)) throw new Error('a draw seed is 64 lower-case hex characters');
  const members = [...new Set(pool)].sort();
  if (!Number.isInteger(count) || count < 0 || count > members.length)
    throw new RangeError(`cannot draw ${count} of ${members.length}`);
  return new SeededRandom(Buffer.from(seedHex, 'hex')).shuffle(members).slice(0, count);
}
