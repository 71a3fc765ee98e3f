import { HttpStatus } from '@nestjs/common';
import { ApiError, FieldViolation } from '@lep/nest-kit';
import { CASE_ERROR_CODES } from '@lep/contracts';

export const taskErrors = {
  notFound: () => new ApiError(HttpStatus.NOT_FOUND, 'TASK_NOT_FOUND', '任务不存在'),
  notOpen: () => new ApiError(HttpStatus.CONFLICT, CASE_ERROR_CODES.taskNotOpen, '任务已完成或已取消'),
  notAssignee: () =>
    new ApiError(HttpStatus.FORBIDDEN, 'TASK_FORBIDDEN', '该任务不属于您所在的审核机构或您的岗位职责'),
  reviewerIsHandler: () =>
    new ApiError(HttpStatus.FORBIDDEN, CASE_ERROR_CODES.reviewerIsHandler, '本案承办人员不得审核本案'),
  notExtendable: () =>
    new ApiError(HttpStatus.CONFLICT, 'TASK_NOT_EXTENDABLE', '只有法制审核任务可以延长审核期限'),
  notReviewTask: () => new ApiError(HttpStatus.CONFLICT, 'TASK_NOT_REVIEW', '只有法制审核任务可以声明回避'),
  fields: (violations: FieldViolation[]) =>
    new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', violations),
};
