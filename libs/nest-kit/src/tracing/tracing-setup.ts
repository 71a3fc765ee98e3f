import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';

/** The name LEP's spans are recorded under. */
export const TRACER_NAME = '@lep/nest-kit';

/** LEP's tracer: records nothing until startTracing registered a provider in this process. */
export function lepTracer() {
  return trace.getTracer(TRACER_NAME);
}

export interface TracingOptions {
  service: string;
  /**
   * Where spans go: `otlp` sends them in batches over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (the exporter reads
   * the standard OTEL_EXPORTER_OTLP_* variables itself); an exporter (tests' in-memory one) gets each span as it
   * ends.
   */
  exporter: 'otlp' | SpanExporter;
}

/**
 * Registers the process's OpenTelemetry tracer provider — process-wide and once: W3C trace context propagation,
 * the async-hooks context manager, `service.name` on every span. Returns the provider, to flush and shut down.
 */
export function startTracing(options: TracingOptions): NodeTracerProvider {
  const processor =
    options.exporter === 'otlp'
      ? new BatchSpanProcessor(new OTLPTraceExporter())
      : new SimpleSpanProcessor(options.exporter);
  const resource = resourceFromAttributes({ 'service.name': `lep-${options.service}` });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  registered = { processor, resource };
  return provider;
}

/** Set by startTracing: where spans recorded outside the provider's own tracers (workflow sandboxes) go. */
let registered: { processor: SpanProcessor; resource: Resource } | undefined;

/** The registered provider's span processor and resource; undefined while this process records no traces. */
export function registeredSpanProcessor(): { processor: SpanProcessor; resource: Resource } | undefined {
  return registered;
}
