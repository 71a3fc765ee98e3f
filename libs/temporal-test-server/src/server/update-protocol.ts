import { temporal } from '@temporalio/proto';
import type { Proto } from './execution';

const update = temporal.api.update.v1;
const TYPE_PREFIX = 'type.googleapis.com/temporal.api.update.v1.';
const DECODE_OPTIONS = { longs: String, enums: String, defaults: false } as const;

/** Packs an update request into the `google.protobuf.Any` body of a protocol message to the worker. */
export function packRequest(request: Proto): Proto {
  const value = update.Request.encode(update.Request.fromObject(request)).finish();
  // protobufjs keeps google.protobuf.Any's field as `type_url` even with camel-cased field names.
  return { type_url: `${TYPE_PREFIX}Request`, value: Buffer.from(value) };
}

export type WorkerUpdateMessage =
  | { kind: 'Acceptance'; body: Proto }
  | { kind: 'Rejection'; body: Proto }
  | { kind: 'Response'; body: Proto };

/** Decodes the Acceptance / Rejection / Response a worker sends back for an update. */
export function unpackWorkerMessage(any: Proto): WorkerUpdateMessage {
  const typeUrl = String(any.type_url ?? any.typeUrl ?? '');
  const value = Buffer.from(any.value ?? []);
  if (typeUrl.endsWith('Acceptance')) {
    return {
      kind: 'Acceptance',
      body: update.Acceptance.toObject(update.Acceptance.decode(value), DECODE_OPTIONS),
    };
  }
  if (typeUrl.endsWith('Rejection')) {
    return {
      kind: 'Rejection',
      body: update.Rejection.toObject(update.Rejection.decode(value), DECODE_OPTIONS),
    };
  }
  if (typeUrl.endsWith('Response')) {
    return {
      kind: 'Response',
      body: update.Response.toObject(update.Response.decode(value), DECODE_OPTIONS),
    };
  }
  throw new Error(`unknown protocol message ${typeUrl}`);
}
