import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { Client } from 'minio';
import {
  ChecksummedPart,
  completeChecksummedUpload,
  initiateChecksummedUpload,
  uploadChecksummedPart,
} from './part-checksums';
import { releaseSpentBuffers } from './garbage';

/** Parts uploaded concurrently while the next one fills: keeps the socket and the store both busy. */
const PARTS_IN_FLIGHT = 2;

/**
 * Bytes received and hashed, not yet kept: nothing of them is visible in the bucket. Where they wait:
 * - `inMemory`: the whole content fitted in one part, so it was hashed before anything was stored;
 * - `unsealed`: the parts went to `key` in the evidence bucket as a multipart upload that is completed only once
 *   the bytes proved to match their declared hash and no kept object holds them already — until then S3 shows no
 *   object. `key` is the content address when the client declared the hash, else a unique `upload/<uuid>`: S3
 *   has no rename, so bytes whose hash is learned with the last byte stay under the key they were written to.
 */
export type StagedContent = { sha256: string; size: number } & (
  | { where: 'inMemory'; bytes: Buffer }
  | { where: 'unsealed'; key: string; uploadId: string; parts: ChecksummedPart[] }
);

export class FileTooLargeError extends Error {}

/** The bytes' SHA-256 differs from the one the client declared; nothing was kept. */
export class ContentMismatchError extends Error {}

/** `sha256/<hex>`: where content whose hash is known before its bytes are stored is kept. */
export function contentKey(sha256: string): string {
  return `sha256/${sha256}`;
}

/**
 * Streams content into the write-once evidence bucket without holding it in memory, computing its SHA-256 on the
 * way, and keeps it only when told to. Parts are driven one by one (not the client's putObject), which both lets
 * a failed upload be abandoned cleanly and keeps memory flat.
 */
export class ContentStore {
  private readonly logger = new Logger(ContentStore.name);
  /** Unsealed uploads already completed: there is nothing left to abandon for them. */
  private readonly sealed = new WeakSet<StagedContent>();

  /**
   * @param bucket write-once (object lock on the real stack); every object in it is kept evidence.
   * @param partsClient sends the parts, each with a CRC32 the store checks (see part-checksums): their signature
   * need not cover a SHA-256 of the payload as well — over plain http the client would hash every byte again for
   * it (issue #22).
   */
  constructor(
    private readonly client: Client,
    private readonly bucket: string,
    private readonly partSize: number,
    private readonly partsClient: Client,
  ) {}

