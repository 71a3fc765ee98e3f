import type { Command } from 'commander';
import { SERVICE_NAMES, serviceUrl, ServiceName } from '../service-endpoints';

export interface ServiceHealth {
  service: ServiceName;
  url: string;
  status: 'up' | 'down';
  /** Dependencies reported down by the service, or why the service itself did not answer. */
  problems: string[];
}

interface TerminusBody {
  status?: string;
  details?: Record<string, { status: string; message?: string }>;
}

export async function checkServiceHealth(service: ServiceName, timeoutMs = 5_000): Promise<ServiceHealth> {
  const url = serviceUrl(service);
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as TerminusBody;
    const problems = Object.entries(body.details ?? {})
      .filter(([, detail]) => detail.status !== 'up')
      .map(([name, detail]) => `${name}: ${detail.message ?? detail.status}`);
    const status = response.ok && body.status === 'ok' ? 'up' : 'down';
    return { service, url, status, problems };
  } catch (error) {
    return {
      service,
      url,
      status: 'down',
      problems: [error instanceof Error ? error.message : String(error)],
    };
  }
}

export function registerHealthCommand(program: Command): void {
  program
    .command('health')
    .description('检查各服务及其依赖的健康状态 (check /health of every service)')
    .option('--json', 'print the results as JSON')
    .action(async (options: { json?: boolean }) => {
      const results = await Promise.all(SERVICE_NAMES.map((name) => checkServiceHealth(name)));
      if (options.json) {
        console.log(JSON.stringify(results, null, 2));
      } else {
        for (const result of results) {
          const detail = result.problems.length > 0 ? `  (${result.problems.join('; ')})` : '';
          console.log(
            `${result.status === 'up' ? 'up  ' : 'DOWN'}  ${result.service.padEnd(12)} ${result.url}${detail}`,
          );
        }
      }
      if (results.some((result) => result.status !== 'up')) process.exitCode = 1;
    });
}
