import { randomBytes } from 'node:crypto';
import { canonicalPools, DrawImpossibleError, DrawPools, poolsHash, runDraw } from './draw';

const SEED = 'a'.repeat(64);
const seed = () => randomBytes(32).toString('hex');
const targets = (n: number) => Array.from({ length: n }, (_, i) => `T${String(i).padStart(3, '0')}`);
const inspectors = (n: number) => Array.from({ length: n }, (_, i) => `P${String(i).padStart(3, '0')}`);

function pools(overrides: Partial<DrawPools> = {}): DrawPools {
  return { targets: targets(20), inspectors: inspectors(8), relations: [], ...overrides };
}

describe('runDraw', () => {
  const size = { targetCount: 5, inspectorsPerTarget: 2 };

  it('is reproducible: the same seed and pools give the same assignments, every time', () => {
    const s = seed();
    const first = runDraw(s, pools(), size);
    for (let i = 0; i < 5; i += 1) expect(runDraw(s, pools(), size)).toEqual(first);
  });

  it('does not depend on the order the pools were read in', () => {
    const s = seed();
    const shuffled = pools({ targets: [...targets(20)].reverse(), inspectors: [...inspectors(8)].reverse() });
    expect(runDraw(s, shuffled, size)).toEqual(runDraw(s, pools(), size));
    expect(poolsHash(shuffled)).toBe(poolsHash(pools()));
  });

  it('gives different draws for different seeds', () => {
    const draws = new Set(Array.from({ length: 10 }, () => JSON.stringify(runDraw(seed(), pools(), size))));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('picks the planned number of distinct targets from the list, each with distinct inspectors from the pool', () => {
    const assignments = runDraw(seed(), pools(), { targetCount: 7, inspectorsPerTarget: 3 });
    expect(assignments).toHaveLength(7);
    expect(new Set(assignments.map((a) => a.targetCode)).size).toBe(7);
    for (const assignment of assignments) {
      expect(targets(20)).toContain(assignment.targetCode);
      expect(new Set(assignment.inspectorIds).size).toBe(3);
      for (const id of assignment.inspectorIds) expect(inspectors(8)).toContain(id);
    }
  });

  it('spreads the work: loads differ by at most one when no one recuses', () => {
    const assignments = runDraw(seed(), pools(), { targetCount: 10, inspectorsPerTarget: 2 });
    const load = new Map<string, number>();
    for (const id of assignments.flatMap((a) => a.inspectorIds)) load.set(id, (load.get(id) ?? 0) + 1);
    const counts = inspectors(8).map((id) => load.get(id) ?? 0);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('never assigns an inspector to a target they are related to (回避), over many seeds', () => {
    const relations = targets(20).flatMap((t, i) => [
      { inspectorId: `P00${i % 8}`, targetCode: t },
      { inspectorId: `P00${(i + 3) % 8}`, targetCode: t },
    ]);
    const related = new Set(relations.map((r) => `${r.inspectorId}/${r.targetCode}`));
    for (let run = 0; run < 200; run += 1) {
      const assignments = runDraw(seed(), pools({ relations }), { targetCount: 20, inspectorsPerTarget: 3 });
      const breaches = assignments.flatMap((a) =>
        a.inspectorIds.filter((id) => related.has(`${id}/${a.targetCode}`)),
      );
      expect(breaches).toEqual([]);
    }
  });

  it('refuses when the target list is shorter than the plan, saying how short', () => {
    const error = (() => {
      try {
        runDraw(SEED, pools({ targets: targets(3) }), size);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DrawImpossibleError);
    expect((error as DrawImpossibleError).code).toBe('NOT_ENOUGH_TARGETS');
    expect((error as DrawImpossibleError).message).toBe(
      '抽查对象名录中符合条件的仅 3 户，少于计划抽取的 5 户',
    );
  });

  it('refuses when too few inspectors remain after recusal, naming the target and the recusals', () => {
    const relations = inspectors(7).map((inspectorId) => ({ inspectorId, targetCode: 'T000' }));
    expect(() =>
      runDraw(SEED, pools({ targets: ['T000'], relations }), { targetCount: 1, inspectorsPerTarget: 2 }),
    ).toThrow('抽查对象 T000 可派执法检查人员仅 1 人（另有 7 人须回避），少于每户 2 人');
  });

  it('refuses an empty inspector pool with a clear message', () => {
    expect(() => runDraw(SEED, pools({ inspectors: [] }), size)).toThrow(/仅 0 人/);
  });

  it('refuses a seed that is not 256 bits of hex', () => {
    expect(() => runDraw('abc', pools(), size)).toThrow(/64 lower-case hex/);
  });

  it('hashes canonical pools: duplicates and order do not matter, content does', () => {
    const base = pools({ relations: [{ inspectorId: 'P001', targetCode: 'T001' }] });
    const noisy = {
      ...base,
      targets: [...base.targets, 'T001'],
      relations: [...base.relations, { inspectorId: 'P001', targetCode: 'T001' }],
    };
    expect(canonicalPools(noisy)).toEqual(canonicalPools(base));
    expect(poolsHash(noisy)).toMatch(/^[0-9a-f]{64}$/);
    expect(poolsHash(noisy)).toBe(poolsHash(base));
    expect(poolsHash({ ...base, relations: [] })).not.toBe(poolsHash(base));
  });

  it('is pinned: a known seed and pools give a known draw (guards against silent algorithm changes)', () => {
    const assignments = runDraw(SEED, pools(), { targetCount: 2, inspectorsPerTarget: 2 });
    expect(assignments).toMatchInlineSnapshot(`
     [
       {
         "inspectorIds": [
           "P003",
           "P002",
         ],
         "targetCode": "T011",
       },
       {
         "inspectorIds": [
           "P001",
           "P005",
         ],
         "targetCode": "T006",
       },
     ]
    `);
  });
});
