import { createHash } from 'node:crypto';
import { canonicalJson } from '@lep/hash-chain';
import type { DataSource } from 'typeorm';
import type { CaseRecordContent } from '../case-step';

/**
 * Names this package layout; verify-archive refuses a package of another format rather than misjudging it.
 * Format 2 adds the documents' PDFs (`documents/<evidenceId>.pdf`); a case sealed in format 1 (before the PDFs
 * were part of the 案卷) is exported and verified in format 1, as its 归档 entry sealed it.
 */
export const DOSSIER_FORMAT = 'lep-dossier/2';
export const DOSSIER_FORMAT_WITHOUT_DOCUMENTS = 'lep-dossier/1';
export type DossierFormat = typeof DOSSIER_FORMAT | typeof DOSSIER_FORMAT_WITHOUT_DOCUMENTS;

/** The record entry action of 归档, whose details carry the dossier seal (`details.dossier`). */
export const ARCHIVE_ACTION = 'stage:archived';

export const DOSSIER_PATHS = {
  manifest: 'manifest.json',
  record: 'record.json',
  evidenceIndex: 'evidence-index.json',
  reviewOpinions: 'review-opinions.json',
  /** The record head anchored outside the record (`case_record_anchor`), when it was anchored. */
  anchor: 'anchor.json',
  /**
   * The proof that the latest anchor on a sealed day is a leaf of that day's tree head, which is published
   * outside the case database (`RecordAnchorProof`), when such a day exists.
   */
  anchorProof: 'anchor-proof.json',
} as const;

export interface DossierFile {
  path: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
  /** Null only for a document whose evidence link was recorded before links carried the size. */
  size: number | null;
}

/** A document's PDF in the 案卷: its bytes stay in the evidence store and are streamed in at export. */
export interface DossierDocument extends DossierFile {
  evidenceId: string;
}

/** Where a document's PDF lies in the package. */
export const documentPath = (evidenceId: string): string => `documents/${evidenceId}.pdf`;

/**
 * The 案卷's manifest: the files built at 归档 with their hashes, and the record up to the step before 归档 named by
 * that entry's chain hash. The 归档 entry then carries the manifest's hash (`DossierSeal`): the manifest covers the
 * record before the archive entry and the archive entry covers the manifest, so neither hash is circular.
 */
export interface DossierManifest {
  format: DossierFormat;
  caseId: string;
  recordHead: { sequence: number; hash: string };
  files: DossierFile[];
}

/** What the 归档 entry records of its 案卷 (`details.dossier`). */
export interface DossierSeal {
  /** Absent in seals made before format 2: those manifests are format 1. */
  format?: DossierFormat;
  manifestSha256: string;
  recordSequence: number;
  recordHash: string;
}

/** One file of the package with its bytes (the parts built from the case database are small JSON documents). */
export interface DossierPart {
  path: string;
  bytes: Buffer;
}

export const sha256Hex = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** The manifest's hash as the 归档 entry records it: SHA-256 of its canonical JSON (key order does not matter). */
export const manifestSha256 = (manifest: DossierManifest): string => sha256Hex(canonicalJson(manifest));

/** Canonical key order, indented for people: the same content always gives the same bytes. */
export const jsonBytes = (value: unknown): Buffer =>
  Buffer.from(`${JSON.stringify(JSON.parse(canonicalJson(value)), null, 2)}\n`, 'utf8');

interface EntryRow {
  sequence: number;
  content: CaseRecordContent;
  hash: string;
}

/**
 * The files of a case's 案卷 that are built from its record up to `upTo` (a sequence) and its inbox tasks, and
 * their manifest. Deterministic: the worker builds it at 归档 to seal it, case-api again at each export.
 */
