import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { recordAnchorLeaf, type RecordAnchorProof, type RecordAnchorsSealedData } from '@lep/contracts';
import { canonicalJson, verifyChain, verifyMerkleInclusion, type ChainLink } from '@lep/hash-chain';
import { extract as tarExtract } from 'tar-stream';
import type { CaseRecordContent } from '../case-step';
import type { RecordAnchor } from '../record-anchor';
import {
  ARCHIVE_ACTION,
  DOSSIER_FORMAT,
  DOSSIER_FORMAT_WITHOUT_DOCUMENTS,
  DOSSIER_PATHS,
  manifestSha256,
  type DossierManifest,
  type DossierSeal,
} from './dossier-manifest';

/** One thing wrong with a package: the file it concerns and what is wrong, in Chinese. */
export interface DossierProblem {
  file: string;
  problem: string;
}

export interface DossierVerification {
  caseId: string | null;
  files: number;
  recordLength: number;
  headHash: string | null;
  problems: DossierProblem[];
}

/** The manifest and the record are read whole to be checked; a package carrying larger ones is not ours. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** The files read whole to be checked (all small JSON): the others are only hashed. */
const KEPT = new Set<string>([
  DOSSIER_PATHS.manifest,
  DOSSIER_PATHS.record,
  DOSSIER_PATHS.anchor,
  DOSSIER_PATHS.anchorProof,
]);

interface SeenFile {
  sha256: string;
  size: number;
  /** The bytes, kept only for the manifest and the record. */
  bytes?: Buffer;
}

interface RecordFile {
  caseId: string;
  head: { sequence: number; hash: string };
  entries: (ChainLink<CaseRecordContent> & { recordedAt: string })[];
}

/**
 * Checks a 案卷 offline, needing nothing but the file: every file the manifest lists is there with its hash and
 * size, no other file was slipped in, the record's hash chain holds and ends at its stated head, the record holds
 * the 归档 entry, which carries the manifest's hash, the manifest names the record entry before it, and the record
 * reaches the head anchored outside it (`anchor.json`, when the package carries one), and that anchor's day
 * proof leads to its day's tree head (`anchor-proof.json`, when the package carries one). Each file is
 * hashed as it streams past, so memory does not grow with the package. Throws when `input` cannot be read.
 */
