import { Command } from 'commander';
import {
  registerEvidenceCommands,
  verifyEvidence,
  EvidenceStoreSettings,
} from '../../../tools/cli/src/commands/evidence';
import { metadata, newCaseId, sha256Of } from './support/fixtures';
import { upload } from './support/multipart-client';
import { useEvidenceApp } from './support/evidence-app';

describe('npx lep evidence verify', () => {
  const evidence = useEvidenceApp('evidence_verify');
  const intactCase = newCaseId();
  const damagedCase = newCaseId();
  const intact = Buffer.from('完好的询问笔录');
  const tampered = Buffer.from('将被改动的现场照片');
  const lost = Buffer.from('将被删除的录音');
  const ids: Record<string, string> = {};

  const settings = (): EvidenceStoreSettings => ({
    databaseUrl: evidence().config.DATABASE_URL,
    s3Endpoint: evidence().config.S3_ENDPOINT,
    s3AccessKey: evidence().config.S3_ACCESS_KEY,
    s3SecretKey: evidence().config.S3_SECRET_KEY,
    s3Region: evidence().config.S3_REGION,
    bucket: evidence().bucket,
  });

  const run = async (...args: string[]) => {
    const printed: string[] = [];
    const program = new Command('lep').exitOverride();
    registerEvidenceCommands(program, settings, (text) => printed.push(text));
    process.exitCode = undefined;
    await program.parseAsync(['evidence', 'verify', ...args], { from: 'user' });
    const exitCode = process.exitCode ?? 0;
    process.exitCode = undefined;
    return { output: printed.join('\n'), exitCode };
  };

  beforeAll(async () => {
    const send = async (caseId: string, name: string, content: Buffer) => {
      const answer = await upload(
        `${evidence().baseUrl}/api/v1/cases/${caseId}/evidence`,
        evidence().token(),
        {
          fields: metadata({ kind: 'document' }),
          file: { name, content },
        },
      );
      ids[name] = answer.body.id as string;
    };
    await send(intactCase, 'intact', intact);
    await send(damagedCase, 'tampered', tampered);
    await send(damagedCase, 'lost', lost);
  });

  it('passes on an untouched store', async () => {
    const report = await verifyEvidence(settings());
    expect(report).toEqual({ items: 3, objects: 3, findings: [] });
    expect(await run()).toEqual({ output: expect.stringContaining('完整性校验通过：3 项证据'), exitCode: 0 });
  });

  it('reports a modified object and a missing one, with exit code 1; a clean case still passes alone', async () => {
    const bucket = evidence().bucket;
    const forged = Buffer.from('被替换的内容');
    await evidence().s3.putObject(bucket, `sha256/${sha256Of(tampered)}`, forged, forged.length);
    await evidence().s3.removeObject(bucket, `sha256/${sha256Of(lost)}`);

    const report = await verifyEvidence(settings());
    expect(report.findings).toEqual(
      expect.arrayContaining([
        {
          evidenceId: ids.tampered,
          caseId: damagedCase,
          objectKey: `sha256/${sha256Of(tampered)}`,
          problem: 'hash-mismatch',
          expected: sha256Of(tampered),
          actual: sha256Of(forged),
        },
        expect.objectContaining({ evidenceId: ids.lost, problem: 'missing' }),
      ]),
    );
    expect(report.findings).toHaveLength(2);

    const all = await run();
    expect(all.exitCode).toBe(1);
    expect(all.output).toContain('摘要不符');
    expect(all.output).toContain('对象缺失');
    expect(all.output).toContain('完整性校验失败：2 项问题');
    expect(await run('--case', intactCase)).toMatchObject({ exitCode: 0 });
    expect(await run('--case', damagedCase, '--json')).toMatchObject({ exitCode: 1 });
  });
});
