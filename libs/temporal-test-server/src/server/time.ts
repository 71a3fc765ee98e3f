/** Protobuf Timestamp/Duration as @grpc/proto-loader gives and takes them (longs as strings). */
export interface ProtoTime {
  seconds?: string | number | null;
  nanos?: number | null;
}

export function toTimestamp(ms: number): ProtoTime {
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

export function fromProtoTime(time: ProtoTime | null | undefined): number {
  if (!time) return 0;
  return Number(time.seconds ?? 0) * 1000 + Math.floor((time.nanos ?? 0) / 1e6);
}

/** A duration in ms, or undefined when the field is absent or zero (Temporal's "no limit"). */
export function durationMs(duration: ProtoTime | null | undefined): number | undefined {
  const ms = fromProtoTime(duration);
  return ms > 0 ? ms : undefined;
}

export function toDuration(ms: number | undefined): ProtoTime {
  return toTimestamp(ms ?? 0);
}
