import {
  context,
  propagation,
  ROOT_CONTEXT,
  trace,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';

/** The W3C trace context fields a CloudEvent carries (the CloudEvents distributed-tracing extension). */
export interface TraceExtension {
  traceparent?: string;
  tracestate?: string;
}

/**
 * `event` with the active trace context as its `traceparent` (and `tracestate`) extension attributes, so the
 * consumer's work joins the trace of the request that produced the event. Unchanged outside a recorded trace.
 */
export function withTraceContext<E extends object>(event: E): E & TraceExtension {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (!carrier.traceparent) return event;
  return {
    ...event,
    traceparent: carrier.traceparent,
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

/** The context a consumer continues: the trace of the event's producer, or a fresh root. */
export function contextOfEvent(event: TraceExtension): Context {
  const carrier: Record<string, string> = {};
  if (typeof event.traceparent === 'string') carrier.traceparent = event.traceparent;
  if (typeof event.tracestate === 'string') carrier.tracestate = event.tracestate;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** The active span's ids, for log lines; undefined outside a recorded trace. */
export function activeSpanContext(): SpanContext | undefined {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext : undefined;
}
