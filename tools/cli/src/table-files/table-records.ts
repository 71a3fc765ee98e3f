import path from 'node:path';
import { csvFileRecords } from './csv-file';
import { ImportFileError } from './import-file-error';
import type { TableRecord } from './table-record';
import { xlsxRecords } from './xlsx-file';

/**
 * The records of an import file, by its extension: `.xlsx` is read as a workbook (first sheet), anything else as
 * CSV in UTF-8 or GB18030. The old binary `.xls` and other spreadsheet formats are refused with what to do instead.
 */
export function tableRecords(file: string, onBytes: (bytes: number) => void): AsyncGenerator<TableRecord> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xlsx') return xlsxRecords(file, onBytes);
  if (['.xls', '.xlsm', '.xlsb', '.et', '.ods', '.numbers'].includes(extension))
    throw new ImportFileError(
      'IMPORT_FILE_FORMAT',
      `文件 ${path.basename(file)} 的格式（${extension}）不能导入：请另存为 .xlsx 或 CSV（UTF-8 或 GB18030 编码）`,
    );
  return csvFileRecords(file, onBytes);
}
