import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import busboy from 'busboy';
import { ContentMismatchError, FileTooLargeError, StagedContent } from '../storage/content-store';
import { uploadErrors } from './upload-errors';

/** Longest metadata field value accepted, in bytes (a description of about 1,300 Chinese characters). */
export const MAX_FIELD_BYTES = 4096;
const MAX_FIELDS = 16;

export interface UploadHandlers<M> {
  /** Validates the fields received before the file; throws an ApiError to refuse the upload. */
  parseMetadata(fields: Record<string, string>): M;
  /** Streams the file to storage; the bytes are staged, not yet kept. */
  stage(file: Readable, metadata: M): Promise<StagedContent>;
  /** Removes staged bytes of an upload that was refused after all. */
  discard(staged: StagedContent): Promise<void>;
}

export interface ReceivedUpload<M> {
  metadata: M;
  staged: StagedContent;
  fileName: string;
  mimeType: string;
}

/**
 * Reads a multipart body whose metadata fields come first and whose single `file` part comes last, streaming
 * the file to storage as it arrives. Fields must precede the file because the metadata is checked before a
 * single byte is stored: a refused upload of several GB is refused at its start, not at its end.
 *
 * Resolves only when the whole body has been read and the bytes are staged; on every refusal or failure,
 * including a client that goes away half-way, it rejects and leaves nothing staged.
 */
export interface UploadLimits {
  maxFileBytes: number;
  /** Abandon the upload when no byte arrives for this long. */
  idleMs: number;
}

export function receiveUpload<M>(
  request: IncomingMessage,
  handlers: UploadHandlers<M>,
  { maxFileBytes, idleMs }: UploadLimits,
): Promise<ReceivedUpload<M>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Browsers and curl send UTF-8 file names (现场录像.mp4); busboy's default would read them as Latin-1.
        defParamCharset: 'utf8',
        limits: { fieldSize: MAX_FIELD_BYTES, fields: MAX_FIELDS, files: 1, parts: MAX_FIELDS + 1 },
      });
    } catch {
      request.resume();
      reject(uploadErrors.multipartRequired());
      return;
    }
    // No prototype: a field named `__proto__` or `constructor` is just an unknown field.
    const fields: Record<string, string> = Object.create(null);
    let refusal: Error | undefined;
    let upload:
      { metadata: M; fileName: string; mimeType: string; staging: Promise<StagedContent> } | undefined;
    let settled = false;

    const refuse = (error: Error) => {
      refusal ??= error;
    };
    // Stop parsing but keep reading the body, so the refusal reaches a client that is still sending.
    const stopParsing = () => {
      request.unpipe(parser);
      request.resume();
    };
    const settle = async (failure?: Error) => {
      if (settled) return;
      settled = true;
      if (!request.complete) await finished(request).catch(() => undefined);
      let staged: StagedContent | undefined;
      let stagingFailure: Error | undefined;
      if (upload) {
        try {
          staged = await upload.staging;
        } catch (error) {
          stagingFailure =
            error instanceof FileTooLargeError
              ? uploadErrors.fileTooLarge(maxFileBytes)
              : error instanceof ContentMismatchError
                ? uploadErrors.sha256Mismatch()
                : (error as Error);
        }
      }
      const reason =
        failure ?? stagingFailure ?? refusal ?? (upload ? undefined : uploadErrors.fileRequired());
      if (reason || !upload || !staged) {
        if (staged) await handlers.discard(staged);
        reject(reason);
        return;
      }
      resolve({ metadata: upload.metadata, staged, fileName: upload.fileName, mimeType: upload.mimeType });
    };

    parser.on('field', (name, value, info) => {
      if (upload) return refuse(uploadErrors.metadataAfterFile(name));
      if (info.nameTruncated || info.valueTruncated) return refuse(uploadErrors.fieldTooLarge(name));
      if (Object.prototype.hasOwnProperty.call(fields, name))
        return refuse(uploadErrors.duplicateField(name));
      fields[name] = value;
    });
    parser.on('file', (name, file, info) => {
      if (name !== 'file') {
        refuse(uploadErrors.fileRequired());
        file.resume();
        return;
      }
      if (refusal) {
        file.resume();
        return;
      }
      let metadata: M;
      try {
        metadata = handlers.parseMetadata(fields);
      } catch (error) {
        refuse(error as Error);
        file.resume();
        return;
      }
      const staging = handlers.stage(file, metadata);
      staging.catch(() => {
        stopParsing();
        void settle();
      });
      upload = { metadata, fileName: info.filename ?? '', mimeType: info.mimeType, staging };
    });
    parser.on('fieldsLimit', () => refuse(uploadErrors.tooManyParts()));
    parser.on('filesLimit', () => refuse(uploadErrors.tooManyParts()));
    parser.on('partsLimit', () => refuse(uploadErrors.tooManyParts()));
    parser.on('error', () => {
      stopParsing();
      void settle(uploadErrors.malformedMultipart());
    });
    parser.on('close', () => void settle());
    request.on('error', (error) => {
      // The client went away (or stalled): the file stream fails, which abandons the staged upload.
      parser.destroy(error);
      void settle(uploadErrors.interrupted());
    });
    request.setTimeout(idleMs, () => request.destroy(new Error(`no upload data for ${idleMs} ms`)));
    request.pipe(parser);
  });
}
