import type { Payload } from '@temporalio/common';

/**
 * The JSON of Temporal's remote codec protocol (what the Web UI and `temporal --codec-endpoint` send to
 * POST /encode and /decode): `{"payloads":[{"metadata":{"encoding":"<base64>"},"data":"<base64>"}]}`, the proto3
 * JSON form of Payloads, bytes as base64.
 */
export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/** Payloads in one request: a history page's worth, never an unbounded list. */
export const MAX_CODEC_PAYLOADS = 1000;

/** Why a codec request body is not a list of payloads: the field and the rule it breaks. */
export class CodecRequestError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'CodecRequestError';
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;

function bytes(value: unknown, field: string): Buffer {
  if (typeof value !== 'string' || !BASE64.test(value))
    throw new CodecRequestError(field, 'isBase64', `${field} 必须是 base64 编码的字符串`);
  return Buffer.from(value, 'base64');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Like every LEP API, a field the protocol does not have is refused rather than ignored. */
function onlyKnown(value: Record<string, unknown>, known: string[], prefix: string): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined)
    throw new CodecRequestError(
      `${prefix}${unknown}`,
      'whitelistValidation',
      `${prefix}${unknown} 是不允许的字段`,
    );
}

export function payloadsFromJson(body: unknown): Payload[] {
  if (!isObject(body) || !Array.isArray(body.payloads))
    throw new CodecRequestError('payloads', 'isArray', 'payloads 必须是载荷（payload）数组');
  onlyKnown(body, ['payloads'], '');
  if (body.payloads.length > MAX_CODEC_PAYLOADS)
    throw new CodecRequestError('payloads', 'arrayMaxSize', `payloads 一次最多 ${MAX_CODEC_PAYLOADS} 个载荷`);
  return body.payloads.map((item: unknown, index) => {
    const field = `payloads[${index}]`;
    if (!isObject(item)) throw new CodecRequestError(field, 'isObject', `${field} 必须是对象`);
    onlyKnown(item, ['metadata', 'data'], `${field}.`);
    const { metadata, data } = item;
    if (metadata !== undefined && metadata !== null && !isObject(metadata))
      throw new CodecRequestError(`${field}.metadata`, 'isObject', `${field}.metadata 必须是对象`);
    return {
      metadata: Object.fromEntries(
        Object.entries(metadata ?? {}).map(([key, value]) => [key, bytes(value, `${field}.metadata.${key}`)]),
      ),
      ...(data === undefined || data === null ? {} : { data: bytes(data, `${field}.data`) }),
    };
  });
}

const base64 = (value: Uint8Array): string => Buffer.from(value).toString('base64');

export function payloadsToJson(payloads: Payload[]): { payloads: JsonPayload[] } {
  return {
    payloads: payloads.map((payload) => ({
      metadata: Object.fromEntries(
        Object.entries(payload.metadata ?? {}).flatMap(([key, value]) =>
          value ? [[key, base64(value)]] : [],
        ),
      ),
      ...(payload.data ? { data: base64(payload.data) } : {}),
    })),
  };
}
