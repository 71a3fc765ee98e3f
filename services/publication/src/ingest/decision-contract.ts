import { CALENDAR_REGIONS } from '@lep/calendar';
import {
  CASE_ID_PATTERN,
  COERCION_KINDS,
  DECISION_ID_PATTERN,
  INSPECTION_METHODS,
  INSPECTION_RESULT_OUTCOMES,
  ITEM_CATEGORIES,
  NO_PENALTY_GROUNDS,
  TRADE_SECRET_FIELDS,
} from '@lep/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * What makes a decision.made event impossible to disclose, whatever the retries: the fields the deadline,
 * the masking and the portal are computed from. Empty when the event can be handled.
 */
export function decisionMadeProblems(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return ['data must be an object'];
  const decision = data as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of ['decisionId', 'caseId', 'agencyCode', 'documentNumber', 'agencyName'])
    if (!isText(decision[field])) problems.push(`${field} must be a non-empty string`);
  // Ids the public and staff routes could not name would leave the record unreachable.
  if (isText(decision.decisionId) && !DECISION_ID_PATTERN.test(decision.decisionId as string))
    problems.push('decisionId must be <caseId>-D<n> as the case workflow makes it');
  if (isText(decision.caseId) && !CASE_ID_PATTERN.test(decision.caseId as string))
    problems.push('caseId must be case-<agency>.<case number>');
  if (!isCalendarDate(decision.decidedOn)) problems.push('decidedOn must be a calendar date YYYY-MM-DD');
  if (!CALENDAR_REGIONS.includes(decision.region as never))
    problems.push(`region must be one of ${CALENDAR_REGIONS.join(', ')}`);
  if (!ITEM_CATEGORIES.includes(decision.category as never))
    problems.push(`category must be one of ${ITEM_CATEGORIES.join(', ')}`);
  const party = decision.party as Record<string, unknown> | undefined;
  if (typeof party !== 'object' || party === null || !isText(party.name))
    problems.push('party must name the party (party.name)');
  if (!Array.isArray(decision.publicationBlocks)) problems.push('publicationBlocks must be a list');
  if (!Array.isArray(decision.otherPersonNames)) problems.push('otherPersonNames must be a list');
  // A field name the publisher does not know would publish the text the handler meant to keep back.
  const secrets = decision.tradeSecretFields;
  if (
    secrets !== undefined &&
    (!Array.isArray(secrets) || secrets.some((field) => !TRADE_SECRET_FIELDS.includes(field as never)))
  )
    problems.push(`tradeSecretFields must list fields of ${TRADE_SECRET_FIELDS.join(', ')}`);
  const coercion = decision.coercion as { kind?: unknown } | undefined;
  if (coercion !== undefined && !COERCION_KINDS.includes(coercion?.kind as never))
    problems.push(`coercion.kind must be one of ${COERCION_KINDS.join(', ')}`);
  // A 不予处罚 is published with its ground stated (domain.md P12): one the portal cannot name is no disclosure.
  const noPenalty = decision.noPenalty as Record<string, unknown> | undefined;
  if (noPenalty !== undefined) {
    if (!NO_PENALTY_GROUNDS.includes(noPenalty?.ground as never))
      problems.push(`noPenalty.ground must be one of ${NO_PENALTY_GROUNDS.join(', ')}`);
    for (const field of ['violationType', 'facts', 'legalBasis', 'reason'])
      if (!isText(noPenalty?.[field])) problems.push(`noPenalty.${field} must be a non-empty string`);
  }
  // A 行政检查结果 (domain.md P14) names its method and outcome in words the portal has, and its date.
  const inspection = decision.inspection as Record<string, unknown> | undefined;
  if (inspection !== undefined) {
    if (!INSPECTION_METHODS.includes(inspection?.method as never))
      problems.push(`inspection.method must be one of ${INSPECTION_METHODS.join(', ')}`);
    if (!INSPECTION_RESULT_OUTCOMES.includes(inspection?.outcome as never))
      problems.push(`inspection.outcome must be one of ${INSPECTION_RESULT_OUTCOMES.join(', ')}`);
    if (!isCalendarDate(inspection?.inspectedOn))
      problems.push('inspection.inspectedOn must be a calendar date YYYY-MM-DD');
    for (const field of ['matter', 'legalBasis', 'findings', 'handling'])
      if (!isText(inspection?.[field])) problems.push(`inspection.${field} must be a non-empty string`);
  }
  return problems;
}
