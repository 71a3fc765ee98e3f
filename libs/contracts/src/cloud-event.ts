/**
 * CloudEvents 1.0 in structured JSON mode: the whole envelope is the Kafka message value. `id` is stable
 * across retries and relays, so consumers de-duplicate on it.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  /** URI-reference of the producing service, e.g. `/lep/case-api` or `/lep/publication`. */
  source: string;
  /** Reverse-DNS event type, e.g. `cn.lep.case.decision.made.v1`. */
  type: string;
  /** The aggregate the event is about, e.g. a case or decision id. */
  subject: string;
  /** RFC 3339 time the fact happened. */
  time: string;
  datacontenttype: 'application/json';
  data: T;
}

export const CLOUD_EVENT_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

export interface NewCloudEvent<T> {
  source: string;
  type: string;
  subject: string;
  data: T;
  /** Supply a deterministic id when the same fact may be emitted again (e.g. by a retried activity). */
  id?: string;
  time?: Date;
}

export function createCloudEvent<T>(event: NewCloudEvent<T>): CloudEvent<T> {
  return {
    specversion: '1.0',
    // The global Web Crypto keeps this module free of Node imports, so workflow bundles may include it.
    id: event.id ?? globalThis.crypto.randomUUID(),
    source: event.source,
    type: event.type,
    subject: event.subject,
    time: (event.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
  };
}

const REQUIRED_FIELDS = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'data'] as const;

/** Parses a Kafka message value into a CloudEvent, or explains in one sentence why it is not one. */
export function parseCloudEvent(value: Buffer | string | null): CloudEvent {
  if (value === null) throw new Error('message has no value');
  const parsed: unknown = JSON.parse(value.toString());
  if (typeof parsed !== 'object' || parsed === null) throw new Error('message value is not a JSON object');
  const record = parsed as Record<string, unknown>;
  for (const field of REQUIRED_FIELDS) {
    if (record[field] === undefined || record[field] === null || record[field] === '') {
      throw new Error(`CloudEvent field "${field}" is missing`);
    }
  }
  if (record.specversion !== '1.0')
    throw new Error(`unsupported CloudEvents specversion ${String(record.specversion)}`);
  return parsed as CloudEvent;
}
