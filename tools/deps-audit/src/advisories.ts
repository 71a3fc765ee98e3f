import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OsvAffected } from './osv-range';

export const SEVERITIES = ['LOW', 'MODERATE', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** An npm advisory of the GitHub Advisory Database, with only its npm `affected` entries. */
export interface Advisory {
  id: string;
  summary: string;
  /** undefined when the advisory carries no `database_specific.severity`; the report shows it as unrated. */
  severity?: Severity;
  affected: OsvAffected[];
}

export interface AdvisoryDatabase {
  advisories: Advisory[];
  /** The commit the advisories were read at, when the source is a git repository. */
  commit?: string;
}

interface OsvRecord {
  id: string;
  summary?: string;
  withdrawn?: string;
  affected?: OsvAffected[];
  database_specific?: { severity?: string };
}

/** Reviewed advisories only, as `npm audit` uses them; the unreviewed ones carry no npm package mapping to trust. */
const REVIEWED = join('advisories', 'github-reviewed');

/**
 * Loads the npm advisories from a copy of github/advisory-database: a checked-out folder (its root, or any folder of
 * OSV JSON files) or a bare git repository, which is read at HEAD through `git archive`. Withdrawn advisories are left out.
 */
export async function loadAdvisoryDatabase(source: string): Promise<AdvisoryDatabase> {
  if (!existsSync(source)) throw new Error(`advisory database not found: ${source}`);
  if (isBareRepository(source)) return loadFromBareRepository(source);
  const folder = existsSync(join(source, REVIEWED)) ? join(source, REVIEWED) : source;
  // Only a repository's own top folder names a commit: a plain folder inside some other checkout does not.
  const commit = existsSync(join(source, '.git')) ? headCommit(['-C', source]) : undefined;
  return { advisories: readAdvisoryFolder(folder), commit };
}

export function readAdvisoryFolder(folder: string): Advisory[] {
  return jsonFiles(folder)
    .map((file) => toNpmAdvisory(file, readFileSync(file, 'utf8')))
    .filter((advisory): advisory is Advisory => advisory !== undefined);
}

function isBareRepository(dir: string): boolean {
  return existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects')) && existsSync(join(dir, 'refs'));
}

async function loadFromBareRepository(gitDir: string): Promise<AdvisoryDatabase> {
  const commit = headCommit([`--git-dir=${gitDir}`]);
  if (commit === undefined) throw new Error(`${gitDir}: a git repository without a commit at HEAD`);
  const extracted = mkdtempSync(join(tmpdir(), 'lep-advisories-'));
  try {
    await extractTree(gitDir, commit, extracted);
    return { advisories: readAdvisoryFolder(join(extracted, REVIEWED)), commit };
  } finally {
    rmSync(extracted, { recursive: true, force: true });
  }
}

/** `git archive <commit> advisories/github-reviewed | tar -x`: a bare repository has no work tree to read files from. */
async function extractTree(gitDir: string, commit: string, into: string): Promise<void> {
  const archive = spawn('git', [`--git-dir=${gitDir}`, 'archive', commit, REVIEWED], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tar = spawn('tar', ['-x', '-C', into], { stdio: ['pipe', 'ignore', 'pipe'] });
  archive.stdout.pipe(tar.stdin);
  const [archiveExit, tarExit] = await Promise.all([exitOf(archive), exitOf(tar)]);
  if (archiveExit.code !== 0 || tarExit.code !== 0) {
    throw new Error(
      `git archive | tar failed for ${gitDir}: ${(archiveExit.stderr + tarExit.stderr).trim()}`,
    );
  }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

function headCommit(gitLocation: string[]): string | undefined {
  try {
    return execFileSync('git', [...gitLocation, 'rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    return undefined;
  }
}

function jsonFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function toNpmAdvisory(file: string, text: string): Advisory | undefined {
  // Most of the database is other ecosystems; skip parsing what cannot be an npm advisory.
  if (!text.includes('"npm"')) return undefined;
  let record: OsvRecord;
  try {
    record = JSON.parse(text) as OsvRecord;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (record.withdrawn !== undefined) return undefined;
  const affected = (record.affected ?? []).filter((entry) => entry.package?.ecosystem === 'npm');
  if (affected.length === 0) return undefined;
  return {
    id: record.id,
    summary: record.summary ?? '',
    severity: toSeverity(record.database_specific?.severity),
    affected,
  };
}

function toSeverity(value: string | undefined): Severity | undefined {
  return SEVERITIES.find((severity) => severity === value?.toUpperCase());
}
