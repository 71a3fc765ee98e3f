import { HttpException } from '@nestjs/common';
import { CASE_ERROR_CODES } from '@lep/contracts';
import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { toApiError } from './workflow-errors';

function refused(type: string, message = '拒绝的理由') {
  return new WorkflowUpdateFailedError('update failed', ApplicationFailure.nonRetryable(message, type));
}

function answer(error: unknown) {
  expect(error).toBeInstanceOf(HttpException);
  const exception = error as HttpException;
  const body = exception.getResponse() as { code: string; message: string };
  return { status: exception.getStatus(), code: body.code, message: body.message };
}

describe('toApiError', () => {
  it.each<[string, number]>([
    [CASE_ERROR_CODES.wrongStage, 409],
    [CASE_ERROR_CODES.reviewNotApproved, 409],
    [CASE_ERROR_CODES.draftMismatch, 409],
    [CASE_ERROR_CODES.hearingWindowClosed, 409],
    [CASE_ERROR_CODES.avMissing, 409],
    [CASE_ERROR_CODES.taskNotOpen, 409],
    [CASE_ERROR_CODES.caseClosed, 409],
    [CASE_ERROR_CODES.reviewerIsHandler, 403],
    [CASE_ERROR_CODES.reviewerNotQualified, 403],
    [CASE_ERROR_CODES.reviewerConflictDeclared, 403],
    [CASE_ERROR_CODES.notPrincipalLeader, 403],
    [CASE_ERROR_CODES.checklistInconsistent, 400],
  ])('a workflow refusal %s answers %d with its code and Chinese message', (code, status) => {
    expect(answer(toApiError(refused(code, '本案尚未告知'), true))).toEqual({
      status,
      code,
      message: '本案尚未告知',
    });
  });

  it('a refusal of a type the contract does not list is still a 409 with the workflow’s message', () => {
    expect(answer(toApiError(refused('SOMETHING_NEW', '新的拒绝理由'), true))).toEqual({
      status: 409,
      code: 'CASE_ACTION_REFUSED',
      message: '新的拒绝理由',
    });
  });

  it('a missing workflow is 404 for an unknown case and 409 for a case whose workflow has ended', () => {
    const missing = new WorkflowNotFoundError('not found', 'case-X-1', undefined);
    expect(answer(toApiError(missing, false))).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
    expect(answer(toApiError(missing, true))).toMatchObject({
      status: 409,
      code: CASE_ERROR_CODES.caseClosed,
    });
  });

  it('an update that did not answer in time is 503, to retry with the same requestId', () => {
    expect(answer(toApiError(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out'), true))).toMatchObject(
      {
        status: 503,
        code: 'CASE_WORKFLOW_UNAVAILABLE',
      },
    );
  });

  it('anything else is left to the exception filter (a 500 without internals)', () => {
    const bug = new TypeError('boom');
    expect(toApiError(bug, true)).toBe(bug);
    const failedWithoutCause = new WorkflowUpdateFailedError('update failed', new Error('handler threw'));
    expect(toApiError(failedWithoutCause, true)).toBe(failedWithoutCause);
  });
});
