import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ImportFileError } from './import-file-error';

/** The encodings a CSV file may have: what Excel and WPS write as "CSV UTF-8" and as "CSV" on Chinese Windows. */
export type TextEncoding = 'utf-8' | 'gb18030';

const NEWLINE = 0x0a;
const NUL = 0x00;

/**
 * A file's lines as bytes, each with its 1-based number. Splitting on the byte 0x0A is safe in both encodings:
 * it never occurs inside a UTF-8 or GB18030 multi-byte character.
 */
async function* byteLines(file: string): AsyncGenerator<{ line: number; bytes: Buffer }> {
  let pending: Buffer = Buffer.alloc(0);
  let line = 1;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let newline = data.indexOf(NEWLINE);
    while (newline !== -1) {
      yield { line, bytes: data.subarray(0, newline) };
      line += 1;
      data = data.subarray(newline + 1);
      newline = data.indexOf(NEWLINE);
    }
    pending = Buffer.from(data);
  }
  if (pending.length > 0) yield { line, bytes: pending };
}

/** The first line that is not text in the encoding (a NUL byte means a binary or UTF-16 file, in either). */
async function firstBadLine(file: string, isText: (bytes: Buffer) => boolean): Promise<number | undefined> {
  for await (const { line, bytes } of byteLines(file)) if (bytes.includes(NUL) || !isText(bytes)) return line;
  return undefined;
}

function decodesAsGb18030(): (bytes: Buffer) => boolean {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  return (bytes) => {
    try {
      decoder.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
}

/**
 * The encoding of a CSV file, by a fixed rule: valid UTF-8 (with or without a byte-order mark) is UTF-8;
 * otherwise GB18030 (which includes GBK and GB2312) when every line decodes cleanly; otherwise the file is
 * refused, naming it, the rule and the first line each encoding fails on. Text saved as UTF-8 is almost never
 * also valid GB18030 Chinese and vice versa, so the rule does not guess between plausible readings.
 */
export async function detectTextEncoding(file: string): Promise<TextEncoding> {
  const notUtf8 = await firstBadLine(file, (bytes) => isUtf8(bytes));
  if (notUtf8 === undefined) return 'utf-8';
  const notGb18030 = await firstBadLine(file, decodesAsGb18030());
  if (notGb18030 === undefined) return 'gb18030';
  throw new ImportFileError(
    'IMPORT_FILE_ENCODING',
    `文件 ${path.basename(file)} 无法识别编码：CSV 文件应为 UTF-8（可带 BOM）或 GB18030（含 GBK、GB2312）编码的文本，` +
      `该文件第 ${notUtf8} 行不是有效的 UTF-8，第 ${notGb18030} 行不是有效的 GB18030。` +
      `请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”，或另存为 .xlsx 后再导入`,
    Math.min(notUtf8, notGb18030),
  );
}
