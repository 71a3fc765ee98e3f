import type { RegistryImportKind, RegistryImportRow } from '@lep/contracts';
import type { LineProblem } from './import-file';

/** One request's lines; `context` goes with it in validate mode only (see RegistryImportBatch). */
export interface PlannedBatch {
  rows: RegistryImportRow[];
  context: RegistryImportRow[];
}

const cell = (row: RegistryImportRow, column: string) => (row.fields[column] ?? '').trim();

function chunks(rows: RegistryImportRow[], size: number): PlannedBatch[] {
  const batches: PlannedBatch[] = [];
  for (let from = 0; from < rows.length; from += size)
    batches.push({ rows: rows.slice(from, from + size), context: [] });
  return batches;
}

/**
 * Item lists: an agency's lines stay in one batch, because the registry publishes one new list version per
 * agency and batch; agencies keep the order they first appear in. Only an agency with more lines than a batch
 * holds is split (and then gets one version per batch).
 */
function itemBatches(rows: RegistryImportRow[], size: number): PlannedBatch[] {
  const byAgency = new Map<string, RegistryImportRow[]>();
  for (const row of rows) {
    const agencyRows = byAgency.get(cell(row, 'agencyCode')) ?? [];
    agencyRows.push(row);
    byAgency.set(cell(row, 'agencyCode'), agencyRows);
  }
  const batches: PlannedBatch[] = [];
  let current: RegistryImportRow[] = [];
  for (const agencyRows of byAgency.values()) {
    if (current.length > 0 && current.length + agencyRows.length > size) {
      batches.push({ rows: current, context: [] });
      current = [];
    }
    if (agencyRows.length > size) batches.push(...chunks(agencyRows, size));
    else current.push(...agencyRows);
  }
  if (current.length > 0) batches.push({ rows: current, context: [] });
  return batches;
}

/**
 * Agencies in an order the registry can register them: each body after its parent when the parent is on
 * another line of the file, whatever order the file lists them in (file order otherwise). Lines whose parents
 * form a cycle within the file can never be registered and become problems.
 */
export function parentsFirst(rows: RegistryImportRow[], problems: LineProblem[]): RegistryImportRow[] {
  const inFile = new Set(rows.map((row) => cell(row, 'code')));
  const emitted = new Set<string>();
  const waiting = new Map<string, RegistryImportRow[]>();
  const ordered: RegistryImportRow[] = [];
  const emit = (first: RegistryImportRow) => {
    const stack = [first];
    while (stack.length > 0) {
      const row = stack.pop()!;
      ordered.push(row);
      emitted.add(cell(row, 'code'));
      const children = waiting.get(cell(row, 'code'));
      if (children) {
        waiting.delete(cell(row, 'code'));
        stack.push(...children.reverse());
      }
    }
  };
  for (const row of rows) {
    const parent = cell(row, 'parentCode');
    if (parent !== '' && parent !== cell(row, 'code') && inFile.has(parent) && !emitted.has(parent)) {
      const siblings = waiting.get(parent) ?? [];
      siblings.push(row);
      waiting.set(parent, siblings);
    } else emit(row);
  }
  for (const [parent, children] of waiting)
    for (const row of children)
      problems.push({
        line: row.line,
        message: `第 ${row.line} 行：上级执法主体 ${parent} 与其下级在文件中构成循环，无法登记`,
      });
  return ordered;
}

/**
 * Agencies in parents-first order, cut into batches. Each batch's context holds the file's lines of its
 * bodies' ancestors that sit in earlier batches: validate mode writes nothing, so without them a child would
 * be checked against a parent the registry has not seen yet. A batch closes early when its lines and context
 * together would pass `size` (ancestor chains are short, so that is rare).
 */
function agencyBatches(rows: RegistryImportRow[], size: number, problems: LineProblem[]): PlannedBatch[] {
  const ordered = parentsFirst(rows, problems);
  const byCode = new Map(ordered.map((row) => [cell(row, 'code'), row]));
  const position = new Map(ordered.map((row, index) => [row, index]));
  const batches: PlannedBatch[] = [];
  let current: RegistryImportRow[] = [];
  let inCurrent = new Set<string>();
  let context = new Set<RegistryImportRow>();
  const close = () => {
    const lines = [...context].sort((a, b) => position.get(a)! - position.get(b)!);
    batches.push({ rows: current, context: lines });
    current = [];
    inCurrent = new Set();
    context = new Set();
  };
  const ancestorsElsewhere = (row: RegistryImportRow) => {
    const found: RegistryImportRow[] = [];
    const seen = new Set<string>();
    for (let parent = byCode.get(cell(row, 'parentCode')); parent;) {
      const code = cell(parent, 'code');
      if (seen.has(code)) break;
      seen.add(code);
      if (!inCurrent.has(code) && !context.has(parent)) found.push(parent);
      parent = byCode.get(cell(parent, 'parentCode'));
    }
    return found;
  };
  for (const row of ordered) {
    let ancestors = ancestorsElsewhere(row);
    if (current.length > 0 && current.length + 1 + context.size + ancestors.length > size) {
      close();
      ancestors = ancestorsElsewhere(row);
    }
    current.push(row);
    inCurrent.add(cell(row, 'code'));
    for (const ancestor of ancestors) context.add(ancestor);
  }
  if (current.length > 0) close();
  return batches;
}

/** The requests that carry a file's lines to the registry, in the order they must be applied. */
export function planBatches(
  kind: RegistryImportKind,
  rows: RegistryImportRow[],
  size: number,
  problems: LineProblem[],
): PlannedBatch[] {
  if (kind === 'agencies') return agencyBatches(rows, size, problems);
  if (kind === 'items') return itemBatches(rows, size);
  return chunks(rows, size);
}
