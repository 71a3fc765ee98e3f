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
