import { createHash } from 'node:crypto';

/**
 * A Merkle tree as Certificate Transparency defines it (RFC 9162 §2.1): leaves hashed with a 0x00 prefix, inner
 * nodes with 0x01, the tree split at the largest power of two below its size. Chosen over an ad-hoc digest so that
 * an inclusion proof is a few dozen hashes whatever the day's size, and any RFC 9162 verifier can check it.
 */

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

/** SHA-256 of the empty string: the root of a tree with no leaves. */
const EMPTY_ROOT = createHash('sha256').digest('hex');

export function merkleLeafHash(leaf: string): string {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf, 'utf8').digest('hex');
}

function nodeHash(left: string, right: string): string {
  return createHash('sha256')
    .update(NODE_PREFIX)
    .update(Buffer.from(left, 'hex'))
    .update(Buffer.from(right, 'hex'))
    .digest('hex');
}

/** The largest power of two smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function rootOfHashes(hashes: readonly string[]): string {
  if (hashes.length === 1) return hashes[0]!;
  const k = splitPoint(hashes.length);
  return nodeHash(rootOfHashes(hashes.slice(0, k)), rootOfHashes(hashes.slice(k)));
}

/** The tree head (hex) of `leaves`, in their order. */
export function merkleRoot(leaves: readonly string[]): string {
  return leaves.length === 0 ? EMPTY_ROOT : rootOfHashes(leaves.map(merkleLeafHash));
}

/** The inclusion proof (audit path, RFC 9162 §2.1.3.1) of leaf `index`: sibling hashes from the leaf upwards. */
export function merkleInclusionProof(leaves: readonly string[], index: number): string[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length)
    throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`);
  const path = (hashes: readonly string[], m: number): string[] => {
    if (hashes.length === 1) return [];
    const k = splitPoint(hashes.length);
    return m < k
      ? [...path(hashes.slice(0, k), m), rootOfHashes(hashes.slice(k))]
      : [...path(hashes.slice(k), m - k), rootOfHashes(hashes.slice(0, k))];
  };
  return path(leaves.map(merkleLeafHash), index);
}

/**
 * Whether `leaf` at `index` in a tree of `treeSize` leaves, with `proof`, gives `root` (RFC 9162 §2.1.3.2):
 * what anyone holding only the leaf, the proof and the published root can check.
 */
export function verifyMerkleInclusion(
  leaf: string,
  index: number,
  treeSize: number,
  proof: readonly string[],
  root: string,
): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(treeSize) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let hash = merkleLeafHash(leaf);
  for (const sibling of proof) {
    if (!/^[0-9a-f]{64}$/.test(sibling) || sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      hash = nodeHash(sibling, hash);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && hash === root;
}