export async function verifyDossier(
  input: Readable,
  options: {
    /**
     * The case's latest anchor from the case database (online check): the package's record must reach it too,
     * which a package whose record and `anchor.json` were both edited does not.
     */
    currentAnchor?: (caseId: string) => Promise<RecordAnchor | null>;
    /**
     * The tree head of a day as published outside the case database (online check, e.g. the publication
     * service's public record-anchor route): the proof's root must be it, which a package whose anchors were
     * rewritten together with the case database is not. Null when that day was not published.
     */
    publishedAnchorDay?: (
      anchorDate: string,
    ) => Promise<Pick<RecordAnchorsSealedData, 'root' | 'caseCount'> | null>;
  } = {},
): Promise<DossierVerification> {
  const seen = new Map<string, SeenFile>();
  const problems: DossierProblem[] = [];
  const extract = tarExtract();
  let unreadable: Error | undefined;
  const done = new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    input.on('error', (error) => {
      unreadable = error;
      reject(error);
    });
  });
  extract.on('entry', (header, stream, next) => {
    const keep = KEPT.has(header.name);
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (data: unknown) => {
      const chunk = data as Buffer;
      hash.update(chunk);
      size += chunk.length;
      if (keep && size <= MAX_JSON_BYTES) chunks.push(chunk);
    });
    stream.on('end', () => {
      if (seen.has(header.name)) problems.push({ file: header.name, problem: '在案卷中出现不止一次' });
      seen.set(header.name, {
        sha256: hash.digest('hex'),
        size,
        bytes: keep && size <= MAX_JSON_BYTES ? Buffer.concat(chunks) : undefined,
      });
      next();
    });
    stream.on('error', next);
  });
  input.pipe(extract);
  try {
    await done;
  } catch (error) {
    // A file that cannot be read is not a verdict on the package: the caller says it could not check.
    if (unreadable) throw error;
    problems.push({ file: '(案卷)', problem: '不是完整的 tar 归档文件' });
  }

  const manifest = parseJson<DossierManifest>(
    seen.get(DOSSIER_PATHS.manifest),
    DOSSIER_PATHS.manifest,
    problems,
  );
  const record = parseJson<RecordFile>(seen.get(DOSSIER_PATHS.record), DOSSIER_PATHS.record, problems);
  // Format 1 (sealed before the documents' PDFs were part of the 案卷) still verifies: its manifest lists no PDFs.
  if (manifest && manifest.format !== DOSSIER_FORMAT && manifest.format !== DOSSIER_FORMAT_WITHOUT_DOCUMENTS)
    problems.push({
      file: DOSSIER_PATHS.manifest,
      problem: `格式 ${String(manifest.format)} 不是 ${DOSSIER_FORMAT}`,
    });
  if (manifest && Array.isArray(manifest.files)) checkFiles(manifest, seen, problems);
  if (record && Array.isArray(record.entries)) {
    checkRecord(record, manifest, problems);
    const anchorFile = seen.get(DOSSIER_PATHS.anchor);
    const anchor = anchorFile && parseJson<RecordAnchor>(anchorFile, DOSSIER_PATHS.anchor, problems);
    if (anchor) checkAnchor(record, anchor, problems, '记录末尾被截去');
    const proofFile = seen.get(DOSSIER_PATHS.anchorProof);
    const proof = proofFile && parseJson<RecordAnchorProof>(proofFile, DOSSIER_PATHS.anchorProof, problems);
    if (proof) await checkAnchorProof(record, proof, problems, options.publishedAnchorDay);
    const caseId = manifest?.caseId ?? record.caseId;
    const current = options.currentAnchor && caseId ? await options.currentAnchor(caseId) : null;
    if (current)
      checkAnchor(
        record,
        current,
        problems,
        '案卷中的记录被截去，或案卷导出早于该条记录（以案件数据库为准）',
      );
  }

  const verification = record && Array.isArray(record.entries) ? verifyChain(record.entries) : undefined;
  return {
    caseId: manifest?.caseId ?? record?.caseId ?? null,
    files: seen.size,
    recordLength: record?.entries?.length ?? 0,
    headHash: verification?.valid ? verification.headHash : null,
    problems,
  };
}

function parseJson<T>(file: SeenFile | undefined, path: string, problems: DossierProblem[]): T | undefined {
  if (!file) {
    problems.push({ file: path, problem: '缺失' });
    return undefined;
  }
  try {
    if (!file.bytes) throw new Error('too large');
    return JSON.parse(file.bytes.toString('utf8')) as T;
  } catch {
    problems.push({ file: path, problem: '不是可读的 JSON' });
    return undefined;
  }
}

function checkFiles(
  manifest: DossierManifest,
  seen: Map<string, SeenFile>,
  problems: DossierProblem[],
): void {
  const listed = new Set<string>(KEPT);
  for (const file of manifest.files) {
    listed.add(file.path);
    const found = seen.get(file.path);
    if (!found) problems.push({ file: file.path, problem: '清单中列出但案卷中缺失' });
    // A document linked before links carried their size is listed without one: its hash alone decides.
    else if (found.sha256 !== file.sha256 || (file.size !== null && found.size !== file.size))
      problems.push({
        file: file.path,
        problem: `内容与清单不符（清单 SHA-256 ${file.sha256}、${file.size ?? '未记载'} 字节，实际 ${found.sha256}、${found.size} 字节）`,
      });
  }
  for (const path of seen.keys()) if (!listed.has(path)) problems.push({ file: path, problem: '不在清单中' });
}

