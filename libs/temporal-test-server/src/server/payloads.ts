/** A Temporal Payload as proto-loader gives it: metadata values and data are bytes. */
export interface Payload {
  metadata?: Record<string, Buffer | Uint8Array | string> | null;
  data?: Buffer | Uint8Array | null;
}

function text(value: Buffer | Uint8Array | string | null | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

/**
 * A search attribute's value, typed by the `type` metadata the SDK attaches: Keyword/Text → string,
 * Int/Double → number, Bool → boolean, Datetime → Date, KeywordList → string[].
 */
export function decodeSearchAttribute(payload: Payload): { type: string; value: unknown } {
  const type = text(payload.metadata?.type);
  const raw: unknown = payload.data && payload.data.length > 0 ? JSON.parse(text(payload.data)) : null;
  if (raw === null) return { type, value: undefined };
  switch (type) {
    case 'Datetime':
      return { type, value: new Date(String(raw)) };
    case 'KeywordList':
      return { type, value: Array.isArray(raw) ? raw.map(String) : [String(raw)] };
    case 'Int':
    case 'Double':
      return { type, value: Number(raw) };
    case 'Bool':
      return { type, value: Boolean(raw) };
    default:
      return { type, value: Array.isArray(raw) ? raw.map(String) : raw };
  }
}
