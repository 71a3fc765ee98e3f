import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written while serving one HTTP request carries. */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The header a caller (or the proxy in front) names its request with; the service echoes it. */
export const REQUEST_ID_HEADER = 'x-request-id';

// Ids a proxy or a client typically send (UUIDs, trace ids, short tokens); anything else is replaced, so a
// caller cannot inject line breaks, markup or megabytes into every log line of its request.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is sane, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const offered = Array.isArray(header) ? header[0] : header;
  return offered !== undefined && SANE_REQUEST_ID.test(offered) ? offered : randomUUID();
}

/** Runs `work` (the rest of a request's handling) with `context` visible to every log call inside it. */
export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The id of the HTTP request being served, if any (undefined in background work: relays, consumers). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
