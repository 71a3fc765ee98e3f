/**
 * One dependency a service checks: a name, a readiness probe and, where a failure is one only a restart repairs, a
 * liveness check. Readiness failing takes the instance out of traffic (a broker blip must not restart pods);
 * liveness failing gets it restarted.
 */
export interface DependencyProbe {
  readonly name: 'database' | 'kafka' | 's3' | 'temporal' | 'temporal-worker';
  /** Readiness: resolves when the dependency answers. */
  probe(): Promise<void>;
  /** Liveness: throws only when this process can no longer recover by itself (no I/O: answers at once). */
  alive?(): void;
}

export const DEPENDENCY_PROBES = Symbol('DEPENDENCY_PROBES');

export const HEALTH_TIMEOUT_MS = 3_000;
