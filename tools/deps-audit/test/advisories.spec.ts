import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAdvisoryDatabase } from '../src/advisories';

const database = join(__dirname, 'fixtures', 'advisory-database');

describe('loadAdvisoryDatabase from a folder', () => {
  it('reads the reviewed npm advisories, leaving out withdrawn ones and other ecosystems', async () => {
    const { advisories } = await loadAdvisoryDatabase(database);
    expect(advisories.map((advisory) => advisory.id).sort()).toEqual([
      'GHSA-test-0001-aaaa',
      'GHSA-test-0002-bbbb',
      'GHSA-test-0003-cccc',
      'GHSA-test-0005-eeee',
    ]);
  });

  it('keeps severity, summary and the npm affected entries', async () => {
    const { advisories } = await loadAdvisoryDatabase(database);
    expect(advisories.find((advisory) => advisory.id === 'GHSA-test-0005-eeee')).toEqual({
      id: 'GHSA-test-0005-eeee',
      summary: 'qs-lite keeps unbounded arrays',
      severity: 'LOW',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'qs-lite' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '6.0.0' }, { last_affected: '6.5.0' }] }],
        },
      ],
    });
  });

  it('also takes a folder of OSV files directly', async () => {
    const { advisories } = await loadAdvisoryDatabase(
      join(database, 'advisories', 'github-reviewed', '2026'),
    );
    expect(advisories).toHaveLength(4);
  });

  it('names no commit for a plain folder, even one inside another checkout', async () => {
    expect((await loadAdvisoryDatabase(database)).commit).toBeUndefined();
  });

  it('says which path is missing', async () => {
    await expect(loadAdvisoryDatabase(join(database, 'nowhere'))).rejects.toThrow(
      /advisory database not found/,
    );
  });
});

describe('loadAdvisoryDatabase from a bare git repository', () => {
  let work: string;
  let bare: string;
  let commit: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'lep-advisory-git-'));
    const checkout = join(work, 'checkout');
    bare = join(work, 'advisory-database.git');
    cpSync(database, checkout, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], {
        cwd: checkout,
        encoding: 'utf8',
      }).trim();
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'fixture advisories');
    commit = git('rev-parse', 'HEAD');
    execFileSync('git', ['clone', '--quiet', '--bare', checkout, bare]);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reads the same advisories at HEAD and names the commit', async () => {
    const fromGit = await loadAdvisoryDatabase(bare);
    const fromFolder = await loadAdvisoryDatabase(database);
    expect(fromGit.commit).toBe(commit);
    expect(fromGit.advisories.map((advisory) => advisory.id).sort()).toEqual(
      fromFolder.advisories.map((advisory) => advisory.id).sort(),
    );
  });

  it('says so when the bare repository has no commit', async () => {
    const empty = join(work, 'empty.git');
    execFileSync('git', ['init', '--quiet', '--bare', empty]);
    await expect(loadAdvisoryDatabase(empty)).rejects.toThrow(/without a commit at HEAD/);
  });

  it('says so when the bare repository holds no advisories/github-reviewed', async () => {
    const other = join(work, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'README.md'), 'not an advisory database');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], {
        cwd: other,
      });
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'other');
    execFileSync('git', ['clone', '--quiet', '--bare', other, join(work, 'other.git')]);
    await expect(loadAdvisoryDatabase(join(work, 'other.git'))).rejects.toThrow(/git archive \| tar failed/);
  });

  it('names the commit of a checked-out repository too', async () => {
    expect((await loadAdvisoryDatabase(join(work, 'checkout'))).commit).toBe(commit);
  });
});
