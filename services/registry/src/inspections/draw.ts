import { createHash } from 'node:crypto';
import { canonicalJson, SeededRandom } from '@lep/hash-chain';

/** What a draw chooses from, exactly as recorded with it. */
export interface DrawPools {
  /** Codes of the target list entries eligible for the plan. */
  targets: string[];
  /** Ids of the inspectors whose certificate is valid on the draw day. */
  inspectors: string[];
  /** Recorded relations: an inspector is never assigned to a target they are related to (回避). */
  relations: { inspectorId: string; targetCode: string }[];
}

export interface DrawSize {
  targetCount: number;
  inspectorsPerTarget: number;
}

export interface Assignment {
  targetCode: string;
  inspectorIds: string[];
}

/** Why a draw cannot be made; `message` is for agency staff. */
export class DrawImpossibleError extends Error {
  constructor(
    readonly code: 'NOT_ENOUGH_TARGETS' | 'NOT_ENOUGH_INSPECTORS',
    message: string,
  ) {
    super(message);
    this.name = 'DrawImpossibleError';
  }
}

/** Pools in a canonical order (sorted, de-duplicated), so the same pools always hash and draw the same. */
export function canonicalPools(pools: DrawPools): DrawPools {
  const relationKeys = new Set(pools.relations.map((r) => `${r.inspectorId}\u0000${r.targetCode}`));
  return {
    targets: [...new Set(pools.targets)].sort(),
    inspectors: [...new Set(pools.inspectors)].sort(),
    relations: [...relationKeys].sort().map((key) => {
      const [inspectorId, targetCode] = key.split('\u0000') as [string, string];
      return { inspectorId, targetCode };
    }),
  };
}

/** SHA-256 (hex) of the canonical JSON of the canonical pools: published with the draw. */
export function poolsHash(pools: DrawPools): string {
  return createHash('sha256')
    .update(canonicalJson(canonicalPools(pools)))
    .digest('hex');
}

/**
 * The draw (双随机): shuffles the target list and takes the first `targetCount`; then, target by target in
 * drawn order, shuffles the inspectors not related to it and takes the `inspectorsPerTarget` with the fewest
 * assignments so far (ties in shuffled order), spreading the work. Everything random comes from the seed, so
 * the same seed and pools always give the same assignments.
 */
export function runDraw(seedHex: string, pools: DrawPools, size: DrawSize): Assignment[] {
  if (!/^[0-9a-f]{64}$/.test(seedHex)) throw new Error('a draw seed is 64 lower-case hex characters');
  const canonical = canonicalPools(pools);
  if (canonical.targets.length < size.targetCount)
    throw new DrawImpossibleError(
      'NOT_ENOUGH_TARGETS',
      `抽查对象名录中符合条件的仅 ${canonical.targets.length} 户，少于计划抽取的 ${size.targetCount} 户`,
    );
  const random = new SeededRandom(Buffer.from(seedHex, 'hex'));
  const drawnTargets = random.shuffle(canonical.targets).slice(0, size.targetCount);
  const related = new Set(canonical.relations.map((r) => `${r.inspectorId}\u0000${r.targetCode}`));
  const load = new Map(canonical.inspectors.map((id) => [id, 0]));

  return drawnTargets.map((targetCode) => {
    const eligible = canonical.inspectors.filter((id) => !related.has(`${id}\u0000${targetCode}`));
    if (eligible.length < size.inspectorsPerTarget) {
      const recused = canonical.inspectors.length - eligible.length;
      throw new DrawImpossibleError(
        'NOT_ENOUGH_INSPECTORS',
        `抽查对象 ${targetCode} 可派执法检查人员仅 ${eligible.length} 人（另有 ${recused} 人须回避），` +
          `少于每户 ${size.inspectorsPerTarget} 人`,
      );
    }
    // Array.prototype.sort is stable, so equal loads keep their shuffled order.
    const chosen = random
      .shuffle(eligible)
      .sort((a, b) => load.get(a)! - load.get(b)!)
      .slice(0, size.inspectorsPerTarget);
    for (const id of chosen) load.set(id, load.get(id)! + 1);
    return { targetCode, inspectorIds: chosen };
  });
}
