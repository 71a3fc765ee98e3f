import type { ApiError } from '@lep/nest-kit';
import { ANONYMOUS, type Principal } from './principal';
import { assertOwnAgency, isOwnAgency } from './agency-scope';

const staff = (agencyCode: string, roles: Principal['roles'] = ['handler']): Principal => ({
  kind: 'staff',
  subject: 'p-1',
  agencyCode,
  roles,
});

describe('isOwnAgency', () => {
  it('is the caller’s own agency, or any agency for a platform admin', () => {
    expect(isOwnAgency(staff('BT01'), 'BT01')).toBe(true);
    expect(
      isOwnAgency({ kind: 'api-key', subject: 'k-1', agencyCode: 'BT01', roles: ['agency-system'] }, 'BT01'),
    ).toBe(true);
    expect(isOwnAgency(staff('BT', ['platform-admin']), 'BT01')).toBe(true);
  });

  it('is not an agency below the caller’s, nor anything for an anonymous caller', () => {
    expect(isOwnAgency(staff('BT'), 'BT01')).toBe(false);
    expect(isOwnAgency(ANONYMOUS, 'BT01')).toBe(false);
  });
});

describe('assertOwnAgency', () => {
  it('passes the caller’s own agency and refuses another with 403 AGENCY_FORBIDDEN', () => {
    expect(() => assertOwnAgency(staff('BT01'), 'BT01')).not.toThrow();
    const refusal = (() => {
      try {
        assertOwnAgency(staff('BT'), 'BT01');
      } catch (error) {
        return error as ApiError;
      }
    })();
    expect(refusal?.getResponse()).toMatchObject({ statusCode: 403, code: 'AGENCY_FORBIDDEN' });
  });
});
