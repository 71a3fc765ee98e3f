import { createServer } from 'node:net';
import { Logger } from '@nestjs/common';
import type { LogEntry } from '@temporalio/worker';
import { withTimeout } from '../health/with-timeout';

const SCRAPE_TIMEOUT_MS = 3_000;

const TEMPORAL_LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

/**
 * Sets up the Temporal SDK runtime of a process that hosts workers — process-wide and only once, before any
 * worker connects (runService does it for services declaring `temporalRuntime`): the SDK core's own metrics
 * (task slots, poll and task latencies, sticky cache, requests to the frontend) on a Prometheus exporter bound
 * to a free loopback port, which the service's /metrics relays, and the SDK's log lines through the service's
 * JSON logger. Returns the /metrics source reading that exporter.
 */
export async function installTemporalRuntime(service: string): Promise<() => Promise<string>> {
  const { DefaultLogger, Runtime } = await import('@temporalio/worker');
  const port = await freeLoopbackPort();
  const logger = new Logger('Temporal');
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry: LogEntry) => writeEntry(logger, entry)),
    telemetryOptions: {
      metrics: {
        globalTags: { service },
        // Temporal's documented names (temporal_workflow_task_schedule_to_start_latency, …), durations in seconds.
        prometheus: {
          bindAddress: `127.0.0.1:${port}`,
          countersTotalSuffix: true,
          useSecondsForDurations: true,
        },
      },
    },
  });
  return async () => {
    const response = await withTimeout(
      fetch(`http://127.0.0.1:${port}/metrics`),
      SCRAPE_TIMEOUT_MS,
      "the Temporal runtime's metrics",
    );
    if (!response.ok) throw new Error(`the Temporal runtime's metrics answered ${response.status}`);
    return response.text();
  };
}

function writeEntry(logger: Logger, entry: LogEntry): void {
  const meta = entry.meta && Object.keys(entry.meta).length > 0 ? ` ${JSON.stringify(entry.meta)}` : '';
  const text = `${entry.message}${meta}`;
  const level = TEMPORAL_LOG_LEVELS.indexOf(entry.level as (typeof TEMPORAL_LOG_LEVELS)[number]);
  if (level >= 4) logger.error(text);
  else if (level === 3) logger.warn(text);
  else if (level === 2) logger.log(text);
  else logger.debug(text);
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
