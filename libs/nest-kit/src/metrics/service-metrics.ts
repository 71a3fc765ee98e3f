import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ServedRequest } from '../logging';

/** Seconds; from a cached read to a slow report, with the 1–10 s range a staff member notices. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Node's process figures, collected once per process (each collection adds observers that live as long as the
 * process, and tests build many applications in one), labelled with the first service that asked.
 */
let processRegistry: Registry | undefined;
function processMetrics(service: string): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    processRegistry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: processRegistry, prefix: 'lep_' });
  }
  return processRegistry;
}

/**
 * The Prometheus registry of one service process: Node's process figures (`lep_process_*`, `lep_nodejs_*`), the
 * HTTP requests it served, and whatever collectors the service's dependencies add (messaging-metrics.ts). Every
 * series carries `service`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly process: Registry;
  private readonly scrapeStarts: Array<() => void> = [];
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    this.process = processMetrics(service);
    this.requests = new Counter({
      name: 'lep_http_requests_total',
      help: 'HTTP requests served, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'lep_http_request_duration_seconds',
      help: 'Time from a request arriving to its response finished, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers: [this.registry],
    });
  }

  /** Counts a served request (requestLogging's observer). */
  readonly observeRequest = (served: ServedRequest): void => {
    const labels = { method: served.method, route: served.route, status: String(served.status) };
    this.requests.inc(labels);
    this.duration.observe(labels, served.durationSeconds);
  };

  /** Runs `start` at the beginning of every scrape (a collector drops what it read for the previous one). */
  onScrape(start: () => void): void {
    this.scrapeStarts.push(start);
  }

  /** A gauge whose values are read at scrape time; `collect` sets them (and may take a while: it is awaited). */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    collect: (gauge: Gauge<L>) => Promise<void> | void,
  ): Gauge<L> {
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }

  /** The text exposition of every series, plus `extra` (another exporter's text, e.g. the Temporal runtime's). */
  async exposition(extra: Array<() => Promise<string>> = []): Promise<string> {
    for (const start of this.scrapeStarts) start();
    const parts = [await this.registry.metrics(), await this.process.metrics()];
    for (const more of extra)
      // One source failing (the Temporal exporter restarting) must not hide every other figure.
      parts.push(
        await more().catch(
          (error: unknown) => `# source failed: ${error instanceof Error ? error.message : String(error)}\n`,
        ),
      );
    return parts.join('\n');
  }
}
