import { HttpStatus } from '@nestjs/common';
import { licensingFieldProblems, type LicensingDecisionDetails } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';

/**
 * A 行政许可 / 不予许可 draft checked against the 双公示 licensing fields (domain.md §3): the field rules of
 * @lep/contracts' licensingFieldProblems, 400 naming each field. A licensing decision without a document number
 * takes its 许可编号 as 行政许可决定文书号 (§3: "if there is none, use the 许可编号"); the draft the workflow hashes
 * and the reviewer reviews carries it.
 */
export function prepareLicensingDraft(draft: {
  documentNumber?: string;
  licensing?: LicensingDecisionDetails;
}): void {
  const { licensing } = draft;
  if (!licensing) return;
  const problems = licensingFieldProblems(licensing);
  if (problems.length > 0)
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', problems);
  if (draft.documentNumber === undefined && licensing.licenceNumber)
    draft.documentNumber = licensing.licenceNumber;
}
