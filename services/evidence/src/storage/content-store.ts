import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { Client, CopyDestinationOptions, CopySourceOptions } from 'minio';
import {
  ChecksummedPart,
  completeChecksummedUpload,
  initiateChecksummedUpload,
  uploadChecksummedPart,
} from './part-checksums';
import { releaseSpentBuffers, sparePartsOf } from './garbage';

/** S3 refuses a single copy above 5 GiB; larger objects are copied part by part (UploadPartCopy). */
const MAX_SINGLE_COPY_BYTES = 5 * 1024 ** 3;
/** Parts uploaded concurrently while the next one fills: keeps the socket and the store both busy. */
const PARTS_IN_FLIGHT = 2;

/**
 * Bytes received and hashed, not yet kept. Where they wait depends on when their address was known:
 * - `inMemory`: the whole content fitted in one part, so it was hashed before anything was stored;
 * - `unsealed`: the client declared the hash up front, so the parts went straight to the content address in a
 *   multipart upload that is completed only once the bytes proved to match — until then S3 shows no object;
 * - `staged`: the hash was learned with the last byte, so the bytes sit under a staging key, to be copied.
 */
export type StagedContent = { sha256: string; size: number } & (
  | { where: 'inMemory'; bytes: Buffer }
  | { where: 'unsealed'; uploadId: string; parts: ChecksummedPart[] }
  | { where: 'staged'; stagingKey: string }
);

export class FileTooLargeError extends Error {}

/** The bytes' SHA-256 differs from the one the client declared; nothing was kept. */
export class ContentMismatchError extends Error {}

/** `sha256/<hex>`: the same bytes always land on the same key, so identical uploads are stored once. */
export function contentKey(sha256: string): string {
  return `sha256/${sha256}`;
}

export interface ContentBuckets {
  /** Write-once (object lock on the real stack): content objects `sha256/<hex>` only. */
  evidence: string;
  /** Without object lock: bytes still arriving, removed once promoted or refused. */
  staging: string;
}

/**
 * Streams content into storage without holding it in memory, computing its SHA-256 on the way, and keeps it
 * under its content address. Parts are driven one by one (not the client's putObject), which both lets a failed
 * upload be abandoned cleanly and keeps memory flat.
 */
export class ContentStore {
  private readonly logger = new Logger(ContentStore.name);
  /** Unsealed uploads already completed: there is nothing left to abandon for them. */
  private readonly sealed = new WeakSet<StagedContent>();

  /**
   * @param partsClient sends the parts, each with a CRC32 the store checks (see part-checksums): their signature
   * need not cover a SHA-256 of the payload as well — over plain http the client would hash every byte again for
   * it (issue #22).
   */
  constructor(
    private readonly client: Client,
    private readonly buckets: ContentBuckets,
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
    // A declared hash whose content is not stored yet lets the parts go to their final key at once, saving the
    // server-side copy (seconds per GB). Known content goes through staging: its object must not be re-written.
    // Every part carries its CRC32: S3 object lock requires a checksum (or Content-MD5) of writes to the locked
    // bucket, and the staged parts get the same check of what the store received.
    const direct = declared !== undefined && !(await this.exists(contentKey(declared)));
    const target = direct
      ? { bucket: this.buckets.evidence, key: contentKey(declared) }
      : { bucket: this.buckets.staging, key: `staging/${randomUUID()}` };
    const hash = createHash('sha256');
    let size = 0;
    // Part buffers are reused once their part is sent: memory stays at PARTS_IN_FLIGHT + 1 parts for any file
    // size, instead of waiting for the garbage collector to notice freed off-heap buffers.
    const spare = sparePartsOf(this.partSize, PARTS_IN_FLIGHT + 1);
    const takeBuffer = () => spare.pop() ?? Buffer.allocUnsafe(this.partSize);
    let part = takeBuffer();
    let filled = 0;
    let uploadId: string | undefined;
    const parts: Array<Promise<ChecksummedPart>> = [];
    const inFlight = new Set<Promise<unknown>>();

    const sendPart = async (payload: Buffer) => {
      uploadId ??= await initiateChecksummedUpload(this.client, target.bucket, target.key);
      const partNumber = parts.length + 1;
      const sent = uploadChecksummedPart(this.partsClient, { ...target, uploadId, partNumber }, payload).then(
        (uploaded) => {
          if (payload.length === this.partSize) spare.push(payload);
          return uploaded;
        },
      );
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
      if (uploadId === undefined)
        return { where: 'inMemory', bytes: spare.release(part, filled), sha256, size };
      // The buffer taken after a last full part holds nothing: back to the spare parts.
      if (filled > 0) await sendPart(part.subarray(0, filled));
      else spare.push(part);
      const uploaded = await Promise.all(parts);
      if (direct) return { where: 'unsealed', uploadId, parts: uploaded, sha256, size };
      await completeChecksummedUpload(this.client, target.bucket, target.key, uploadId, uploaded);
      return { where: 'staged', stagingKey: target.key, sha256, size };
    } catch (error) {
      await Promise.allSettled(parts);
      if (uploadId !== undefined) await this.abandon(target.bucket, target.key, uploadId);
      throw error;
    }
  }

