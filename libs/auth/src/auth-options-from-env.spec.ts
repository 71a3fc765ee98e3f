import { InvalidEnvironmentError } from '@lep/nest-kit';
import { authOptionsFromEnv } from './auth-options-from-env';

const BASE = {
  AUTH_JWKS_URL: 'https://sso.example/certs',
  AUTH_ISSUER: 'https://sso.example',
  AUTH_AUDIENCE: 'lep-api',
};

describe('authOptionsFromEnv', () => {
  it('passes the claim names and the parsed role map to the token verifier', () => {
    const options = authOptionsFromEnv({
      ...BASE,
      AUTH_AGENCY_CLAIM: 'lep_agency',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_ROLE_MAP: 'lep_handler=handler, lep_chief=leader,lep_head=leader',
    });
    expect(options.jwt.claims).toEqual({
      agency: 'lep_agency',
      roles: 'realm_access.roles',
      roleMap: { lep_handler: 'handler', lep_chief: 'leader', lep_head: 'leader' },
    });
  });

  it.each([
    ['lep_boss=superuser', /"superuser", which is not a staff role/],
    ['lep_system=agency-system', /"agency-system", which is not a staff role/],
    ['lep_handler=handler,lep_handler=leader', /"lep_handler" is mapped twice/],
  ])('refuses AUTH_ROLE_MAP=%s as an environment error naming the variable', (roleMap, message) => {
    const error = (() => {
      try {
        authOptionsFromEnv({ ...BASE, AUTH_ROLE_MAP: roleMap });
      } catch (caught) {
        return caught;
      }
      throw new Error('expected a refusal');
    })();
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    expect((error as InvalidEnvironmentError).variable).toBe('AUTH_ROLE_MAP');
    expect((error as Error).message).toMatch(message);
  });
});
