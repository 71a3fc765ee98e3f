import { CASE_ERROR_CODES, type CaseActor, type CaseState, type OnSiteDisclosure } from '@lep/contracts';
import { actingOfficers, officerActKind, officerViolation } from './case-officers';

const state = {
  handlerIds: ['h1', 'h2'],
  reviewRounds: [{ round: 1, reviewerId: 'r1' }],
} as unknown as CaseState;

const staff = (id: string, role = 'handler'): CaseActor => ({ id, role, agencyCode: 'BT01' });
const system = (officerIds?: string[]): CaseActor => ({
  id: 'key-BT01',
  role: 'agency-system',
  agencyCode: 'BT01',
  ...(officerIds ? { officerIds } : {}),
});
const act = (actor: CaseActor, extra: object = {}) => ({ requestId: 'r', actor, ...extra });
const onSite: OnSiteDisclosure = {
  certificatesShown: [],
  notice: { cause: 'c', legalBasis: 'b', rightsAndDuties: 'r' },
};

describe('who acts (domain.md R8)', () => {
  it('takes the named officers, else a staff caller itself; a key alone names nobody', () => {
    expect(actingOfficers(staff('h1'))).toEqual(['h1']);
    expect(actingOfficers({ ...staff('h1'), officerIds: ['h1', 'h2', 'h1'] })).toEqual(['h1', 'h2']);
    expect(actingOfficers(system())).toEqual([]);
    expect(actingOfficers(system(['h2']))).toEqual(['h2']);
  });

  it('tells approvals from case work', () => {
    for (const name of ['decide', 'extendDecisionLimit', 'revoke', 'replaceHandler'])
      expect(officerActKind(name)).toBe('leader');
    for (const name of ['addRecord', 'draftDecision', 'notify', 'serve', 'archive'])
      expect(officerActKind(name)).toBe('handler');
  });

  it('refuses an agency system that names no officer', () => {
    expect(officerViolation(state, 'addRecord', act(system()))?.code).toBe(CASE_ERROR_CODES.officerMissing);
    expect(officerViolation(state, 'decide', act(system()))?.code).toBe(CASE_ERROR_CODES.officerMissing);
  });

  it('lets only the case’s handlers do its work, naming the one who is not', () => {
    expect(officerViolation(state, 'addRecord', act(system(['h1', 'h2'])))).toBeUndefined();
    const outsider = officerViolation(state, 'serve', act(system(['h1', 'x9'])));
    expect(outsider?.code).toBe(CASE_ERROR_CODES.officerNotAssigned);
    expect(outsider?.message).toContain('x9');
  });

  it('wants two officers at an on-site act', () => {
    expect(officerViolation(state, 'addRecord', act(staff('h1'), { onSite }))?.code).toBe(
      CASE_ERROR_CODES.onSiteDisclosureInvalid,
    );
    expect(
      officerViolation(state, 'addRecord', act({ ...staff('h1'), officerIds: ['h1', 'h2'] }, { onSite })),
    ).toBeUndefined();
  });

  it('recuses from the decision a leader who handled the case or gave a review opinion on it', () => {
    expect(officerViolation(state, 'decide', act(staff('boss', 'leader')))).toBeUndefined();
    expect(officerViolation(state, 'decide', act(staff('h2', 'leader')))?.code).toBe(
      CASE_ERROR_CODES.deciderRecused,
    );
    const reviewer = officerViolation(state, 'decide', act(staff('r1', 'leader')));
    expect(reviewer?.code).toBe(CASE_ERROR_CODES.deciderRecused);
    expect(reviewer?.message).toContain('第 1 轮法制审核');
    // Recusal is the decision's: the same leader may extend the limit or replace a handler.
    expect(officerViolation(state, 'extendDecisionLimit', act(staff('h2', 'leader')))).toBeUndefined();
  });
});
