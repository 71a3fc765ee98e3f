import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@lep/nest-kit';

/** Every refusal of the disclosures module: stable code, HTTP status and the Chinese message staff read. */
export const disclosureErrors = {
  notFound: (decisionId: string) =>
    new ApiError(HttpStatus.NOT_FOUND, 'DISCLOSURE_NOT_FOUND', `公示记录“${decisionId}”不存在`),
  notPending: () =>
    new ApiError(
      HttpStatus.CONFLICT,
      'DISCLOSURE_NOT_PENDING',
      '该公示已处理（已公示、不予公示或已撤回），无需再确认',
    ),
  nothingToReview: () =>
    new ApiError(HttpStatus.CONFLICT, 'NOTHING_TO_REVIEW', '该决定没有不予公示的情形，无需审核'),
  blockAlreadyReviewed: () =>
    new ApiError(HttpStatus.CONFLICT, 'BLOCK_ALREADY_REVIEWED', '该决定的不予公示情形已经审核'),
  withdrawn: () => new ApiError(HttpStatus.CONFLICT, 'DISCLOSURE_WITHDRAWN', '已撤回的公示不能更正'),
};
