import { merkleInclusionProof, merkleLeafHash, merkleRoot, verifyMerkleInclusion } from './merkle-tree';

/** Certificate Transparency's reference leaves (hex bytes) and tree heads for the first 1…8 of them. */
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => Buffer.from(hex, 'hex').toString('latin1'));
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const leavesOf = (n: number) =>
  Array.from({ length: n }, (_, i) => `{"caseId":"case-BT-${i}","sequence":${i + 1}}`);

describe('Merkle tree (RFC 9162)', () => {
  it.each(CT_ROOTS.map((root, i) => [i + 1, root] as const))(
    "gives Certificate Transparency's tree head for its first %i reference leaves",
    (size, root) => {
      expect(merkleRoot(CT_LEAVES.slice(0, size))).toBe(root);
    },
  );

  it('gives the SHA-256 of nothing for an empty tree, and the leaf hash for one leaf', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleRoot(['a'])).toBe(merkleLeafHash('a'));
  });

  it('proves every leaf of trees of 1 to 70 leaves, and nothing else', () => {
    for (let size = 1; size <= 70; size++) {
      const leaves = leavesOf(size);
      const root = merkleRoot(leaves);
      for (let index = 0; index < size; index++) {
        const proof = merkleInclusionProof(leaves, index);
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size)));
        expect(verifyMerkleInclusion(leaves[index]!, index, size, proof, root)).toBe(true);
        // Another leaf, another position or another root: refused.
        expect(verifyMerkleInclusion(`${leaves[index]!} `, index, size, proof, root)).toBe(false);
        // (The tree size is published with the root, as a CT tree head is: a proof is checked against both.)
        if (size > 1)
          expect(verifyMerkleInclusion(leaves[index]!, (index + 1) % size, size, proof, root)).toBe(false);
        expect(
          verifyMerkleInclusion(leaves[index]!, index, size, proof, merkleRoot(leavesOf(size + 1))),
        ).toBe(false);
      }
    }
  });

  it('refuses a proof with a changed, missing or extra sibling, and a leaf outside the tree', () => {
    const leaves = leavesOf(13);
    const root = merkleRoot(leaves);
    const proof = merkleInclusionProof(leaves, 6);
    const flipped = proof.map((hash, i) =>
      i === 1 ? `${hash.slice(0, 63)}${hash[63] === '0' ? '1' : '0'}` : hash,
    );
    expect(verifyMerkleInclusion(leaves[6]!, 6, 13, flipped, root)).toBe(false);
    expect(verifyMerkleInclusion(leaves[6]!, 6, 13, proof.slice(1), root)).toBe(false);
    expect(verifyMerkleInclusion(leaves[6]!, 6, 13, [...proof, proof[0]!], root)).toBe(false);
    expect(verifyMerkleInclusion(leaves[6]!, 6, 13, ['not hex', ...proof.slice(1)], root)).toBe(false);
    expect(verifyMerkleInclusion(leaves[6]!, 13, 13, proof, root)).toBe(false);
    expect(verifyMerkleInclusion(leaves[6]!, -1, 13, proof, root)).toBe(false);
    expect(() => merkleInclusionProof(leaves, 13)).toThrow(RangeError);
  });
});
