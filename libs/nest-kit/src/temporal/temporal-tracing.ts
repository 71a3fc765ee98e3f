import { createTraceState, type SpanContext } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  type OpenTelemetrySinks,
  type SerializableSpan,
} from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, WorkerOptions } from '@temporalio/worker';
import { registeredSpanProcessor } from '../tracing';

/**
 * The module every workflow bundle carries (workflows/scripts/bundle.js): it continues the caller's trace inside
 * the workflow and passes it on to each activity through the Temporal headers.
 */
export const WORKFLOW_TRACING_MODULE =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/**
 * The client side of Temporal tracing: a start, signal, update or query joins the caller's trace (the HTTP
 * request) and carries it to the workflow in the headers. Spans go nowhere unless startTracing registered a provider.
 */
export function tracingClientInterceptors() {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/**
 * The worker side: each activity runs inside a span continuing the workflow's trace, so what it does — an event
 * written to the outbox — carries the trace on to Kafka; workflow spans leave the sandbox through the `exporter` sink.
 */
export function tracingWorkerOptions(): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: workflowSpanSinks(),
  };
}

/**
 * The sink the workflow interceptors export their spans to. The sandbox records them with the interceptors' own
 * OpenTelemetry SDK 1.x (parent as `parentSpanId`, scope as `instrumentationLibrary`); they are handed to this
 * process's SDK 2.x processor in its shape, under the service's own resource. Without a provider they are dropped.
 */
function workflowSpanSinks(): InjectedSinks<OpenTelemetrySinks> {
  return {
    exporter: {
      export: {
        fn: (info, spans) => {
          const target = registeredSpanProcessor();
          if (!target) return;
          for (const span of spans) {
            Object.assign(span.attributes, info);
            target.processor.onEnd(readableSpan(span, target.resource));
          }
        },
      },
    },
  };
}

function readableSpan(span: SerializableSpan, resource: ReadableSpan['resource']): ReadableSpan {
  const { traceState, ...ids } = span.spanContext;
  const spanContext: SpanContext = {
    ...ids,
    ...(traceState ? { traceState: createTraceState(traceState) } : {}),
  };
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => spanContext,
    parentSpanContext: span.parentSpanId
      ? { traceId: spanContext.traceId, spanId: span.parentSpanId, traceFlags: spanContext.traceFlags }
      : undefined,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status,
    attributes: span.attributes,
    links: span.links,
    events: span.events,
    duration: span.duration,
    ended: span.ended,
    resource,
    instrumentationScope: span.instrumentationLibrary,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}