export async function buildDossierParts(
  dataSource: DataSource,
  caseId: string,
  upTo: number,
  format: DossierFormat = DOSSIER_FORMAT,
): Promise<{ manifest: DossierManifest; parts: DossierPart[]; documents: DossierDocument[] }> {
  const entries: EntryRow[] = await dataSource.query(
    `SELECT sequence, content, hash FROM case_record_entry WHERE case_id = $1 AND sequence <= $2 ORDER BY sequence`,
    [caseId, upTo],
  );
  const head = entries.at(-1);
  if (!head || head.sequence !== upTo)
    throw new Error(`case ${caseId} has no record entry ${upTo} to build its dossier on`);
  const parts: DossierPart[] = [
    { path: DOSSIER_PATHS.evidenceIndex, bytes: jsonBytes(evidenceIndex(entries)) },
    { path: DOSSIER_PATHS.reviewOpinions, bytes: jsonBytes(await reviewOpinions(dataSource, caseId)) },
  ];
  const documents = format === DOSSIER_FORMAT ? documentsOf(entries) : [];
  const manifest: DossierManifest = {
    format,
    caseId,
    recordHead: { sequence: head.sequence, hash: head.hash },
    files: [
      ...parts.map((part) => ({ path: part.path, sha256: sha256Hex(part.bytes), size: part.bytes.length })),
      ...documents.map(({ path, sha256, size }) => ({ path, sha256, size })),
    ],
  };
  return { manifest, parts, documents };
}

/** Seals the 案卷 at 归档: its manifest over the record as it stands (the entries before the archive entry). */
export async function sealDossier(dataSource: DataSource, caseId: string): Promise<DossierSeal> {
  const rows: { sequence: number }[] = await dataSource.query(
    `SELECT max(sequence) AS sequence FROM case_record_entry WHERE case_id = $1`,
    [caseId],
  );
  const upTo = rows[0]?.sequence;
  if (upTo === null || upTo === undefined) throw new Error(`case ${caseId} has no record to archive`);
  const { manifest } = await buildDossierParts(dataSource, caseId, upTo);
  return {
    format: manifest.format,
    manifestSha256: manifestSha256(manifest),
    recordSequence: manifest.recordHead.sequence,
    recordHash: manifest.recordHead.hash,
  };
}

/**
 * Every item of evidence the record links (documents are evidence items of kind `document`), once, in the order
 * first recorded: its SHA-256 as the record holds it, and the kind, stage, size and confidentiality the evidence link recorded.
 */
function evidenceIndex(entries: EntryRow[]) {
  const seen = new Set<string>();
  const items: Record<string, unknown>[] = [];
  for (const entry of entries)
    for (const link of entry.content.evidence ?? []) {
      if (seen.has(link.evidenceId)) continue;
      seen.add(link.evidenceId);
      const details = entry.content.action === 'evidence-linked' ? entry.content.details : {};
      items.push({
        evidenceId: link.evidenceId,
        sha256: link.sha256,
        kind: details.kind ?? null,
        stage: details.evidenceStage ?? entry.content.stage,
        storedAt: details.storedAt ?? null,
        size: details.size ?? null,
        confidentiality: details.confidentiality ?? null,
        recordSequence: entry.sequence,
      });
    }
  return { items };
}

/**
 * The documents (evidence items of kind `document`: the PDFs the documents service rendered and stored) the
 * record links, once each, with the SHA-256 the record holds and the size their link recorded: the 案卷 carries
 * their bytes, which must hash to what the record says.
 */
function documentsOf(entries: EntryRow[]): DossierDocument[] {
  const documents = new Map<string, DossierDocument>();
  for (const entry of entries) {
    if (entry.content.action !== 'evidence-linked' || entry.content.details.kind !== 'document') continue;
    for (const link of entry.content.evidence ?? [])
      if (!documents.has(link.evidenceId))
        documents.set(link.evidenceId, {
          evidenceId: link.evidenceId,
          path: documentPath(link.evidenceId),
          sha256: link.sha256,
          size: typeof entry.content.details.size === 'number' ? entry.content.details.size : null,
        });
  }
  return [...documents.values()];
}

/** The review rounds and coordination tasks of the case with their outcome (the reviewer's written opinion). */
async function reviewOpinions(dataSource: DataSource, caseId: string) {
  const rows: {
    task_id: string;
    kind: string;
    round: number;
    state: string;
    assignee_agency_code: string;
    outcome: Record<string, unknown> | null;
    completed_at: Date | null;
    completed_by: string | null;
  }[] = await dataSource.query(
    `SELECT task_id, kind, round, state, assignee_agency_code, outcome, completed_at, completed_by
     FROM case_task WHERE case_id = $1 ORDER BY round, task_id`,
    [caseId],
  );
  return {
    tasks: rows.map((row) => ({
      taskId: row.task_id,
      kind: row.kind,
      round: row.round,
      state: row.state,
      reviewBodyAgencyCode: row.assignee_agency_code,
      outcome: row.outcome,
      completedAt: row.completed_at?.toISOString() ?? null,
      completedBy: row.completed_by,
    })),
  };
}
