export { lepTracer, registeredSpanProcessor, startTracing, TRACER_NAME } from './tracing-setup';
export type { TracingOptions } from './tracing-setup';
export { activeSpanContext, contextOfEvent, withTraceContext } from './trace-context';
export type { TraceExtension } from './trace-context';
