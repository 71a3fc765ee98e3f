import { HttpStatus } from '@nestjs/common';
import { ApiError, type FieldViolation } from '@lep/nest-kit';
import { CASE_ERROR_CODES, type CaseErrorCode } from '@lep/contracts';
import {
  isGrpcDeadlineError,
  isGrpcServiceError,
  ServiceError,
  WorkflowFailedError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';

/** HTTP status of each refusal the case workflows raise (their messages are already Chinese). */
const STATUS_OF: Record<CaseErrorCode, HttpStatus> = {
  [CASE_ERROR_CODES.wrongStage]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.reviewNotApproved]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.draftMismatch]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.hearingWindowClosed]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.avMissing]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.taskNotOpen]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.taskClaimedByOther]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.taskNotClaimant]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.caseClosed]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.reviewerIsHandler]: HttpStatus.FORBIDDEN,
  [CASE_ERROR_CODES.reviewerNotQualified]: HttpStatus.FORBIDDEN,
  [CASE_ERROR_CODES.reviewerConflictDeclared]: HttpStatus.FORBIDDEN,
  [CASE_ERROR_CODES.notPrincipalLeader]: HttpStatus.FORBIDDEN,
  [CASE_ERROR_CODES.checklistInconsistent]: HttpStatus.BAD_REQUEST,
  [CASE_ERROR_CODES.decisionDateInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CASE_ERROR_CODES.collectiveDiscussionMissing]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CASE_ERROR_CODES.coercionKindMismatch]: HttpStatus.BAD_REQUEST,
  [CASE_ERROR_CODES.coercionMeasureNotFound]: HttpStatus.NOT_FOUND,
  [CASE_ERROR_CODES.decisionKindMismatch]: HttpStatus.BAD_REQUEST,
  [CASE_ERROR_CODES.inspectionPlanInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CASE_ERROR_CODES.alreadyWithdrawn]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.alreadyRemade]: HttpStatus.CONFLICT,
  [CASE_ERROR_CODES.officerNotRegistered]: HttpStatus.FORBIDDEN,
  [CASE_ERROR_CODES.officerNotCertified]: HttpStatus.FORBIDDEN,
  [CASE_ERROR_CODES.officerNotAssigned]: HttpStatus.FORBIDDEN,
  [CASE_ERROR_CODES.officerNotLeader]: HttpStatus.FORBIDDEN,
  [CASE_ERROR_CODES.officerMissing]: HttpStatus.BAD_REQUEST,
  [CASE_ERROR_CODES.deciderRecused]: HttpStatus.FORBIDDEN,
  [CASE_ERROR_CODES.onSiteDisclosureInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CASE_ERROR_CODES.handlerReplacementInvalid]: HttpStatus.CONFLICT,
};

export const workflowErrors = {
  caseNotFound: () => new ApiError(HttpStatus.NOT_FOUND, 'CASE_NOT_FOUND', '案件不存在'),
  workflowEnded: () =>
    new ApiError(HttpStatus.CONFLICT, CASE_ERROR_CODES.caseClosed, '案件流程已结束，不能再办理该事项'),
  /** The id of this agency's case number is already another workflow's; nothing of that workflow is shown. */
  caseIdConflict: () =>
    new ApiError(
      HttpStatus.CONFLICT,
      'CASE_ID_CONFLICT',
      '该案件编号对应的案件标识已被其他案件使用，无法立案，请联系平台运维人员',
    ),
  /** A 案卷 exists from 归档 on (domain.md R6). */
  caseNotArchived: () =>
    new ApiError(HttpStatus.CONFLICT, 'CASE_NOT_ARCHIVED', '案件尚未归档，没有可导出的案卷'),
  alreadyWithdrawn: () =>
    new ApiError(HttpStatus.CONFLICT, CASE_ERROR_CODES.alreadyWithdrawn, '该决定已被撤回，不能再次撤回'),
  /** No action of this request id reached the workflow (or the workflow is gone). */
  actionNotFound: () =>
    new ApiError(
      HttpStatus.NOT_FOUND,
      'ACTION_NOT_FOUND',
      '没有该 requestId 的办理记录：如此前的提交未被受理，请以相同 requestId 重新提交',
    ),
  unavailable: () =>
    new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'CASE_WORKFLOW_UNAVAILABLE',
      '案件流程暂时无法响应，请使用相同的 requestId 重试',
    ),
};

function isCaseErrorCode(type: string | undefined | null): type is CaseErrorCode {
  return Object.values(CASE_ERROR_CODES).includes(type as CaseErrorCode);
}

/**
 * Translates what a workflow update throws into the API's answer: refusals keep the workflow's code and
 * Chinese message; a missing workflow is 404 (or 409 once the case is known but its workflow has ended);
 * an update that did not answer in time, or Temporal out of reach, is 503 and safe to retry with the same
 * requestId (or, for a start, the same case number).
 */
export function toApiError(error: unknown, caseKnown: boolean): unknown {
  // A workflow that refuses its one act (a withdrawal after archive whose officer may not approve it) fails with
  // the refusal, as an update does.
  if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure) {
      if (isCaseErrorCode(cause.type))
        return new ApiError(STATUS_OF[cause.type], cause.type, cause.message, fieldViolations(cause));
      // A refusal the contract does not list yet still refuses against the case's state, in Chinese.
      return new ApiError(HttpStatus.CONFLICT, 'CASE_ACTION_REFUSED', cause.message);
    }
    return error;
  }
  if (error instanceof WorkflowNotFoundError)
    return caseKnown ? workflowErrors.workflowEnded() : workflowErrors.caseNotFound();
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || temporalUnreachable(error))
    return workflowErrors.unavailable();
  return error;
}

/**
 * A refusal about one field of the input (workflows/src/case/refusal.ts puts its name in the failure's details)
 * names it as bad input does, under the refusal's code.
 */
function fieldViolations(failure: ApplicationFailure): FieldViolation[] | undefined {
  const field = (failure.details?.[0] as { field?: unknown } | undefined)?.field;
  if (typeof field !== 'string' || !failure.type) return undefined;
  return [{ field, rule: failure.type, message: failure.message }];
}

/** gRPC code 14 (UNAVAILABLE): the Temporal frontend cannot be reached right now. */
const GRPC_UNAVAILABLE = 14;

function temporalUnreachable(error: unknown): boolean {
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isGrpcDeadlineError(grpc) || (isGrpcServiceError(grpc) && grpc.code === GRPC_UNAVAILABLE);
}
