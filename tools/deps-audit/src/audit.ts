import { SEVERITIES, type Advisory, type Severity } from './advisories';
import type { InstalledPackage } from './lockfile';
import { fixedVersion, isAffected, UnreadableRangeError } from './osv-range';

export interface Finding {
  package: InstalledPackage;
  advisory: Advisory;
  /** undefined when the advisory names no fixed version for the installed one. */
  fixedIn?: string;
}

/** An advisory about an installed package whose ranges could not be evaluated; shown so it is checked by hand. */
export interface UnreadableAdvisory {
  package: InstalledPackage;
  advisoryId: string;
  reason: string;
}

export interface AuditResult {
  packagesAudited: number;
  advisoriesLoaded: number;
  findings: Finding[];
  unreadable: UnreadableAdvisory[];
}

export function auditPackages(packages: InstalledPackage[], advisories: Advisory[]): AuditResult {
  const byName = advisoriesByPackageName(advisories);
  const findings: Finding[] = [];
  const unreadable: UnreadableAdvisory[] = [];
  for (const pkg of packages) {
    for (const advisory of byName.get(pkg.name) ?? []) {
      try {
        const finding = match(pkg, advisory);
        if (finding !== undefined) findings.push(finding);
      } catch (error) {
        if (!(error instanceof UnreadableRangeError)) throw error;
        unreadable.push({ package: pkg, advisoryId: advisory.id, reason: error.message });
      }
    }
  }
  findings.sort(
    (a, b) => severityRank(b.advisory.severity) - severityRank(a.advisory.severity) || byPackage(a, b),
  );
  return { packagesAudited: packages.length, advisoriesLoaded: advisories.length, findings, unreadable };
}

/** Unrated advisories rank below LOW: the database rates every reviewed advisory, so this is only a fallback. */
export function severityRank(severity: Severity | undefined): number {
  return severity === undefined ? -1 : SEVERITIES.indexOf(severity);
}

export function findingsAtOrAbove(result: AuditResult, threshold: Severity): Finding[] {
  return result.findings.filter(
    (finding) => severityRank(finding.advisory.severity) >= severityRank(threshold),
  );
}

function match(pkg: InstalledPackage, advisory: Advisory): Finding | undefined {
  const hit = advisory.affected.find(
    (affected) => affected.package.name === pkg.name && isAffected(pkg.version, affected),
  );
  if (hit === undefined) return undefined;
  return { package: pkg, advisory, fixedIn: fixedVersion(pkg.version, hit) };
}

function advisoriesByPackageName(advisories: Advisory[]): Map<string, Advisory[]> {
  const byName = new Map<string, Advisory[]>();
  for (const advisory of advisories) {
    for (const name of new Set(advisory.affected.map((affected) => affected.package.name))) {
      byName.set(name, [...(byName.get(name) ?? []), advisory]);
    }
  }
  return byName;
}

function byPackage(a: Finding, b: Finding): number {
  return a.package.name.localeCompare(b.package.name) || a.package.location.localeCompare(b.package.location);
}
