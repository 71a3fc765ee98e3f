import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = join(__dirname, '..', '..');

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test: string[] };
  entrypoint?: string[];
  volumes?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export function readRepoFile(relativePath: string): string {
  return readFileSync(join(REPO_ROOT, relativePath), 'utf8');
}

/** The compose file as Docker Compose sees it, YAML anchors and `<<` merge keys resolved. */
export function loadCompose(): ComposeFile {
  return parse(readRepoFile('docker-compose.yml'), { merge: true }) as ComposeFile;
}

/** Every string value of a parsed YAML tree (comments are not values). */
function stringValues(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(stringValues);
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(stringValues);
  return [];
}

/** Every `${VAR:-default}` in the compose file's values: variable name → the defaults written for it. */
export function variableDefaults(compose: ComposeFile): Map<string, Set<string | undefined>> {
  const defaults = new Map<string, Set<string | undefined>>();
  for (const [, name, fallback] of stringValues(compose).flatMap((value) => [...value.matchAll(VARIABLE)])) {
    const seen = defaults.get(name) ?? new Set<string | undefined>();
    seen.add(fallback);
    defaults.set(name, seen);
  }
  return defaults;
}

/** A value as `docker compose up` resolves it with no variable set: every `${VAR:-default}` becomes its default. */
export function withDefaults(value: string): string {
  return value.replace(VARIABLE, (whole, name: string, fallback: string | undefined) => {
    if (fallback === undefined) throw new Error(`${whole} has no default: ${name} would be empty`);
    return fallback;
  });
}

/** A service's environment with defaults applied, as the container receives it. */
export function resolvedEnvironment(service: ComposeService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [name, withDefaults(String(value))]),
  );
}

/** `KEY=value` lines of a dotenv file, comments and blank lines skipped. */
export function parseDotenv(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const separator = trimmed.indexOf('=');
    entries.set(trimmed.slice(0, separator), trimmed.slice(separator + 1));
  }
  return entries;
}

/** Finds a cycle among the given edges and returns it as a path, or undefined when there is none. */
export function findCycle(edges: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'visiting');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}
