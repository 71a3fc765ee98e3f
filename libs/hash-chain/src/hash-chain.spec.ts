import { ChainLink, GENESIS_HASH, linkHash, nextLink, verifyChain } from './hash-chain';

function chainOf(contents: unknown[]): ChainLink<unknown>[] {
  const links: ChainLink<unknown>[] = [];
  for (const content of contents) links.push(nextLink(links[links.length - 1], content));
  return links;
}

const entries = [
  { stage: 'filed', actor: 'officer-1', what: '立案' },
  {
    stage: 'investigating',
    actor: 'officer-2',
    what: '现场检查笔录',
    evidence: [{ id: 'e1', sha256: 'ab'.repeat(32) }],
  },
  { stage: 'decided', actor: 'leader-1', what: '行政处罚决定书', amount: 20000 },
];

describe('hash chain', () => {
  it('starts from the genesis hash and links each entry to the previous one', () => {
    const links = chainOf(entries);
    expect(links[0].previousHash).toBe(GENESIS_HASH);
    expect(links[1].previousHash).toBe(links[0].hash);
    expect(links.map((link) => link.sequence)).toEqual([1, 2, 3]);
    expect(links[2].hash).toBe(linkHash(links[1].hash, 3, entries[2]));
  });

  it('verifies an untouched chain and reports its head', () => {
    const links = chainOf(entries);
    expect(verifyChain(links)).toEqual({ valid: true, length: 3, headHash: links[2].hash });
  });

  it('verifies the empty chain', () => {
    expect(verifyChain([])).toEqual({ valid: true, length: 0, headHash: GENESIS_HASH });
  });

  it('names the entry whose content was altered', () => {
    const links = chainOf(entries);
    links[1] = { ...links[1], content: { ...entries[1], actor: 'someone-else' } };
    expect(verifyChain(links)).toMatchObject({ valid: false, brokenAt: 2, reason: 'content-hash-mismatch' });
  });

  it('detects an altered entry even when its hash was recomputed', () => {
    const links = chainOf(entries);
    const forged = { ...entries[0], what: '撤案' };
    links[0] = { ...links[0], content: forged, hash: linkHash(GENESIS_HASH, 1, forged) };
    expect(verifyChain(links)).toMatchObject({ valid: false, brokenAt: 2, reason: 'previous-hash-mismatch' });
  });

  it('detects a removed entry', () => {
    const links = chainOf(entries);
    links.splice(1, 1);
    expect(verifyChain(links)).toMatchObject({ valid: false, brokenAt: 2, reason: 'sequence-gap' });
  });

  it('detects reordered entries', () => {
    const links = chainOf(entries);
    [links[1], links[2]] = [links[2], links[1]];
    expect(verifyChain(links)).toMatchObject({ valid: false, brokenAt: 2, reason: 'sequence-gap' });
  });

  it('does not depend on the key order of stored content (e.g. jsonb round trips)', () => {
    const links = chainOf([{ a: 1, b: 2 }]);
    links[0] = { ...links[0], content: { b: 2, a: 1 } };
    expect(verifyChain(links).valid).toBe(true);
  });
});
