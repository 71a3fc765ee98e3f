import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { createS3Client } from '@lep/nest-kit';
import type { Client as S3Client } from 'minio';
import { Client as PgClient } from 'pg';
import { CASE_ID_PATTERN } from '@lep/contracts';

/** Where the evidence lives: the evidence service's own database and bucket (same variables as the service). */
export interface EvidenceStoreSettings {
  databaseUrl: string;
  s3Endpoint: string;
  s3AccessKey: string;
  s3SecretKey: string;
  s3Region: string;
  s3CaFile?: string;
  bucket: string;
}

export interface VerifyFinding {
  evidenceId: string;
  caseId: string;
  objectKey: string;
  problem: 'missing' | 'hash-mismatch' | 'size-mismatch';
  expected: string;
  actual: string;
}

export interface VerifyReport {
  items: number;
  objects: number;
  findings: VerifyFinding[];
}

interface ItemRow {
  id: string;
  case_id: string;
  sha256: string;
  size: string;
  object_key: string;
}

export function evidenceStoreFromEnv(env: NodeJS.ProcessEnv = process.env): EvidenceStoreSettings {
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set (use the evidence service's environment)`);
    return value;
  };
  return {
    databaseUrl: required('DATABASE_URL'),
    s3Endpoint: required('S3_ENDPOINT'),
    s3AccessKey: required('S3_ACCESS_KEY'),
    s3SecretKey: required('S3_SECRET_KEY'),
    s3Region: env.S3_REGION || 'us-east-1',
    s3CaFile: env.S3_CA_FILE || undefined,
    bucket: env.S3_BUCKET || 'lep-evidence',
  };
}

function s3ClientOf(settings: EvidenceStoreSettings): S3Client {
  return createS3Client({
    endpoint: settings.s3Endpoint,
    accessKey: settings.s3AccessKey,
    secretKey: settings.s3SecretKey,
    region: settings.s3Region,
    caFile: settings.s3CaFile,
  });
}

/** SHA-256 and size of a stored object, read as a stream; undefined when the object is gone. */
async function hashObject(
  s3: S3Client,
  bucket: string,
  key: string,
): Promise<{ sha256: string; size: number } | undefined> {
  let body: AsyncIterable<Buffer>;
  try {
    body = await s3.getObject(bucket, key);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'NoSuchKey' || code === 'NotFound') return undefined;
    throw error;
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Re-reads every stored object (of one case, or all) and compares it with the SHA-256 and size recorded at
 * upload. Each object is read once even when several items share it; every item on a bad object is reported.
 */
export async function verifyEvidence(
  settings: EvidenceStoreSettings,
  caseId?: string,
  onObject: (key: string) => void = () => undefined,
): Promise<VerifyReport> {
  const db = new PgClient({ connectionString: settings.databaseUrl });
  await db.connect();
  const s3 = s3ClientOf(settings);
  const report: VerifyReport = { items: 0, objects: 0, findings: [] };
  try {
    // Page by object key, so memory holds one page of items however many the store has.
    for (let after = ''; ;) {
      const { rows } = await db.query<ItemRow>(
        `SELECT id, case_id, sha256, size, object_key FROM evidence_item
          WHERE ($1::text IS NULL OR case_id = $1)
            AND object_key IN (SELECT DISTINCT object_key FROM evidence_item
                                WHERE ($1::text IS NULL OR case_id = $1) AND object_key > $2
                                ORDER BY object_key LIMIT $3)
          ORDER BY object_key, stored_at`,
        [caseId ?? null, after, OBJECTS_PER_PAGE],
      );
      if (rows.length === 0) break;
      const byObject = new Map<string, ItemRow[]>();
      for (const row of rows) byObject.set(row.object_key, [...(byObject.get(row.object_key) ?? []), row]);
      for (const [key, items] of byObject) {
        onObject(key);
        report.findings.push(...findingsFor(key, items, await hashObject(s3, settings.bucket, key)));
      }
      report.items += rows.length;
      report.objects += byObject.size;
      after = rows[rows.length - 1].object_key;
    }
  } finally {
    await db.end();
  }
  return report;
}

const OBJECTS_PER_PAGE = 500;

function findingsFor(
  key: string,
  items: ItemRow[],
  actual: { sha256: string; size: number } | undefined,
): VerifyFinding[] {
  return items.flatMap((item): VerifyFinding[] => {
    const finding = { evidenceId: item.id, caseId: item.case_id, objectKey: key };
    if (!actual) return [{ ...finding, problem: 'missing', expected: item.sha256, actual: '' }];
    if (actual.sha256 !== item.sha256)
      return [{ ...finding, problem: 'hash-mismatch', expected: item.sha256, actual: actual.sha256 }];
    if (actual.size !== Number(item.size))
      return [{ ...finding, problem: 'size-mismatch', expected: item.size, actual: String(actual.size) }];
    return [];
  });
}

const PROBLEM_NAMES: Record<VerifyFinding['problem'], string> = {
  missing: '对象缺失',
  'hash-mismatch': '摘要不符',
  'size-mismatch': '大小不符',
};

export function formatVerifyReport(report: VerifyReport): string {
  const lines = report.findings.map(
    (finding) =>
      `${PROBLEM_NAMES[finding.problem]}  evidence ${finding.evidenceId}  case ${finding.caseId}  ${finding.objectKey}` +
      (finding.actual ? `  expected ${finding.expected} got ${finding.actual}` : ''),
  );
  lines.push(
    report.findings.length === 0
      ? `完整性校验通过：${report.items} 项证据，${report.objects} 个存储对象`
      : `完整性校验失败：${report.findings.length} 项问题（共 ${report.items} 项证据，${report.objects} 个存储对象）`,
  );
  return lines.join('\n');
}

export function registerEvidenceCommands(
  program: Command,
  settings: () => EvidenceStoreSettings = () => evidenceStoreFromEnv(),
  print: (text: string) => void = (text) => console.log(text),
): void {
  const evidence = program.command('evidence').description('证据存储运维 (evidence store operations)');
  evidence
    .command('verify')
    .description(
      '重新计算已存证据的 SHA-256，报告每个缺失或被改动的对象；有问题时退出码为 1 ' +
        '(re-hash stored evidence; uses DATABASE_URL and S3_* of the evidence service)',
    )
    .option('--case <caseId>', 'only the items of this case (case-<agency>.<number>)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { case?: string; json?: boolean }) => {
      if (options.case !== undefined && !CASE_ID_PATTERN.test(options.case)) {
        program.error(`--case must be a case id (case-<agency>.<number>), got "${options.case}"`);
      }
      const report = await verifyEvidence(settings(), options.case);
      print(options.json ? JSON.stringify(report, null, 2) : formatVerifyReport(report));
      if (report.findings.length > 0) process.exitCode = 1;
    });
}