function checkRecord(
  record: RecordFile,
  manifest: DossierManifest | undefined,
  problems: DossierProblem[],
): void {
  const file = DOSSIER_PATHS.record;
  const chain = verifyChain(record.entries);
  if (!chain.valid) {
    problems.push({ file, problem: `第 ${chain.brokenAt} 条记录${CHAIN_BREAKS[chain.reason]}` });
    return;
  }
  const last = record.entries[record.entries.length - 1];
  if (!last || record.head?.sequence !== last.sequence || record.head?.hash !== last.hash)
    problems.push({
      file,
      problem: `记录在第 ${last?.sequence ?? 0} 条结束，而链头为第 ${record.head?.sequence} 条：其后的记录被截去`,
    });
  const archive = record.entries.find((entry) => entry.content?.action === ARCHIVE_ACTION);
  if (!archive) {
    problems.push({ file, problem: '没有归档记录（最后的记录可能被截去）' });
    return;
  }
  const seal = archive.content.details?.dossier as DossierSeal | undefined;
  if (!seal) {
    problems.push({ file, problem: `第 ${archive.sequence} 条归档记录没有案卷清单哈希（归档时未封存案卷）` });
    return;
  }
  if (!manifest) return;
  if (seal.manifestSha256 !== manifestSha256(manifest))
    problems.push({
      file: DOSSIER_PATHS.manifest,
      problem: `清单哈希与第 ${archive.sequence} 条归档记录所载 ${seal.manifestSha256} 不符`,
    });
  const covered = record.entries.find((entry) => entry.sequence === manifest.recordHead?.sequence);
  if (
    !covered ||
    covered.hash !== manifest.recordHead.hash ||
    canonicalJson(manifest.recordHead) !==
      canonicalJson({ sequence: seal.recordSequence, hash: seal.recordHash })
  )
    problems.push({ file: DOSSIER_PATHS.manifest, problem: '清单所指的归档前记录与执法全过程记录不符' });
}

/** The record must reach the head anchored outside it: entries cut off after that are named by it. */
function checkAnchor(
  record: RecordFile,
  anchor: RecordAnchor,
  problems: DossierProblem[],
  missing: string,
): void {
  const anchored = record.entries.find((entry) => entry.sequence === anchor.sequence);
  if (!anchored)
    problems.push({
      file: DOSSIER_PATHS.record,
      problem: `缺少 ${anchor.anchorDate} 锚定的第 ${anchor.sequence} 条记录：${missing}`,
    });
  else if (anchored.hash !== anchor.hash)
    problems.push({
      file: DOSSIER_PATHS.record,
      problem: `第 ${anchor.sequence} 条记录的哈希与 ${anchor.anchorDate} 锚定的 ${anchor.hash} 不符`,
    });
}

/**
 * The anchor in the proof is a leaf of its day's tree head, and the record reaches it; with `published`, that
 * tree head is the one published outside the case database.
 */
async function checkAnchorProof(
  record: RecordFile,
  proof: RecordAnchorProof,
  problems: DossierProblem[],
  published?: (anchorDate: string) => Promise<Pick<RecordAnchorsSealedData, 'root' | 'caseCount'> | null>,
): Promise<void> {
  const file = DOSSIER_PATHS.anchorProof;
  const { anchor } = proof;
  if (
    !anchor ||
    !Array.isArray(proof.auditPath) ||
    !verifyMerkleInclusion(
      recordAnchorLeaf(anchor),
      proof.leafIndex,
      proof.treeSize,
      proof.auditPath,
      proof.root,
    )
  ) {
    problems.push({ file, problem: '锚定证明不能推出其所载的当日存证根' });
    return;
  }
  checkAnchor(record, { ...anchor, anchoredAt: '' }, problems, '记录末尾被截去（以当日存证根为准）');
  if (!published) return;
  const day = await published(anchor.anchorDate);
  if (!day) problems.push({ file, problem: `公示平台没有 ${anchor.anchorDate} 的存证根` });
  else if (day.root !== proof.root || day.caseCount !== proof.treeSize)
    problems.push({
      file,
      problem: `${anchor.anchorDate} 的存证根 ${proof.root}（${proof.treeSize} 件）与公示平台公布的 ${day.root}（${day.caseCount} 件）不符`,
    });
}

const CHAIN_BREAKS = {
  'sequence-gap': '缺失或顺序错乱',
  'previous-hash-mismatch': '与前一条记录的哈希不衔接',
  'content-hash-mismatch': '内容与哈希不符',
} as const;
