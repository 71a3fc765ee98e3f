import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack as tarPack } from 'tar-stream';
import type { DataSource } from 'typeorm';
import { latestRecordAnchor, recordAnchorProof } from '../record-anchor';
import { readCaseRecord } from '../record-verification';
import {
  ARCHIVE_ACTION,
  buildDossierParts,
  DOSSIER_FORMAT,
  DOSSIER_FORMAT_WITHOUT_DOCUMENTS,
  DOSSIER_PATHS,
  jsonBytes,
  type DossierDocument,
  type DossierManifest,
  type DossierPart,
  type DossierSeal,
} from './dossier-manifest';

/** Why a case has no 案卷 to export. */
export class DossierUnavailableError extends Error {
  constructor(readonly reason: 'not-archived') {
    super(reason);
  }
}

export interface DossierContents {
  manifest: DossierManifest;
  /** The files in the order they are written: manifest, record, then the manifest's files. */
  parts: DossierPart[];
  /** The documents' PDFs the manifest lists: their bytes are in the evidence store, streamed in by the exporter. */
  documents: DossierDocument[];
  /** Each file's modification time: the moment of 归档, so the same case exports the same bytes. */
  mtime: Date;
}

/**
 * Everything a case's 案卷 holds: the manifest (rebuilt from the record before the 归档 entry, as it was sealed),
 * the whole record as it stands now (entries appended after 归档, such as a withdrawal, included) and the files
 * the manifest lists. A case archived before the 归档 step sealed its 案卷 gets its manifest over the record up to
 * the entry before 归档 too; verify-archive then says the record holds no seal.
 */
export async function dossierContents(dataSource: DataSource, caseId: string): Promise<DossierContents> {
  const record = await readCaseRecord(dataSource, caseId);
  const archive = record.entries.find((entry) => entry.content.action === ARCHIVE_ACTION);
  const last = record.entries.at(-1);
  // The case index says archived even when the record's 归档 entry was cut off: that package is still built, and
  // verify-archive names the cut, rather than the export hiding it.
  if (!last || (!archive && !(await indexedAsArchived(dataSource, caseId))))
    throw new DossierUnavailableError('not-archived');
  const seal = archive?.content.details.dossier as DossierSeal | undefined;
  const { manifest, parts, documents } = await buildDossierParts(
    dataSource,
    caseId,
    seal?.recordSequence ?? (archive ? archive.sequence - 1 : last.sequence),
    // The format the 归档 entry sealed: a seal without one predates the documents' PDFs (format 1).
    seal ? (seal.format ?? DOSSIER_FORMAT_WITHOUT_DOCUMENTS) : DOSSIER_FORMAT,
  );
  const recordFile = {
    caseId,
    head: { sequence: last.sequence, hash: last.hash },
    entries: record.entries,
  };
  const anchor = await latestRecordAnchor(dataSource, caseId);
  const anchorProof = await recordAnchorProof(dataSource, caseId);
  return {
    manifest,
    parts: [
      { path: DOSSIER_PATHS.manifest, bytes: jsonBytes(manifest) },
      { path: DOSSIER_PATHS.record, bytes: jsonBytes(recordFile) },
      ...parts,
      ...(anchor ? [{ path: DOSSIER_PATHS.anchor, bytes: jsonBytes(anchor) }] : []),
      ...(anchorProof ? [{ path: DOSSIER_PATHS.anchorProof, bytes: jsonBytes(anchorProof) }] : []),
    ],
    documents,
    mtime: new Date((archive ?? last).recordedAt),
  };
}

async function indexedAsArchived(dataSource: DataSource, caseId: string): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(
    `SELECT 1 FROM case_file WHERE case_id = $1 AND status = 'archived'`,
    [caseId],
  );
  return rows.length > 0;
}

/** A document's PDF opened in the evidence store: its length as the store announced it and its bytes. */
export interface OpenedDocument {
  path: string;
  size: number;
  body: Readable;
}

/**
 * Writes the 案卷 as a POSIX tar stream to `output`, one file after another (ends `output`): the JSON parts, then
 * each document's PDF piped through as it arrives, so memory does not grow with the documents' size.
 */
export async function writeDossier(
  contents: DossierContents,
  output: Writable,
  documents: OpenedDocument[] = [],
): Promise<void> {
  const pack = tarPack();
  const written = pipeline(pack, output);
  const header = (name: string, size: number) => ({ name, size, mtime: contents.mtime, mode: 0o444 });
  for (const part of contents.parts)
    await new Promise<void>((resolve, reject) =>
      pack.entry(header(part.path, part.bytes.length), part.bytes, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  for (const document of documents) {
    const entry = pack.entry(header(document.path, document.size));
    await pipeline(document.body, entry);
  }
  pack.finalize();
  await written;
}
