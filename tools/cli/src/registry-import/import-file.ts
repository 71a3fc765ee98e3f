import { REGISTRY_IMPORT, RegistryImportKind, RegistryImportRow } from '@lep/contracts';
import { ImportFileError } from '../table-files/import-file-error';
import { tableRecords } from '../table-files/table-records';

/** A line the CLI refuses on its own (shape, repeated key, hierarchy), reported with the registry's. */
export interface LineProblem {
  line: number;
  message: string;
}

/**
 * The header's cells as column names: each may be the column's English name or its Chinese label. A missing
 * required column, an unknown one or a column named twice refuses the file, naming the header's line.
 */
export function headerColumns(kind: RegistryImportKind, cells: string[], line: number): string[] {
  const spec = REGISTRY_IMPORT[kind];
  const columns: readonly string[] = spec.columns;
  const labels: Record<string, string> = spec.labels;
  const byLabel = new Map(Object.entries(labels).map(([column, label]) => [label, column]));
  const header = cells.map((cell) => {
    const name = cell.trim();
    return columns.includes(name) ? name : (byLabel.get(name) ?? name);
  });
  const missing = columns.filter(
    (column) => !header.includes(column) && !(spec.optional as readonly string[]).includes(column),
  );
  const unknown = header.filter((column) => !columns.includes(column));
  const twice = header.filter(
    (column, index) => columns.includes(column) && header.indexOf(column) !== index,
  );
  if (missing.length > 0 || unknown.length > 0 || twice.length > 0)
    throw new ImportFileError(
      'IMPORT_FILE_HEADER',
      `第 ${line} 行（表头）：` +
        [
          missing.length > 0 ? `缺少列 ${missing.join('、')}` : '',
          unknown.length > 0 ? `未知列 ${unknown.join('、')}` : '',
          twice.length > 0 ? `重复的列 ${twice.join('、')}` : '',
        ]
          .filter(Boolean)
          .join('；') +
        `。应为 ${columns.join(',')}（或中文列名 ${columns.map((column) => labels[column]).join(',')}）`,
      line,
    );
  return header;
}

/**
 * Every data line of the file (CSV in UTF-8 or GB18030, or the first sheet of an .xlsx) with its line or row
 * number and cells by column. Lines of the wrong width and lines repeating an earlier line's key are collected
 * as problems, not returned.
 */
export async function readImportFile(
  file: string,
  kind: RegistryImportKind,
  problems: LineProblem[],
  onBytes: (bytes: number) => void,
): Promise<RegistryImportRow[]> {
  const spec = REGISTRY_IMPORT[kind];
  let header: string[] | undefined;
  const seenKeys = new Map<string, number>();
  const rows: RegistryImportRow[] = [];
  for await (const record of tableRecords(file, onBytes)) {
    if (!header) {
      header = headerColumns(kind, record.cells, record.line);
      continue;
    }
    if (record.cells.length !== header.length) {
      problems.push({
        line: record.line,
        message: `第 ${record.line} 行：有 ${record.cells.length} 列，表头有 ${header.length} 列`,
      });
      continue;
    }
    const fields = Object.fromEntries(header.map((column, index) => [column, record.cells[index]!]));
    const key = spec.key.map((column) => fields[column]?.trim() ?? '').join('/');
    const earlier = seenKeys.get(key);
    if (earlier !== undefined) {
      problems.push({
        line: record.line,
        message: `第 ${record.line} 行：${spec.key.join('+')} “${key}”与第 ${earlier} 行重复`,
      });
      continue;
    }
    seenKeys.set(key, record.line);
    rows.push({ line: record.line, fields });
  }
  return rows;
}
