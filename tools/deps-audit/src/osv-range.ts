import * as semver from 'semver';

/** One `affected[]` entry of an OSV advisory, reduced to what version matching needs. */
export interface OsvAffected {
  package: { ecosystem: string; name: string };
  ranges?: OsvRange[];
  versions?: string[];
}

export interface OsvRange {
  type: string;
  events: OsvEvent[];
}

/** Exactly one of the fields is set in each event (OSV schema). */
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
}

/** Raised when an advisory's range holds a version that is not semver; the audit reports it instead of guessing. */
export class UnreadableRangeError extends Error {}

/**
 * Whether `version` lies in the affected entry: listed explicitly in `versions`, or inside one of its SEMVER or
 * ECOSYSTEM ranges (npm's ecosystem order is semver order; GIT ranges speak of commits and cannot match a version).
 */
export function isAffected(version: string, affected: OsvAffected): boolean {
  if (affected.versions?.includes(version)) return true;
  return versionRanges(affected).some((range) => rangeContains(range, version));
}

/**
 * The lowest version that leaves the affected interval `version` is in, or undefined when the advisory names no fix
 * for it (only `last_affected`, or nothing after `introduced`).
 */
export function fixedVersion(version: string, affected: OsvAffected): string | undefined {
  const fixes = versionRanges(affected)
    .filter((range) => rangeContains(range, version))
    .map(
      (range) =>
        sortedEvents(range).find((event) => event.fixed !== undefined && gt(event.fixed, version))?.fixed,
    )
    .filter((fixed): fixed is string => fixed !== undefined);
  return fixes.sort(compare)[0];
}

function versionRanges(affected: OsvAffected): OsvRange[] {
  return (affected.ranges ?? []).filter((range) => range.type === 'SEMVER' || range.type === 'ECOSYSTEM');
}

/**
 * The OSV evaluation: walk the events in version order; an `introduced` at or below the version opens the interval,
 * a `fixed` at or below it closes it, a `last_affected` below it closes it.
 */
function rangeContains(range: OsvRange, version: string): boolean {
  let affected = false;
  for (const event of sortedEvents(range)) {
    if (event.introduced !== undefined) {
      if (event.introduced === '0' || gte(version, event.introduced)) affected = true;
    } else if (event.fixed !== undefined) {
      if (gte(version, event.fixed)) affected = false;
    } else if (event.last_affected !== undefined) {
      if (gt(version, event.last_affected)) affected = false;
    }
  }
  return affected;
}

/** Events in version order; `introduced: "0"` is below every version, and at equal versions an opening comes first. */
function sortedEvents(range: OsvRange): OsvEvent[] {
  return [...range.events].sort((a, b) => {
    const byVersion = compare(eventVersion(a), eventVersion(b));
    return byVersion !== 0
      ? byVersion
      : Number(a.introduced === undefined) - Number(b.introduced === undefined);
  });
}

function eventVersion(event: OsvEvent): string {
  const version = event.introduced ?? event.fixed ?? event.last_affected;
  if (version === undefined)
    throw new UnreadableRangeError('OSV event without introduced, fixed or last_affected');
  return version === '0' ? '0.0.0-0' : version;
}

function compare(a: string, b: string): number {
  return semver.compare(parse(a), parse(b));
}

function gte(a: string, b: string): boolean {
  return compare(a, b) >= 0;
}

function gt(a: string, b: string): boolean {
  return compare(a, b) > 0;
}

function parse(version: string): semver.SemVer {
  const parsed = semver.parse(version === '0' ? '0.0.0-0' : version);
  if (parsed === null) throw new UnreadableRangeError(`"${version}" is not a semver version`);
  return parsed;
}
