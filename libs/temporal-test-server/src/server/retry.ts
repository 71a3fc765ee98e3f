import type { Proto } from './execution';
import { durationMs } from './time';

export interface RetryDecision {
  retry: boolean;
  backoffMs: number;
  retryState: string;
}

const DEFAULT_INITIAL_MS = 1_000;
const DEFAULT_COEFFICIENT = 2;

/** Whether an activity attempt that failed with `failure` is tried again, and after how long (Temporal's rules). */
export function decideRetry(
  policy: Proto | undefined,
  attempt: number,
  failure: Proto,
  elapsedMs: number,
  scheduleToCloseMs: number | undefined,
): RetryDecision {
  const nonRetryableType = failure.applicationFailureInfo?.type;
  if (failure.applicationFailureInfo?.nonRetryable) {
    return { retry: false, backoffMs: 0, retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE' };
  }
  if (nonRetryableType && (policy?.nonRetryableErrorTypes ?? []).includes(nonRetryableType)) {
    return { retry: false, backoffMs: 0, retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE' };
  }
  const maximumAttempts = Number(policy?.maximumAttempts ?? 0);
  if (maximumAttempts > 0 && attempt >= maximumAttempts) {
    return { retry: false, backoffMs: 0, retryState: 'RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED' };
  }
  const initial = durationMs(policy?.initialInterval) ?? DEFAULT_INITIAL_MS;
  const coefficient = Number(policy?.backoffCoefficient ?? 0) || DEFAULT_COEFFICIENT;
  const maximum = durationMs(policy?.maximumInterval) ?? initial * 100;
  const nextDelayFromFailure = durationMs(failure.applicationFailureInfo?.nextRetryDelay);
  const backoffMs = nextDelayFromFailure ?? Math.min(maximum, initial * coefficient ** (attempt - 1));
  if (scheduleToCloseMs !== undefined && elapsedMs + backoffMs >= scheduleToCloseMs) {
    return { retry: false, backoffMs: 0, retryState: 'RETRY_STATE_TIMEOUT' };
  }
  return { retry: true, backoffMs, retryState: 'RETRY_STATE_IN_PROGRESS' };
}
