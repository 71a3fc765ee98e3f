import { createHash } from 'node:crypto';
import { metadata, newCaseId } from './support/fixtures';
import { generatedContent, upload } from './support/multipart-client';
import { useEvidenceApp } from './support/evidence-app';

const SIZE = 300 * 1024 * 1024;

describe('a large upload', () => {
  const evidence = useEvidenceApp('evidence_large');

  it('streams 300 MB through the service with flat memory and the right hash', async () => {
    const sent = createHash('sha256');
    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 20);
    const started = Date.now();
    const answer = await upload(
      `${evidence().baseUrl}/api/v1/cases/${newCaseId()}/evidence`,
      evidence().token(),
      {
        fields: metadata(),
        file: {
          name: 'body-cam.mp4',
          contentType: 'video/mp4',
          content: generatedContent(SIZE, (chunk) => sent.update(chunk)),
        },
      },
    );
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const rssGrowthMb = (peakRss - baseline.rss) / 2 ** 20;
    const heapGrowthMb = (peakHeap - baseline.heapUsed) / 2 ** 20;
    console.log(
      `300 MB upload: ${seconds.toFixed(1)} s (${(300 / seconds).toFixed(0)} MB/s), ` +
        `RSS +${rssGrowthMb.toFixed(0)} MB, heap +${heapGrowthMb.toFixed(0)} MB (client and service in one process)`,
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ size: SIZE, sha256: sent.digest('hex') });
    const [{ object_key: key }] = await evidence().dataSource.query(
      `SELECT object_key FROM evidence_item WHERE id = $1`,
      [answer.body.id],
    );
    const stat = await evidence().s3.statObject(evidence().bucket, key);
    expect(stat.size).toBe(SIZE);
    // Client and service share this process: the growth covers both, and is still a small fraction of 300 MB.
    expect(rssGrowthMb).toBeLessThan(120);
  }, 180_000);
});
