import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFileError } from './import-file-error';
import type { TableRecord } from './table-record';

/** A date cell as the registry expects dates: the calendar day Excel shows (exceljs gives it as UTC midnight). */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Excel's serial day number as a date: days since 1899-12-30, or since 1904-01-01 in the 1904 date system. */
function excelSerialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Whether a number format shows a date (exceljs's own rule: y, m, d, h, s or b outside quotes and brackets). */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Where exceljs's stream reader keeps the workbook's date system (not in its typings). */
interface WorkbookProperties {
  properties?: { model?: { date1904?: boolean } };
}

/** The text a cell shows, whatever exceljs made of it: rich text, a formula's result, a link, a date, a number. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  return String(value);
}

/**
 * The rows of an .xlsx file's first sheet, streamed with exceljs's reader, numbered as Excel numbers them. Empty
 * rows are skipped like blank CSV lines; trailing empty cells are dropped (a sheet stores no cell for them), so a
 * short row is not a wrong number of columns.
 */
export async function* xlsxRecords(
  file: string,
  onBytes: (bytes: number) => void,
): AsyncGenerator<TableRecord> {
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  source.on('error', (error) => counted.destroy(error));
  source.pipe(counted);
  // Styles are read so that date cells come back as dates, not as Excel's day numbers.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(counted, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const date1904 = () => Boolean((workbook as unknown as WorkbookProperties).properties?.model?.date1904);
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const cells: string[] = [];
        for (let column = 1; column <= row.cellCount; column++) {
          const cell = row.getCell(column);
          const value = cell.value;
          // The reader turns a plain date cell into a Date, but leaves a formula's date result a day number.
          const formulaDate =
            typeof value === 'object' &&
            value !== null &&
            'formula' in value &&
            typeof value.result === 'number' &&
            isDateFormat(cell.numFmt);
          cells.push(
            formulaDate ? isoDay(excelSerialDate(value.result as number, date1904())) : cellText(value),
          );
        }
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length > 0) yield { line: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      'IMPORT_FILE_UNREADABLE',
      `文件 ${path.basename(file)} 不是可读取的 .xlsx 工作簿（${error instanceof Error ? error.message : String(error)}）。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入`,
    );
  } finally {
    source.destroy();
  }
  throw new ImportFileError('IMPORT_FILE_UNREADABLE', `文件 ${path.basename(file)} 中没有工作表`);
}
