/**
 * How a case is named across the platform. A case id is the id of its Temporal workflow, a URL path segment of
 * case-api and evidence, and the subject of the case's events; it is made from the agency code and the case
 * number the agency gave the case, so a repeated start finds the same case.
 */

const AGENCY_CODE_CHARS = 'A-Za-z0-9-';
/** Printable characters that can travel in a URL path segment and a workflow id. */
const CASE_NUMBER_CHARS = '^\\s/\\\\?#%';

/** 执法主体代码, as the registry files agencies and every service checks them. */
export const AGENCY_CODE_PATTERN = new RegExp(`^[${AGENCY_CODE_CHARS}]{1,64}$`);

/** 案件编号, unique within its agency: anything printable that can travel in a URL path segment and a workflow id. */
export const CASE_NUMBER_PATTERN = new RegExp(`^[${CASE_NUMBER_CHARS}]{1,100}$`);

/**
 * Between agency code and case number. It must be a character no agency code contains: with `-`, agency `BT`
 * case `8-001` and agency `BT-8` case `001` were both `case-BT-8-001`. The agency code ends at the first `.`, so
 * the case number may contain `.` itself. A dot reads as a separator, is unreserved in a URL path segment (never
 * percent-encoded, and no segment starting with `case-` is a dot segment), is allowed in a workflow id and is no
 * wildcard in SQL LIKE.
 */
const CASE_ID_SEPARATOR = '.';

const CASE_ID_PREFIX = 'case-';

/** What caseWorkflowId makes, as every service checks a case id it is given (case-api's routes, evidence's uploads). */
export const CASE_ID_PATTERN = new RegExp(
  `^${CASE_ID_PREFIX}[${AGENCY_CODE_CHARS}]{1,64}\\${CASE_ID_SEPARATOR}[${CASE_NUMBER_CHARS}]{1,100}$`,
);

/** One workflow per case: a repeated start for the same agency and case number finds the same workflow. */
export function caseWorkflowId(agencyCode: string, caseNumber: string): string {
  return `${CASE_ID_PREFIX}${agencyCode}${CASE_ID_SEPARATOR}${caseNumber}`;
}

export interface CaseIdParts {
  agencyCode: string;
  caseNumber: string;
}

/** The agency code and case number a case id was made from; null for anything caseWorkflowId cannot make. */
export function caseIdParts(caseId: string): CaseIdParts | null {
  if (!CASE_ID_PATTERN.test(caseId)) return null;
  const rest = caseId.slice(CASE_ID_PREFIX.length);
  const separator = rest.indexOf(CASE_ID_SEPARATOR);
  return { agencyCode: rest.slice(0, separator), caseNumber: rest.slice(separator + 1) };
}

/** Whether `caseId` names a case filed under `agencyCode`: services without the case index check ownership so. */
export function isCaseIdOfAgency(caseId: string, agencyCode: string): boolean {
  return caseIdParts(caseId)?.agencyCode === agencyCode;
}

/** Between a case id and the number of a decision in it: `<caseId>-D<n>`. */
const DECISION_SUFFIX = '-D';

/** Decisions per case the id format allows (a case is re-decided only after a withdrawal). */
const MAX_DECISION_DIGITS = 4;

/**
 * The id of the n-th decision made in a case (1 for the first, 2 after a withdrawal and a new decision): the key
 * of its decision events, its disclosure (`disclosure-<decisionId>`) and every publication route.
 */
export function caseDecisionId(caseId: string, sequence: number): string {
  return `${caseId}${DECISION_SUFFIX}${sequence}`;
}

/** The case a decision id belongs to (what caseDecisionId was given), or null for an id of another form. */
export function caseIdOfDecision(decisionId: string): string | null {
  if (!DECISION_ID_PATTERN.test(decisionId)) return null;
  return decisionId.slice(0, decisionId.lastIndexOf(DECISION_SUFFIX));
}

/**
 * What caseDecisionId makes, as every route that takes a decision id checks it: the case id (Chinese case numbers
 * such as 石市监罚〔2026〕001号 included) and the decision's number. Up to 5 + 64 + 1 + 100 + 2 + 4 = 176 characters.
 */
export const DECISION_ID_PATTERN = new RegExp(
  `^${CASE_ID_PATTERN.source.slice(1, -1)}${DECISION_SUFFIX}[1-9][0-9]{0,${MAX_DECISION_DIGITS - 1}}$`,
);
