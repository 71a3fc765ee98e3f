import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type SearchAttributeUpdatePair,
} from '@temporalio/common';
import { nextCaseDeadline, type CaseState } from '@lep/contracts';

// The keys of SEARCH_ATTRIBUTES in @lep/contracts, typed for the SDK.
const AGENCY = defineSearchAttributeKey('LepAgency', SearchAttributeType.KEYWORD);
const STAGE = defineSearchAttributeKey('LepStage', SearchAttributeType.KEYWORD);
const CATEGORY = defineSearchAttributeKey('LepCategory', SearchAttributeType.KEYWORD);
const MAJOR = defineSearchAttributeKey('LepMajor', SearchAttributeType.BOOL);
const NEXT_DEADLINE = defineSearchAttributeKey('LepNextDeadline', SearchAttributeType.DATETIME);
const DEADLINE_PROVISIONAL = defineSearchAttributeKey('LepDeadlineProvisional', SearchAttributeType.BOOL);

/** What operators filter cases by in the Temporal Web UI. */
export function caseSearchAttributes(state: CaseState): SearchAttributeUpdatePair[] {
  const nextDeadline = nextCaseDeadline(state)?.dueAt;
  return [
    { key: AGENCY, value: state.agencyCode },
    { key: STAGE, value: state.stage },
    { key: CATEGORY, value: state.category ?? 'other' },
    { key: MAJOR, value: state.major },
    { key: NEXT_DEADLINE, value: nextDeadline ? new Date(nextDeadline) : null },
    {
      key: DEADLINE_PROVISIONAL,
      value: state.deadlines.some((deadline) => !deadline.fired && deadline.provisional !== undefined),
    },
  ];
}
