import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { redactLogText } from './redaction';
import { lepTracer } from '../tracing/tracing-setup';
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } from './request-context';

/** One served request, as logged and counted. */
export interface ServedRequest {
  method: string;
  /** The route template (`/api/v1/cases/:id`), never the raw path, so ids do not multiply metric series. */
  route: string;
  status: number;
  durationSeconds: number;
}

// Probes and scrapes come every few seconds; at info level they would drown what people read.
const ROUTINE = /^\/(health(\/(ready|live))?|metrics)$/;

/**
 * Express middleware, first in the chain: gives the request its id (the caller's X-Request-Id when sane, else a
 * fresh one), echoes it in the response, runs the rest of the request with it in the log context and inside a
 * server span (continuing the caller's W3C `traceparent`; recorded only when tracing is on), and when the response
 * is finished logs one line (method, route, status, duration), ends the span and hands the same facts to `observe`.
 */
export function requestLogging(logger: Logger, observe: (served: ServedRequest) => void) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const callerContext = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = lepTracer().startSpan(
      request.method,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'lep.request_id': requestId },
      },
      callerContext,
    );
    let ended = false;
    // 'close' alone when the client went away before the response was complete: the line is written all the same.
    const end = () => {
      if (ended) return;
      ended = true;
      const served: ServedRequest = {
        method: request.method,
        route: routeOf(request),
        status: response.statusCode,
        durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
      };
      observe(served);
      span.updateName(`${served.method} ${served.route}`);
      span.setAttributes({ 'http.route': served.route, 'http.response.status_code': served.status });
      if (served.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      const line = {
        requestId,
        method: served.method,
        route: served.route,
        // The path without its query, masked: ids in a path may be personal (a search by ID number).
        path: redactLogText(request.path),
        status: served.status,
        durationMs: Math.round(served.durationSeconds * 1000),
        ip: request.ip,
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      if (served.status >= 500) logger.error(line, 'request failed');
      else if (ROUTINE.test(request.path)) logger.debug(line, 'request completed');
      else logger.info(line, 'request completed');
    };
    response.once('finish', end);
    response.once('close', end);
    context.with(trace.setSpan(callerContext, span), () => runWithRequestContext({ requestId }, next));
  };
}

/** The matched route's template, or `unmatched` (a 404 of no route), so metric labels stay few. */
function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  if (typeof route?.path === 'string') return `${request.baseUrl}${route.path}`;
  return ROUTINE.test(request.path) ? request.path : 'unmatched';
}
