/**
 * Kafka's answers that condemn the messages themselves rather than the moment: the same bytes sent again get the
 * same answer, so retrying would hold their key forever without telling anyone. Everything else (broker down,
 * leader moving, unknown topic, authorisation, timeouts) may pass and is retried.
 */
export const REFUSED_FOR_GOOD: readonly string[] = [
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TOPIC_EXCEPTION',
];

/** The Kafka protocol error type behind a kafkajs error, looking through its wrappers (retries, non-retriable). */
export function kafkaErrorType(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth += 1) {
    const type = (current as { type?: unknown }).type;
    if (typeof type === 'string') return type;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when Kafka refused the messages themselves: no retry of the same bytes can succeed. */
export function refusedForGood(error: unknown): boolean {
  const type = kafkaErrorType(error);
  return type !== undefined && REFUSED_FOR_GOOD.includes(type);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
