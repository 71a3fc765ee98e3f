/**
 * A personnel id as the registry issues them: a UUID, for the people it registers and those it imports alike. Every
 * edge that takes one (case-api's bodies, its acting-officers header and task inbox, the registry's routes) refuses
 * anything else with 400 naming the field and PERSONNEL_ID_RULE, so a malformed id never reaches the worker, where
 * it could only be answered "not found" at the act.
 */
export const PERSONNEL_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stable code of that refusal: the `rule` of its field violation. */
export const PERSONNEL_ID_RULE = 'personnelId';

/** What the refusal says of the field (after its name). */
export const PERSONNEL_ID_MESSAGE = '须为登记的执法人员 id（UUID）';

export function isPersonnelId(value: unknown): value is string {
  return typeof value === 'string' && PERSONNEL_ID_PATTERN.test(value);
}
