import { createReadStream } from 'node:fs';
import { csvRecords } from '../csv/csv-records';
import type { TableRecord } from './table-record';
import { detectTextEncoding } from './text-encoding';

/**
 * The records of a CSV file in UTF-8 or GB18030 (detectTextEncoding), streamed: the file is read once to settle
 * the encoding and once to parse it, so memory stays flat on 100,000 lines.
 */
export async function* csvFileRecords(
  file: string,
  onBytes: (bytes: number) => void,
): AsyncGenerator<TableRecord> {
  const encoding = await detectTextEncoding(file);
  async function* decodedChunks(): AsyncGenerator<string> {
    const decoder = new TextDecoder(encoding);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      yield decoder.decode(chunk, { stream: true });
    }
    yield decoder.decode();
  }
  yield* csvRecords(decodedChunks());
}
