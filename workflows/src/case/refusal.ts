import { ApplicationFailure } from '@temporalio/workflow';
import type { CaseErrorCode } from '@lep/contracts';

/**
 * A refused action: the caller gets the stable code as the failure type and the Chinese message; the workflow
 * itself carries on unchanged. Non-retryable because asking again cannot change the answer. A refusal about one
 * field of the input names it in the details, which case-api answers as that field's violation.
 */
export function refusal(code: CaseErrorCode, message: string, field?: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: code,
    message,
    nonRetryable: true,
    ...(field ? { details: [{ field }] } : {}),
  });
}
