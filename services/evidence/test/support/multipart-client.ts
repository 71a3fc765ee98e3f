import { randomBytes, randomFillSync } from 'node:crypto';
import http from 'node:http';

export interface UploadPart {
  fields?: Record<string, string>;
  /** Fields sent after the file (a client breaking the order rule). */
  fieldsAfterFile?: Record<string, string>;
  file?: { name: string; contentType?: string; content: Buffer | AsyncIterable<Buffer> };
}

export interface UploadAnswer {
  status: number;
  body: Record<string, unknown>;
}

const CHUNK = 1024 * 1024;

/**
 * Generates `size` random bytes in 1 MiB chunks, never holding more, and hands each chunk to `onChunk` (to
 * hash what was sent). A fresh buffer per chunk: a socket may still hold the previous one.
 */
export async function* generatedContent(
  size: number,
  onChunk: (chunk: Buffer) => void = () => undefined,
): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < size; sent += CHUNK) {
    const chunk = randomFillSync(Buffer.allocUnsafe(Math.min(CHUNK, size - sent)));
    onChunk(chunk);
    yield chunk;
  }
}

function fieldPart(boundary: string, name: string, value: string): string {
  return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}

/**
 * Sends a multipart upload over a raw socket, streaming the file, as a body-camera uploader would. With
 * `abortAfterBytes` the socket is destroyed once that much of the file has been written.
 */
export function upload(
  url: string,
  token: string,
  parts: UploadPart,
  options: { abortAfterBytes?: number } = {},
): Promise<UploadAnswer> {
  const boundary = `lep${randomBytes(8).toString('hex')}`;
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
      },
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
      });
    });
    request.on('error', reject);
    const write = (data: Buffer | string) =>
      new Promise<void>((done) => (request.write(data) ? done() : request.once('drain', done)));
    void (async () => {
      for (const [name, value] of Object.entries(parts.fields ?? {}))
        await write(fieldPart(boundary, name, value));
      if (parts.file) {
        const { name, contentType = 'application/octet-stream', content } = parts.file;
        await write(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
            `Content-Type: ${contentType}\r\n\r\n`,
        );
        let written = 0;
        const chunks = Buffer.isBuffer(content) ? [content] : content;
        for await (const chunk of chunks) {
          if (request.destroyed) return;
          await write(chunk);
          written += chunk.length;
          if (options.abortAfterBytes !== undefined && written >= options.abortAfterBytes) {
            request.destroy();
            resolve({ status: 0, body: {} });
            return;
          }
        }
        await write('\r\n');
      }
      for (const [name, value] of Object.entries(parts.fieldsAfterFile ?? {}))
        await write(fieldPart(boundary, name, value));
      request.end(`--${boundary}--\r\n`);
    })().catch(reject);
  });
}
