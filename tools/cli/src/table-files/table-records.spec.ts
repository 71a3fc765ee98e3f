import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ImportFileError } from './import-file-error';
import type { TableRecord } from './table-record';
import { tableRecords } from './table-records';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'lep-table-files-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: Buffer | string): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

async function read(target: string): Promise<{ records: TableRecord[]; bytes: number }> {
  let bytes = 0;
  const records: TableRecord[] = [];
  for await (const record of tableRecords(target, (count) => (bytes += count))) records.push(record);
  return { records, bytes };
}

async function refusal(target: string): Promise<ImportFileError> {
  const error = await read(target).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ImportFileError))
    throw new Error(`expected an ImportFileError, got ${String(error)}`);
  return error;
}

// As Excel and WPS on Chinese Windows save "CSV（逗号分隔）": the ANSI code page 936, CRLF, no byte-order mark.
const CHINESE_LINES = [
  '执法主体代码,检查对象编码,检查对象名称,检查对象类别',
  'BT-8,SC-001,"乌鲁木齐市天山区解放北路 88 号欧阳娜娜餐饮店",餐饮服务',
  // 𠮷 is outside the BMP: GB18030 writes it in four bytes, which GBK cannot.
  'BT-8,SC-002,石河子市北四路 12 号𠮷祥超市,食品销售',
];

describe('CSV files', () => {
  it('decodes a GB18030 file as Excel or WPS on Chinese Windows writes it', async () => {
    const bytes = iconv.encode(CHINESE_LINES.join('\r\n') + '\r\n', 'gb18030');
    expect(bytes.toString('utf8')).not.toContain('欧阳娜娜'); // really not UTF-8
    const { records, bytes: counted } = await read(file('targets.csv', bytes));
    expect(records).toEqual([
      { line: 1, cells: ['执法主体代码', '检查对象编码', '检查对象名称', '检查对象类别'] },
      { line: 2, cells: ['BT-8', 'SC-001', '乌鲁木齐市天山区解放北路 88 号欧阳娜娜餐饮店', '餐饮服务'] },
      { line: 3, cells: ['BT-8', 'SC-002', '石河子市北四路 12 号𠮷祥超市', '食品销售'] },
    ]);
    expect(counted).toBe(bytes.length);
  });

  it('decodes UTF-8 with the byte-order mark Excel writes ("CSV UTF-8"), and without it', async () => {
    const text = CHINESE_LINES.join('\r\n');
    const withBom = await read(
      file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    );
    const withoutBom = await read(file('plain.csv', text));
    expect(withBom.records[0]!.cells[0]).toBe('执法主体代码');
    expect(withBom.records).toEqual(withoutBom.records);
    expect(withBom.records[2]!.cells[2]).toBe('石河子市北四路 12 号𠮷祥超市');
  });

  it('decodes a GB18030 file whose multi-byte characters straddle read chunks', async () => {
    const name = '新疆生产建设兵团第八师石河子市市场监督管理局'.repeat(20);
    const lines = [
      'agencyCode,code,name,category',
      ...Array.from({ length: 3000 }, (_, i) => `BT-8,C${i},${name},餐饮`),
    ];
    const { records } = await read(file('big.csv', iconv.encode(lines.join('\r\n'), 'gb18030')));
    expect(records).toHaveLength(3001);
    expect(records.every((record, index) => index === 0 || record.cells[2] === name)).toBe(true);
  });

  it('refuses a file that is neither UTF-8 nor GB18030, naming the file, the rule and the lines', async () => {
    // Excel's "Unicode 文本" is UTF-16LE with a byte-order mark: not CSV text in either encoding.
    const utf16 = await refusal(
      file('人员.csv', Buffer.from('\ufeff' + CHINESE_LINES.join('\r\n'), 'utf16le')),
    );
    expect(utf16.code).toBe('IMPORT_FILE_ENCODING');
    expect(utf16.message).toMatch(/^文件 人员\.csv 无法识别编码：CSV 文件应为 UTF-8（可带 BOM）或 GB18030/);
    expect(utf16.message).toContain('第 1 行不是有效的 UTF-8，第 1 行不是有效的 GB18030');

    const broken = Buffer.concat([
      iconv.encode(CHINESE_LINES.slice(0, 2).join('\r\n') + '\r\n', 'gb18030'),
      Buffer.from([0x42, 0x54, 0x2c, 0xff, 0xfe, 0x0d, 0x0a]),
    ]);
    const error = await refusal(file('broken.csv', broken));
    expect(error.message).toContain('第 1 行不是有效的 UTF-8，第 3 行不是有效的 GB18030');
    expect(error.line).toBe(1);
  });

  it('refuses a file with NUL bytes even though they are valid UTF-8 (UTF-16 without a mark, a binary file)', async () => {
    const error = await refusal(file('nul.csv', Buffer.from('agencyCode,code\r\nBT-8,C1', 'utf16le')));
    expect(error.code).toBe('IMPORT_FILE_ENCODING');
  });

  it('refuses the old binary .xls and similar formats by name', async () => {
    const error = await refusal(file('人员.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])));
    expect(error.code).toBe('IMPORT_FILE_FORMAT');
    expect(error.message).toContain('文件 人员.xls 的格式（.xls）不能导入');
  });
});

describe('.xlsx files', () => {
  async function workbook(name: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
    const book = new ExcelJS.Workbook();
    fill(book.addWorksheet('人员'));
    book.addWorksheet('说明').addRow(['这张表不导入']);
    const target = path.join(dir, name);
    await book.xlsx.writeFile(target);
    return target;
  }

  it('reads the first sheet with Excel row numbers, turning dates, numbers, rich text and formulas into text', async () => {
    const target = await workbook('personnel.xlsx', (sheet) => {
      sheet.addRow(['执法主体代码', '姓名', '发证日期', '法定办结时限', '资格取得方式']);
      sheet.addRow(['BT-8', '欧阳娜娜', new Date(Date.UTC(2024, 0, 15)), 20, 'exam-passed']);
      // Row 3 left empty, as people do between blocks.
      sheet.getRow(4).values = [
        'BT-8',
        { richText: [{ text: '刘' }, { text: '𠮷', font: { bold: true } }] },
        { formula: 'DATE(2025,2,28)', result: new Date(Date.UTC(2025, 1, 28)) },
        { formula: '10+5', result: 15 },
      ];
      // Excel gives a cell whose formula yields a date a date format; the format is what marks it as a date.
      sheet.getCell('C4').numFmt = 'yyyy/m/d';
    });
    const { records, bytes } = await read(target);
    expect(records).toEqual([
      { line: 1, cells: ['执法主体代码', '姓名', '发证日期', '法定办结时限', '资格取得方式'] },
      { line: 2, cells: ['BT-8', '欧阳娜娜', '2024-01-15', '20', 'exam-passed'] },
      { line: 4, cells: ['BT-8', '刘𠮷', '2025-02-28', '15'] },
    ]);
    expect(bytes).toBeGreaterThan(0);
  });

  it('refuses a file named .xlsx that is not a workbook', async () => {
    const error = await refusal(file('personnel.xlsx', 'agencyCode,name\nBT-8,张三\n'));
    expect(error.code).toBe('IMPORT_FILE_UNREADABLE');
    expect(error.message).toMatch(/^文件 personnel\.xlsx 不是可读取的 \.xlsx 工作簿/);
  });
});
