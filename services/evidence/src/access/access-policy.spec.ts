import type { Principal } from '@lep/auth';
import { decideAccess } from './access-policy';

const staff = (roles: Principal['roles'], agencyCode = 'BT-8'): Principal => ({
  kind: 'staff',
  subject: 'someone',
  agencyCode,
  roles,
});

describe('decideAccess', () => {
  const privacy = { agencyCode: 'BT-8', confidentiality: 'personal-privacy' as const };
  const tradeSecret = { agencyCode: 'BT-8', confidentiality: 'trade-secret' as const };
  const internal = { agencyCode: 'BT-8', confidentiality: 'internal' as const };

  it('opens restricted items only to handlers, reviewers and leaders of the same agency', () => {
    for (const role of ['handler', 'legal-reviewer', 'leader'] as const) {
      expect(decideAccess(staff([role]), privacy)).toEqual({ granted: true });
      expect(decideAccess(staff([role]), tradeSecret)).toEqual({ granted: true });
      expect(decideAccess(staff([role], 'BT-1'), tradeSecret)).toEqual({
        granted: false,
        reason: 'OTHER_AGENCY',
      });
    }
    for (const role of ['auditor', 'agency-admin', 'platform-admin'] as const)
      expect(decideAccess(staff([role]), privacy)).toEqual({ granted: false, reason: 'RESTRICTED_ITEM' });
  });

  it('never opens restricted items to an agency system, even its own agency', () => {
    const apiKey: Principal = {
      kind: 'api-key',
      subject: 'key-1',
      agencyCode: 'BT-8',
      roles: ['agency-system'],
    };
    expect(decideAccess(apiKey, privacy)).toEqual({ granted: false, reason: 'RESTRICTED_ITEM' });
    expect(decideAccess(apiKey, internal)).toEqual({ granted: true });
  });

  it('opens internal items to the own agency and platform admins, never to anonymous callers', () => {
    expect(decideAccess(staff(['auditor']), internal)).toEqual({ granted: true });
    expect(decideAccess(staff(['platform-admin'], 'BT'), internal)).toEqual({ granted: true });
    expect(decideAccess(staff(['leader'], 'BT-1'), internal)).toEqual({
      granted: false,
      reason: 'OTHER_AGENCY',
    });
    expect(decideAccess({ kind: 'anonymous', subject: 'anonymous', roles: [] }, internal)).toEqual({
      granted: false,
      reason: 'OTHER_AGENCY',
    });
  });
});