  /**
   * Reads `source` to its end, hashing and counting on the way. Throws, leaving nothing kept, when the source
   * fails, exceeds `maxBytes` or does not hash to `declaredSha256`.
   */
  async stage(
    source: AsyncIterable<Buffer>,
    maxBytes: number,
    declaredSha256?: string,
  ): Promise<StagedContent> {
    const declared = declaredSha256?.toLowerCase();
    // Every part carries its CRC32: S3 object lock requires a checksum (or Content-MD5) of writes to the locked
    // bucket. The key is never an object already kept: the upload is completed only when nothing holds the bytes.
    const key = declared !== undefined ? contentKey(declared) : `upload/${randomUUID()}`;
    const hash = createHash('sha256');
    let size = 0;
    // Part buffers are reused once their part is sent: memory stays at PARTS_IN_FLIGHT + 1 parts for any file
    // size, instead of waiting for the garbage collector to notice freed off-heap buffers.
    const spare: Buffer[] = [];
    const takeBuffer = () => spare.pop() ?? Buffer.allocUnsafe(this.partSize);
    let part = takeBuffer();
    let filled = 0;
    let uploadId: string | undefined;
    const parts: Array<Promise<ChecksummedPart>> = [];
    const inFlight = new Set<Promise<unknown>>();

    const sendPart = async (payload: Buffer) => {
      uploadId ??= await initiateChecksummedUpload(this.client, this.bucket, key);
      const partNumber = parts.length + 1;
      const sent = uploadChecksummedPart(
        this.partsClient,
        { bucket: this.bucket, key, uploadId, partNumber },
        payload,
      ).then((uploaded) => {
        if (payload.length === this.partSize) spare.push(payload);
        return uploaded;
      });
      parts.push(sent);
      const tracked = sent.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      // Back-pressure: stop reading the request while enough parts are on their way.
      if (inFlight.size >= PARTS_IN_FLIGHT) await Promise.race(inFlight);
    };

    try {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > maxBytes) throw new FileTooLargeError(`content exceeds ${maxBytes} bytes`);
        hash.update(chunk);
        for (let offset = 0; offset < chunk.length;) {
          const copied = chunk.copy(part, filled, offset);
          filled += copied;
          offset += copied;
          if (filled === this.partSize) {
            releaseSpentBuffers();
            await sendPart(part);
            part = takeBuffer();
            filled = 0;
          }
        }
      }
      const sha256 = hash.digest('hex');
      if (declared !== undefined && declared !== sha256)
        throw new ContentMismatchError(`content hashes to ${sha256}, not the declared ${declared}`);
      if (uploadId === undefined) return { where: 'inMemory', bytes: part.subarray(0, filled), sha256, size };
      if (filled > 0) await sendPart(part.subarray(0, filled));
      return { where: 'unsealed', key, uploadId, parts: await Promise.all(parts), sha256, size };
    } catch (error) {
      await Promise.allSettled(parts);
      if (uploadId !== undefined) await this.abandon(key, uploadId);
      throw error;
    }
  }

  /** The key the content is kept under if `keep` is called. */
  keyOf(content: StagedContent): string {
    return content.where === 'inMemory' ? contentKey(content.sha256) : content.key;
  }

  /**
   * Makes the bytes visible under `keyOf(content)`. The caller has made sure no object holds them already (an
   * object in the locked bucket must not be written again).
   */
  async keep(content: StagedContent): Promise<void> {
    if (content.where === 'inMemory') {
      // The checksum lets the store verify the bytes; S3 object lock also wants one on every write.
      await this.client.putObject(this.bucket, contentKey(content.sha256), content.bytes, content.size, {
        'x-amz-checksum-sha256': Buffer.from(content.sha256, 'hex').toString('base64'),
      });
      return;
    }
    await completeChecksummedUpload(this.client, this.bucket, content.key, content.uploadId, content.parts);
    this.sealed.add(content);
  }

  /** Abandons what an upload left unsealed, whether it was refused or its bytes were found kept already. */
  async discard(content: StagedContent): Promise<void> {
    if (content.where === 'unsealed' && !this.sealed.has(content))
      await this.abandon(content.key, content.uploadId);
  }

  /** Removes a content object (its item's retention has ended and no other item holds the bytes). */
  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.bucket, key);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.statObject(this.bucket, key);
      return true;
    } catch (error) {
      if (
        (error as { code?: string }).code === 'NotFound' ||
        (error as { code?: string }).code === 'NoSuchKey'
      )
        return false;
      throw error;
    }
  }

  /** The object's bytes from `offset`, `length` of them (to the end when omitted). */
  read(key: string, offset = 0, length?: number): Promise<Readable> {
    return offset === 0 && length === undefined
      ? this.client.getObject(this.bucket, key)
      : this.client.getPartialObject(this.bucket, key, offset, length);
  }

  presignedRead(key: string, seconds: number, fileName: string): Promise<string> {
    return this.client.presignedGetObject(this.bucket, key, seconds, {
      'response-content-disposition': contentDisposition(fileName),
    });
  }

  private async abandon(key: string, uploadId: string): Promise<void> {
    try {
      await this.client.abortMultipartUpload(this.bucket, key, uploadId);
    } catch (error) {
      // The parts are unreachable without a completed upload; MinIO also purges stale uploads on its own.
      this.logger.warn(`could not abort multipart upload ${uploadId} of ${key}: ${String(error)}`);
    }
  }
}

/** `attachment` with the (already sanitised) original name, ASCII fallback plus RFC 5987 UTF-8 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
