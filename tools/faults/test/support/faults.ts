import { Client } from 'pg';
import { DATABASES, SERVICE_NAMES, type ServiceName, type Stack } from './stack';

export const FAULT_KINDS = [
  ...SERVICE_NAMES.map((service) => `kill ${service}` as const),
  'kill kafka broker',
  'kill minio',
  'kill temporal server',
  'database connections terminated',
  'freeze worker',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How long a part stays away before it comes back; long enough for requests to fail against it. */
const OUTAGE_MS = 2_000;
/**
 * How long the worker stays frozen, as a worker starved of CPU or paused by its host: longer than Temporal's
 * default workflow task timeout (10 s), within LEP's (WORKFLOW_TASK_TIMEOUT, 30 s), so the tasks it holds are
 * still its own when it carries on (docs/operations.md: past the timeout, an SDK bug can leave a case unreplayable).
 */
const FREEZE_MS = 12_000;
/** Quiet time between faults, so the system recovers from one before the next. */
const BETWEEN_MS = 3_000;

/**
 * Injects one fault at a time, in turn, until told to stop and every kind has happened at least once. Each is a
 * crash: SIGKILL, mid-request, nothing drains; after the outage the part starts again where it was:
 * - a service or the worker: on its port;
 * - the Kafka broker JVM: on its port and log directory (a single broker: acknowledged writes are on its disk);
 * - MinIO: on its port and drive;
 * - the Temporal dev server: on its port and SQLite file; running cases must carry on where they were;
 * - PostgreSQL: every connection of every service is terminated (pg_terminate_backend), as a failover or a
 *   restart of the server drops them.
 * One is no crash: the worker is frozen (SIGSTOP) for 12 s and then continues (SIGCONT), with the tasks it held
 * still in hand while queries, updates and signals for its cases waited or were refused meanwhile.
 */
export class FaultInjector {
  readonly injected = new Map<FaultKind, number>();
  private stopping = false;
  private early = false;
  private running?: Promise<void>;

  constructor(
    private readonly stack: Stack,
    private readonly log: (line: string) => void,
    /** Cases being driven right now, logged with each fault: a fault nobody is using the system for proves little. */
    private readonly inFlight: () => number,
  ) {}

  /** Every kind has been injected at least once. */
  coveredAll(): boolean {
    return FAULT_KINDS.every((kind) => this.injected.has(kind));
  }

  start(): void {
    this.running = this.loop();
  }

  /**
   * Resolves once the current fault is over and every part is back; unless `early`, also once every kind has
   * been injected (early: the run failed, and the faults still to come could only make it fail later).
   */
  async stop(early = false): Promise<void> {
    this.stopping = true;
    this.early = early;
    await this.running;
  }

  private async loop(): Promise<void> {
    for (let turn = 0; ; turn += 1) {
      const kind = FAULT_KINDS[turn % FAULT_KINDS.length];
      if (this.stopping && (this.early || this.coveredAll())) return;
      await pause(BETWEEN_MS);
      const began = Date.now();
      const cases = this.inFlight();
      await this.inject(kind);
      this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
      this.log(`fault: ${kind} with ${cases} cases in flight (back after ${Date.now() - began} ms)`);
    }
  }

  private async inject(kind: FaultKind): Promise<void> {
    if (kind === 'kill kafka broker') {
      await this.stack.kafka.brokersDown();
      await pause(OUTAGE_MS);
      await this.stack.kafka.brokersUp();
    } else if (kind === 'kill minio') {
      await this.stack.s3.minio!.kill();
      await pause(OUTAGE_MS);
      await this.stack.s3.minio!.up();
    } else if (kind === 'kill temporal server') {
      await this.stack.temporal.server!.kill();
      await pause(OUTAGE_MS);
      await this.stack.temporal.server!.up();
    } else if (kind === 'database connections terminated') {
      await terminateConnections(this.stack.postgres.url);
    } else if (kind === 'freeze worker') {
      await this.stack.freeze('worker', FREEZE_MS);
    } else {
      const service = kind.slice('kill '.length) as ServiceName;
      await this.stack.kill(service);
      await pause(OUTAGE_MS);
      await this.stack.restart(service);
    }
  }
}

async function terminateConnections(serverUrl: string): Promise<number> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname LIKE ANY($1) AND pid <> pg_backend_pid()`,
      [[...new Set(Object.values(DATABASES))].map((name) => `${name}%`)],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
