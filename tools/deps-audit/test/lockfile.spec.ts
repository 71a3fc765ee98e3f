import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { productionPackages, readLockfile, type Lockfile } from '../src/lockfile';

const fixture = join(__dirname, 'fixtures', 'lockfile.json');

function byLocation(lock: Lockfile): Map<string, { name: string; version: string; path?: string[] }> {
  return new Map(productionPackages(lock).map((pkg) => [pkg.location, pkg]));
}

describe('productionPackages', () => {
  const packages = byLocation(readLockfile(fixture));

  it('leaves out packages the lockfile flags dev, however they are reached', () => {
    expect(packages.has('node_modules/test-runner')).toBe(false);
    expect(packages.has('node_modules/glob-walker')).toBe(false);
    expect(packages.has('node_modules/mock-kit')).toBe(false);
    // An optional peer that only the dev tree installs stays out even though a production package names it.
    expect(packages.has('node_modules/view-engine')).toBe(false);
  });

  it('keeps the root and the workspaces out: they are this repository, not registry packages', () => {
    expect(packages.has('')).toBe(false);
    expect(packages.has('libs/reports')).toBe(false);
    expect(packages.has('node_modules/@fixture/reports')).toBe(false);
  });

  it('audits every installed copy of a package separately, with the nearest copy on each path', () => {
    expect(packages.get('node_modules/web-kit/node_modules/tiny-parser')).toMatchObject({
      name: 'tiny-parser',
      version: '1.2.0',
      path: ['fixture-app', 'web-kit', 'tiny-parser'],
    });
    expect(packages.get('node_modules/tiny-parser')).toMatchObject({
      name: 'tiny-parser',
      version: '2.0.0-beta.3',
      path: ['@fixture/reports', 'tiny-parser'],
    });
  });

  it("counts a workspace's own dependencies as production", () => {
    expect(packages.get('node_modules/tiny-parser')?.path?.[0]).toBe('@fixture/reports');
  });

  it('follows dependencies of dependencies to the shortest path', () => {
    expect(packages.get('node_modules/qs-lite')?.path).toEqual(['fixture-app', 'web-kit', 'qs-lite']);
    expect([...packages.keys()].sort()).toEqual([
      'node_modules/qs-lite',
      'node_modules/tiny-parser',
      'node_modules/web-kit',
      'node_modules/web-kit/node_modules/tiny-parser',
    ]);
  });

  it('reports under its real name a package installed under an alias', () => {
    const lock: Lockfile = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', dependencies: { 'old-parser': 'npm:tiny-parser@^1.0.0' } },
        'node_modules/old-parser': { name: 'tiny-parser', version: '1.0.0' },
      },
    };
    expect(productionPackages(lock)).toEqual([
      {
        name: 'tiny-parser',
        version: '1.0.0',
        location: 'node_modules/old-parser',
        path: ['app', 'old-parser'],
      },
    ]);
  });

  it('resolves scoped packages and walks up past scope folders to the top-level copy', () => {
    const lock: Lockfile = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', dependencies: { '@scope/client': '^1.0.0' } },
        'node_modules/@scope/client': { version: '1.0.0', dependencies: { 'tiny-parser': '^1.0.0' } },
        'node_modules/tiny-parser': { version: '1.1.0' },
      },
    };
    expect(byLocation(lock).get('node_modules/tiny-parser')?.path).toEqual([
      'app',
      '@scope/client',
      'tiny-parser',
    ]);
  });

  it('never explains a production package by a path through a dev package, even a shorter one', () => {
    const lock: Lockfile = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', dependencies: { 'web-kit': '^3.0.0' } },
        'node_modules/web-kit': {
          version: '3.1.0',
          dependencies: { helper: '^1.0.0' },
          peerDependencies: { 'view-engine': '*' },
        },
        'node_modules/view-engine': { version: '1.0.0', dev: true, dependencies: { shared: '^1.0.0' } },
        'node_modules/helper': { version: '1.0.0', dependencies: { inner: '^1.0.0' } },
        'node_modules/inner': { version: '1.0.0', dependencies: { shared: '^1.0.0' } },
        'node_modules/shared': { version: '1.0.0' },
      },
    };
    expect(byLocation(lock).get('node_modules/shared')?.path).toEqual([
      'app',
      'web-kit',
      'helper',
      'inner',
      'shared',
    ]);
  });

  it('keeps a production package no edge leads to, without a path, rather than dropping it', () => {
    const lock: Lockfile = {
      lockfileVersion: 3,
      packages: { '': { name: 'app' }, 'node_modules/stray': { version: '1.0.0' } },
    };
    expect(productionPackages(lock)).toEqual([
      { name: 'stray', version: '1.0.0', location: 'node_modules/stray', path: undefined },
    ]);
  });
});

describe('readLockfile', () => {
  it('refuses a lockfile v1, which has no packages map to audit', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lep-lock-')), 'package-lock.json');
    writeFileSync(file, JSON.stringify({ lockfileVersion: 1, dependencies: {} }));
    expect(() => readLockfile(file)).toThrow(/lockfile v2 or v3/);
  });
});
