import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The hash before the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** One link: its position, the entry's content, and the hashes that bind it to its predecessor. */
export interface ChainLink<T> {
  sequence: number;
  content: T;
  previousHash: string;
  hash: string;
}

/** sha256(previousHash + "\n" + sequence + "\n" + canonical JSON of the content), hex. */
export function linkHash(previousHash: string, sequence: number, content: unknown): string {
  return createHash('sha256')
    .update(`${previousHash}\n${sequence}\n${canonicalJson(content)}`)
    .digest('hex');
}

/** The link that follows `previous` (or starts the chain when there is none). */
export function nextLink<T>(
  previous: Pick<ChainLink<unknown>, 'sequence' | 'hash'> | undefined,
  content: T,
): ChainLink<T> {
  const sequence = previous ? previous.sequence + 1 : 1;
  const previousHash = previous ? previous.hash : GENESIS_HASH;
  return { sequence, content, previousHash, hash: linkHash(previousHash, sequence, content) };
}

export type ChainVerification =
  | { valid: true; length: number; headHash: string }
  | {
      valid: false;
      length: number;
      /** Sequence number of the first link that does not verify. */
      brokenAt: number;
      reason: 'sequence-gap' | 'previous-hash-mismatch' | 'content-hash-mismatch';
    };

/** Checks a whole chain in order and names the first link that was altered, removed or reordered. */
export function verifyChain(links: ChainLink<unknown>[]): ChainVerification {
  let previousHash = GENESIS_HASH;
  for (let index = 0; index < links.length; index++) {
    const link = links[index];
    const expectedSequence = index + 1;
    if (link.sequence !== expectedSequence) {
      return { valid: false, length: links.length, brokenAt: expectedSequence, reason: 'sequence-gap' };
    }
    if (link.previousHash !== previousHash) {
      return {
        valid: false,
        length: links.length,
        brokenAt: link.sequence,
        reason: 'previous-hash-mismatch',
      };
    }
    if (linkHash(link.previousHash, link.sequence, link.content) !== link.hash) {
      return { valid: false, length: links.length, brokenAt: link.sequence, reason: 'content-hash-mismatch' };
    }
    previousHash = link.hash;
  }
  return { valid: true, length: links.length, headHash: previousHash };
}
