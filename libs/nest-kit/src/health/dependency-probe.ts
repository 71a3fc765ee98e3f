/** One dependency a service checks on /health: a name and a probe that resolves when it answers. */
export interface DependencyProbe {
  readonly name: 'database' | 'kafka' | 's3' | 'temporal' | 'temporal-worker';
  probe(): Promise<void>;
}

export const DEPENDENCY_PROBES = Symbol('DEPENDENCY_PROBES');

export const HEALTH_TIMEOUT_MS = 3_000;
