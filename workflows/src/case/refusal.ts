import { ApplicationFailure } from '@temporalio/workflow';
import type { CaseErrorCode } from '@lep/contracts';

/**
 * A refused action: the caller gets the stable code as the failure type and the Chinese message; the workflow
 * itself carries on unchanged. Non-retryable because asking again cannot change the answer.
 */
export function refusal(code: CaseErrorCode, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message, nonRetryable: true });
}
