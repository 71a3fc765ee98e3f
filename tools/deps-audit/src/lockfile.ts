import { readFileSync } from 'node:fs';

/** One entry of the `packages` map of a lockfile v2/v3, keyed there by its location ("" is the root). */
export interface LockEntry {
  name?: string;
  version?: string;
  dev?: boolean;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

/** An installed registry package that production code can load. */
export interface InstalledPackage {
  name: string;
  version: string;
  location: string;
  /** Package names from the root or a workspace down to this package; undefined when no production edge reaches it. */
  path?: string[];
}

export function readLockfile(file: string): Lockfile {
  const lock = JSON.parse(readFileSync(file, 'utf8')) as Partial<Lockfile>;
  if (lock.packages === undefined || (lock.lockfileVersion ?? 0) < 2) {
    throw new Error(`${file}: lockfile v2 or v3 with a "packages" map is needed (npm 7 or later writes one)`);
  }
  return { lockfileVersion: lock.lockfileVersion ?? 2, packages: lock.packages };
}

/**
 * The production closure: every installed package the lockfile does not flag `dev` (npm sets the flag on packages
 * reached only through devDependencies, so workspaces' own dependencies count as production). Each one carries the
 * shortest chain of production edges that brings it in, for the report.
 */
export function productionPackages(lock: Lockfile): InstalledPackage[] {
  const paths = productionPaths(lock);
  return Object.entries(lock.packages)
    .filter(([location, entry]) => isInstalledPackage(location, entry) && entry.dev !== true)
    .map(([location, entry]) => ({
      name: packageName(location, entry),
      version: entry.version as string,
      location,
      path: paths.get(location),
    }));
}

/** Registry packages live under a node_modules folder; the root and the workspaces are this repository's own code. */
function isInstalledPackage(location: string, entry: LockEntry): boolean {
  return location.includes('node_modules/') && entry.link !== true && entry.version !== undefined;
}

/** The name npm installed the package under, unless the entry says otherwise (an `npm:` alias keeps the real name). */
function packageName(location: string, entry: LockEntry): string {
  return entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** Breadth-first over production edges from the root and every workspace, so each package gets a shortest path. */
function productionPaths(lock: Lockfile): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const queue: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location.includes('node_modules/')) continue;
    paths.set(location, [entry.name ?? (location || 'root')]);
    queue.push(location);
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const from = next;
    for (const dependency of productionDependencies(lock.packages[from])) {
      const target = resolve(lock, from, dependency);
      if (target === undefined || paths.has(target) || lock.packages[target].dev === true) continue;
      paths.set(target, [...(paths.get(from) as string[]), dependency]);
      queue.push(target);
    }
  }
  return paths;
}

function productionDependencies(entry: LockEntry): string[] {
  return [
    ...Object.keys(entry.dependencies ?? {}),
    ...Object.keys(entry.optionalDependencies ?? {}),
    ...Object.keys(entry.peerDependencies ?? {}),
  ];
}

/**
 * Node's lookup: the nearest `node_modules/<name>` from the requiring package's folder upwards, with workspace links
 * followed to the workspace folder. Undefined when not installed (an optional dependency for another platform).
 */
function resolve(lock: Lockfile, from: string, name: string): string | undefined {
  for (let dir: string | undefined = from; dir !== undefined; dir = parentDir(dir)) {
    if (dir.endsWith('/node_modules') || dir === 'node_modules') continue;
    const candidate = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
    const entry = lock.packages[candidate];
    if (entry === undefined) continue;
    return entry.link === true && entry.resolved !== undefined ? entry.resolved : candidate;
  }
  return undefined;
}

function parentDir(dir: string): string | undefined {
  if (dir === '') return undefined;
  const slash = dir.lastIndexOf('/');
  return slash === -1 ? '' : dir.slice(0, slash);
}