  /**
   * Makes the bytes visible under their content address unless they are already there; returns the key.
   * What staging holds stays until the caller discards it, so a retry can promote again.
   */
  async promote(content: StagedContent): Promise<string> {
    const key = contentKey(content.sha256);
    const present = await this.exists(key);
    switch (content.where) {
      case 'inMemory':
        // The checksum lets the store verify the bytes; S3 object lock also wants one on every write.
        if (!present)
          await this.client.putObject(this.buckets.evidence, key, content.bytes, content.size, {
            'x-amz-checksum-sha256': Buffer.from(content.sha256, 'hex').toString('base64'),
          });
        break;
      case 'unsealed':
        // Another upload of the same bytes completed first: this one is abandoned by discard().
        if (!present) {
          await completeChecksummedUpload(
            this.client,
            this.buckets.evidence,
            key,
            content.uploadId,
            content.parts,
          );
          this.sealed.add(content);
        }
        break;
      case 'staged':
        if (!present) await this.copyFromStaging(content.stagingKey, key, content.size);
        break;
    }
    return key;
  }

  /** Releases what staging holds for the content, whether it was promoted or refused. */
  async discard(content: StagedContent): Promise<void> {
    if (content.where === 'staged') await this.client.removeObject(this.buckets.staging, content.stagingKey);
    if (content.where === 'unsealed' && !this.sealed.has(content))
      await this.abandon(this.buckets.evidence, contentKey(content.sha256), content.uploadId);
  }

  private async copyFromStaging(stagingKey: string, key: string, size: number): Promise<void> {
    if (size <= MAX_SINGLE_COPY_BYTES) {
      await this.client.copyObject(this.buckets.evidence, key, `/${this.buckets.staging}/${stagingKey}`);
    } else {
      await this.client.composeObject(
        new CopyDestinationOptions({ Bucket: this.buckets.evidence, Object: key }),
        [new CopySourceOptions({ Bucket: this.buckets.staging, Object: stagingKey })],
      );
    }
  }

  /** Removes a content object (its item's retention has ended and no other item holds the bytes). */
  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.buckets.evidence, key);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.statObject(this.buckets.evidence, key);
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
      ? this.client.getObject(this.buckets.evidence, key)
      : this.client.getPartialObject(this.buckets.evidence, key, offset, length);
  }

  presignedRead(key: string, seconds: number, fileName: string): Promise<string> {
    return this.client.presignedGetObject(this.buckets.evidence, key, seconds, {
      'response-content-disposition': contentDisposition(fileName),
    });
  }

  private async abandon(bucket: string, key: string, uploadId: string): Promise<void> {
    try {
      await this.client.abortMultipartUpload(bucket, key, uploadId);
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
