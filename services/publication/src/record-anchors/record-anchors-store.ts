import { Logger } from '@nestjs/common';
import type { RecordAnchorsSealedData } from '@lep/contracts';
import type { EntityManager } from 'typeorm';

const logger = new Logger('RecordAnchors');

/** What is wrong with a sealed day's event, in a sentence each: such an event is set aside, not stored. */
export function recordAnchorsSealedProblems(data: unknown): string[] {
  const day = (data ?? {}) as Partial<Record<keyof RecordAnchorsSealedData, unknown>>;
  const problems: string[] = [];
  if (typeof day.anchorDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day.anchorDate))
    problems.push('anchorDate is not a YYYY-MM-DD date');
  if (typeof day.caseCount !== 'number' || !Number.isInteger(day.caseCount) || day.caseCount < 1)
    problems.push('caseCount is not a positive integer');
  if (typeof day.root !== 'string' || !/^[0-9a-f]{64}$/.test(day.root))
    problems.push('root is not a hex SHA-256');
  if (typeof day.sealedAt !== 'string' || Number.isNaN(Date.parse(day.sealedAt)))
    problems.push('sealedAt is not a time');
  return problems;
}

/**
 * Keeps a day's tree head as first received. A different head for a day already kept is refused, not stored:
 * the case side seals a day once, so a second head means its anchors were rewritten, which is what publishing the
 * head outside the case database exists to expose.
 */
export async function storeRecordAnchorDay(
  manager: EntityManager,
  day: RecordAnchorsSealedData,
  receivedAt: Date,
): Promise<void> {
  const inserted = (await manager.query(
    `INSERT INTO record_anchor_day (anchor_date, case_count, root, sealed_at, received_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (anchor_date) DO NOTHING RETURNING anchor_date`,
    [day.anchorDate, day.caseCount, day.root, day.sealedAt, receivedAt],
  )) as unknown[];
  if (inserted.length > 0) return;
  const kept = (await manager.query(`SELECT root, case_count FROM record_anchor_day WHERE anchor_date = $1`, [
    day.anchorDate,
  ])) as { root: string; case_count: number }[];
  if (kept[0] && (kept[0].root !== day.root || kept[0].case_count !== day.caseCount))
    logger.error(
      `a second tree head for the record anchors of ${day.anchorDate} (${day.root}, ${day.caseCount} cases) was refused: ` +
        `${kept[0].root} (${kept[0].case_count} cases) stands — the case database's anchors of that day were rewritten`,
    );
}
