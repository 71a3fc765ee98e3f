import { createHash, randomFillSync } from 'node:crypto';
import { metadata, newCaseId, sha256Of } from './support/fixtures';
import { upload } from './support/multipart-client';
import { useEvidenceApp } from './support/evidence-app';

/** What the bucket holds under `key` at `versionId`, as bytes. */
async function read(key: string, versionId: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = await evidence().s3.getObject(evidence().bucket, key, { versionId });
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const evidence = useEvidenceApp('evidence_worm');

// On MinIO, with the evidence bucket as deploy/minio/create-buckets.sh makes it: object lock, default retention.
describe('stored evidence in the object-locked bucket (执法全过程记录 is write-once)', () => {
  // Small content is put whole under sha256/<hex>; larger content without a declared hash streams into an upload
  // under upload/<uuid>, completed once hashed. Both end up as locked versions.
  it.each([
    ['put whole', Buffer.from('现场执法视频（只可写入一次）')],
    ['streamed in parts', randomFillSync(Buffer.alloc(6 * 1024 * 1024))],
  ])(
    'cannot be deleted, overwritten or have its retention shortened before its retention date (%s)',
    async (_, content) => {
      const stored = await upload(
        `${evidence().baseUrl}/api/v1/cases/${newCaseId()}/evidence`,
        evidence().token(),
        {
          fields: metadata(),
          file: { name: 'scene.mp4', content },
        },
      );
      expect(stored.status).toBe(201);
      const [{ object_key: key }] = await evidence().dataSource.query(
        `SELECT object_key FROM evidence_item WHERE id = $1`,
        [stored.body.id],
      );
      const { versionId } = await evidence().s3.statObject(evidence().bucket, key);
      expect(versionId).toBeTruthy();
      const retention = await evidence().s3.getObjectRetention(evidence().bucket, key, {
        versionId: versionId!,
      });
      expect(retention?.mode).toBe('GOVERNANCE');
      const retainUntil = Date.parse(String(retention?.retainUntilDate));
      expect(retainUntil).toBeGreaterThan(Date.now() + 29 * 86_400_000);

      // Deleting the stored version is refused, by the store itself, whoever asks (here its root user).
      await expect(
        evidence().s3.removeObject(evidence().bucket, key, { versionId: versionId! }),
      ).rejects.toThrow('Object is WORM protected');
      // So is moving its retention date earlier.
      await expect(
        evidence().s3.putObjectRetention(evidence().bucket, key, {
          versionId: versionId!,
          mode: 'GOVERNANCE',
          retainUntilDate: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      ).rejects.toThrow('Object is WORM protected');

      // Writing other bytes under the key makes a new version; the stored one stays as it was, still locked.
      const forged = Buffer.from('篡改后的内容');
      await evidence().s3.putObject(evidence().bucket, key, forged, forged.length, {
        'Content-MD5': createHash('md5').update(forged).digest('base64'),
      });
      // By hash: jest compares a 6 MB Buffer element by element, for seconds.
      expect(sha256Of(await read(key, versionId!))).toBe(sha256Of(content));
      const after = await evidence().s3.getObjectRetention(evidence().bucket, key, { versionId: versionId! });
      expect(Date.parse(String(after?.retainUntilDate))).toBe(retainUntil);
      await expect(
        evidence().s3.removeObject(evidence().bucket, key, { versionId: versionId! }),
      ).rejects.toThrow('Object is WORM protected');
    },
  );
});
