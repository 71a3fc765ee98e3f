import { randomBytes } from 'node:crypto';
import {
  completeChecksummedUpload,
  crc32Base64,
  initiateChecksummedUpload,
  uploadChecksummedPart,
} from '../src/storage/part-checksums';
import { useEvidenceApp } from './support/evidence-app';

const evidence = useEvidenceApp('evidence_part_checksums');

// Parts go to the object-locked bucket with a CRC32 instead of Content-MD5 (issue #22): the store itself must
// refuse bytes that do not match it, and keep what it accepted locked.
describe('upload parts checked by their CRC32 in the object-locked bucket', () => {
  it('refuses a part whose bytes differ from its checksum and keeps a completed upload locked', async () => {
    const { s3, bucket } = evidence();
    const key = `checksums/${randomBytes(8).toString('hex')}`;
    const uploadId = await initiateChecksummedUpload(s3, bucket, key);
    const bytes = randomBytes(1024);

    const damaged = Buffer.from(bytes);
    damaged[0] ^= 0xff;
    await expect(
      s3.uploadPart(
        {
          bucketName: bucket,
          objectName: key,
          uploadID: uploadId,
          partNumber: 1,
          headers: { 'x-amz-checksum-crc32': crc32Base64(bytes) },
        },
        damaged,
      ),
    ).rejects.toMatchObject({ code: 'XAmzContentChecksumMismatch' });

    const part = await uploadChecksummedPart(s3, { bucket, key, uploadId, partNumber: 1 }, bytes);
    await completeChecksummedUpload(s3, bucket, key, uploadId, [part]);
    const { versionId } = await s3.statObject(bucket, key);
    const retention = await s3.getObjectRetention(bucket, key, { versionId: versionId! });
    expect(retention?.mode).toBe('GOVERNANCE');
    await expect(s3.removeObject(bucket, key, { versionId: versionId! })).rejects.toThrow(
      'Object is WORM protected',
    );
  });

  it('refuses to complete an upload whose named checksum is not the part’s', async () => {
    const { s3, bucket } = evidence();
    const key = `checksums/${randomBytes(8).toString('hex')}`;
    const uploadId = await initiateChecksummedUpload(s3, bucket, key);
    const part = await uploadChecksummedPart(s3, { bucket, key, uploadId, partNumber: 1 }, randomBytes(1024));
    await expect(
      completeChecksummedUpload(s3, bucket, key, uploadId, [{ ...part, crc32: crc32Base64(randomBytes(8)) }]),
    ).rejects.toMatchObject({ code: expect.any(String) });
    await expect(s3.statObject(bucket, key)).rejects.toMatchObject({ code: 'NotFound' });
    await s3.abortMultipartUpload(bucket, key, uploadId);
  });
});
