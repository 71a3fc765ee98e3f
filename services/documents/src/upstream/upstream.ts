import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ApiError, type ApiErrorBody } from '@lep/nest-kit';
import { DocumentsConfig } from '../config';
import type { CallerCredential } from './caller-credential';

/** The services the documents service calls, and how their unavailability reads to the caller. */
const UPSTREAMS = {
  registry: { code: 'REGISTRY_UNAVAILABLE', message: '暂时无法访问执法主体名录（registry），请稍后再试' },
  evidence: { code: 'EVIDENCE_UNAVAILABLE', message: '暂时无法访问证据存储服务（evidence），请稍后再试' },
} as const;
export type UpstreamName = keyof typeof UPSTREAMS;

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  const body = value as Partial<ApiErrorBody> | null;
  return typeof body?.code === 'string' && typeof body.message === 'string';
}

/**
 * HTTP to the registry and the evidence service under a deadline. A refusal there (4xx with the platform's error
 * body) is the caller's answer here too, with its code and message; anything else — no answer in time, a 5xx,
 * a body that is not ours — is 503 naming the service, so the caller retries and learns nothing internal.
 */
@Injectable()
export class Upstream {
  private readonly logger = new Logger(Upstream.name);

  constructor(private readonly config: DocumentsConfig) {}

  base(name: UpstreamName): string {
    return name === 'registry' ? this.config.REGISTRY_URL : this.config.EVIDENCE_URL;
  }

  async call(
    name: UpstreamName,
    path: string,
    credential: CallerCredential,
    init: { method?: string; body?: FormData } = {},
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base(name)), {
        method: init.method ?? 'GET',
        headers: { ...credential, accept: 'application/json' },
        body: init.body,
        signal: AbortSignal.timeout(this.config.DOCUMENTS_UPSTREAM_TIMEOUT_SECONDS * 1000),
      });
    } catch (error) {
      this.logger.warn(`${name} ${init.method ?? 'GET'} ${path}: ${(error as Error).message}`);
      throw this.unavailable(name);
    }
    if (response.ok) return response;
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status >= 400 && response.status < 500 && isApiErrorBody(body))
      throw new ApiError(response.status, body.code, body.message, body.violations);
    this.logger.warn(`${name} ${init.method ?? 'GET'} ${path} answered ${response.status}`);
    throw this.unavailable(name);
  }

  async json<T>(name: UpstreamName, path: string, credential: CallerCredential): Promise<T> {
    const response = await this.call(name, path, credential);
    return (await response.json()) as T;
  }

  unavailable(name: UpstreamName): ApiError {
    return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, UPSTREAMS[name].code, UPSTREAMS[name].message);
  }
}
