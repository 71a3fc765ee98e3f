import { ImportFileError } from '../table-files/import-file-error';
import type { TableRecord } from '../table-files/table-record';

/** One CSV record and the 1-based line of the file it starts on (quoted cells may span lines). */
export type CsvRecord = TableRecord;

export class CsvSyntaxError extends ImportFileError {
  constructor(line: number, message: string) {
    super('IMPORT_CSV_SYNTAX', message, line);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Streams RFC 4180 records from text chunks: comma-separated, `"` quoting with `""` for a quote, LF or CRLF line
 * ends, a byte-order mark (Excel writes one in UTF-8 files) ignored. The chunks are already decoded text
 * (csvFileRecords picks UTF-8 or GB18030). Blank lines are skipped. Streaming keeps memory flat
 * on a file of 100,000 rows.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let first = true;
  let pendingCr = false;

  const endRecord = (): CsvRecord | null => {
    cells.push(cell);
    const record = cells.length === 1 && cells[0] === '' ? null : { line: recordLine, cells };
    cells = [];
    cell = '';
    afterQuote = false;
    return record;
  };

  for await (let chunk of chunks) {
    if (first) {
      if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
      first = false;
    }
    for (const char of chunk) {
      if (pendingCr) {
        pendingCr = false;
        if (char === '\n') continue;
      }
      if (quoted) {
        if (char === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (char === '\n') line += 1;
          cell += char;
        }
        continue;
      }
      if (char === '"') {
        if (afterQuote) {
          // `""` inside a quoted cell: a literal quote, and the cell stays quoted.
          cell += '"';
          quoted = true;
          afterQuote = false;
        } else if (cell === '') quoted = true;
        else throw new CsvSyntaxError(line, `第 ${line} 行：引号只能出现在单元格开头`);
      } else if (char === ',') {
        cells.push(cell);
        cell = '';
        afterQuote = false;
      } else if (char === '\n' || char === '\r') {
        pendingCr = char === '\r';
        const record = endRecord();
        if (record) yield record;
        line += 1;
        recordLine = line;
      } else {
        if (afterQuote) throw new CsvSyntaxError(line, `第 ${line} 行：引号后缺少逗号`);
        cell += char;
      }
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, `第 ${recordLine} 行：引号未闭合`);
  const record = endRecord();
  if (record) yield record;
}
