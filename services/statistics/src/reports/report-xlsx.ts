import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AnnualReportContent, reportTable } from './report-content';

/** Excel's limit on sheet names, and the characters it forbids in them. */
const SHEET_NAME_MAX = 31;
const sanitizeSheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, '_').slice(0, SHEET_NAME_MAX);

/**
 * The report as an XLSX workbook streamed to `output`: the CSV's columns and rows, one sheet per section
 * (一、行政许可 … 七、情况说明) with the header row on each. Figures stay numbers, 无此职责 stays text.
 */
export async function writeReportXlsx(content: AnnualReportContent, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const { header, sections } = reportTable(content);
  for (const section of sections) {
    const sheet = workbook.addWorksheet(sanitizeSheetName(section.title), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = header.map((title, index) => ({
      header: title,
      width: index === 3 ? 36 : index === 4 ? 16 : 18,
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (const row of section.rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 5987), so the Chinese name survives. */
export function xlsxDisposition(content: AnnualReportContent): string {
  const name = `${content.year}年度行政执法统计年报-${content.agencyName}.xlsx`;
  return `attachment; filename="annual-report-${content.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
