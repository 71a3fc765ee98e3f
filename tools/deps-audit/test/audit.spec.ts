import type { Advisory } from '../src/advisories';
import { auditPackages, findingsAtOrAbove } from '../src/audit';
import type { InstalledPackage } from '../src/lockfile';
import type { OsvAffected } from '../src/osv-range';

function installed(name: string, version: string, location = `node_modules/${name}`): InstalledPackage {
  return { name, version, location, path: ['app', name] };
}

function range(name: string, introduced: string, fixed: string): OsvAffected {
  return {
    package: { ecosystem: 'npm', name },
    ranges: [{ type: 'ECOSYSTEM', events: [{ introduced }, { fixed }] }],
  };
}

// Shaped like the database's ReDoS advisories: one `affected` entry per release line of the same package.
const perReleaseLine: Advisory = {
  id: 'GHSA-test-lines-0001',
  summary: 'route-pattern builds backtracking expressions',
  severity: 'HIGH',
  affected: [
    range('route-pattern', '0', '0.1.10'),
    range('route-pattern', '0.2.0', '1.9.0'),
    range('route-pattern', '4.0.0', '6.3.0'),
    range('route-pattern', '7.0.0', '8.0.0'),
  ],
};

describe('auditPackages', () => {
  it('matches the release line the installed version is on and names that line’s fix', () => {
    const { findings } = auditPackages([installed('route-pattern', '6.2.1')], [perReleaseLine]);
    expect(findings).toHaveLength(1);
    expect(findings[0].fixedIn).toBe('6.3.0');
  });

  it('finds nothing at a fixed version or between release lines', () => {
    for (const version of ['6.3.0', '0.1.10', '3.0.0', '8.4.2']) {
      expect(auditPackages([installed('route-pattern', version)], [perReleaseLine]).findings).toEqual([]);
    }
  });

  it('reports each installed copy of a package on its own', () => {
    const packages = [
      installed('route-pattern', '0.1.7', 'node_modules/old-router/node_modules/route-pattern'),
      installed('route-pattern', '7.1.0'),
    ];
    const { findings } = auditPackages(packages, [perReleaseLine]);
    expect(findings.map((finding) => [finding.package.location, finding.fixedIn])).toEqual([
      ['node_modules/old-router/node_modules/route-pattern', '0.1.10'],
      ['node_modules/route-pattern', '8.0.0'],
    ]);
  });

  it('only matches the package an advisory names', () => {
    expect(auditPackages([installed('route-patterns', '1.0.0')], [perReleaseLine]).findings).toEqual([]);
  });

  it('lists an advisory it cannot evaluate instead of failing the whole audit', () => {
    const broken: Advisory = {
      id: 'GHSA-test-bad-0001',
      summary: 'range with a tag name',
      severity: 'CRITICAL',
      affected: [range('tiny-parser', '0', 'latest')],
    };
    const result = auditPackages([installed('tiny-parser', '1.0.0')], [broken, perReleaseLine]);
    expect(result.findings).toEqual([]);
    expect(result.unreadable).toEqual([
      {
        package: installed('tiny-parser', '1.0.0'),
        advisoryId: 'GHSA-test-bad-0001',
        reason: expect.any(String),
      },
    ]);
  });

  it('counts an unrated advisory below LOW, so no threshold fails on it alone', () => {
    const unrated: Advisory = { ...perReleaseLine, id: 'GHSA-test-unrated', severity: undefined };
    const result = auditPackages([installed('route-pattern', '1.0.0')], [unrated]);
    expect(result.findings).toHaveLength(1);
    expect(findingsAtOrAbove(result, 'LOW')).toEqual([]);
  });
});
