import { ANONYMOUS, type Principal } from './principal';
import { isOwnAgency } from './agency-scope';

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
