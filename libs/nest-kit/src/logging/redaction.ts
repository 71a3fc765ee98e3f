import { maskText } from '@lep/masking';

/**
 * Fields no log line may show, wherever a caller puts them in a logged object (pino `redact` paths): credentials
 * and the personal fields of parties. Nothing in LEP logs headers or bodies; this is the net under that rule.
 */
const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'apiKey',
  'password',
  'secret',
  'token',
  'accessToken',
  'idNumber',
  'phone',
  'mobile',
  'address',
];

export const REDACTED_PATHS = SECRET_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
  const nested = key.startsWith('[') ? key : `.${key}`;
  return [key, `*${nested}`, `*.*${nested}`];
});

export const REDACTION_CENSOR = '[redacted]';

const CREDENTIALS: Array<[RegExp, string]> = [
  // Staff tokens and API keys as they appear in an Authorization header or an error message.
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTION_CENSOR}`],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTION_CENSOR],
  [/\blep_[0-9a-fA-F]{16}_[A-Za-z0-9_-]+/g, REDACTION_CENSOR],
];

/**
 * A log message as it may be written: credentials removed, and resident ID numbers, phone numbers, bank
 * accounts, permits and addresses masked the way the public portal masks them (@lep/masking).
 */
export function redactLogText(text: string): string {
  let redacted = text;
  for (const [pattern, replacement] of CREDENTIALS) redacted = redacted.replace(pattern, replacement);
  return maskText(redacted).masked;
}
