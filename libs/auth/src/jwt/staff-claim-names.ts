import { AGENCY_SYSTEM, isRole, Role, ROLES } from '../roles';

/**
 * Where a staff token carries the agency and the roles. LEP's own tokens use the top-level claims `agency` and
 * `roles`; an OIDC provider puts them where it is told to (Keycloak: realm roles in `realm_access.roles`, client
 * roles in `resource_access.<client>.roles`, user attributes in a claim named by a protocol mapper).
 */
export interface StaffClaimNames {
  /** Dotted path of the claim holding the agency code; default `agency`. */
  agency?: string;
  /** Dotted path of the claim holding the list of roles; default `roles`. */
  roles?: string;
  /**
   * The provider's role names → LEP roles. When given, only the roles named here count and every other role
   * the provider lists (Keycloak's `offline_access`, `default-roles-…`) is ignored; without it every listed
   * role must be a LEP role.
   */
  roleMap?: Record<string, Role>;
}

/** Segments of letters, digits and `_ - : /`, joined by dots: `realm_access.roles`, `resource_access.lep-api.roles`. */
const CLAIM_PATH = /^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/;

/** Throws an Error naming the setting and the rule when the claim names cannot work. */
export function assertStaffClaimNames(names: StaffClaimNames, setting = 'jwt.claims'): void {
  for (const key of ['agency', 'roles'] as const) {
    const path = names[key];
    if (path !== undefined && !CLAIM_PATH.test(path))
      throw new Error(
        `${setting}.${key} "${path}" is not a claim path: names of letters, digits, _ - : / joined by dots, e.g. realm_access.roles`,
      );
  }
  if (names.roleMap !== undefined) assertRoleMap(names.roleMap, `${setting}.roleMap`);
}

function assertRoleMap(roleMap: Record<string, unknown>, setting: string): void {
  const entries = Object.entries(roleMap);
  if (entries.length === 0) throw new Error(`${setting} maps no role; leave it out instead`);
  for (const [providerRole, role] of entries) {
    if (providerRole.trim() === '') throw new Error(`${setting} has an empty provider role name`);
    if (!isRole(role) || role === AGENCY_SYSTEM)
      throw new Error(
        `${setting} maps "${providerRole}" to "${String(role)}", which is not a staff role (${ROLES.filter((known) => known !== AGENCY_SYSTEM).join(', ')})`,
      );
  }
}

/**
 * `a.b.c` read from a claims object. A top-level claim whose whole name is the path wins, so collision-resistant
 * names that contain dots (`https://lep.example/agency`) work too.
 */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, segment))
      return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * A role-map setting as written in the environment: `provider-role=lep-role` pairs separated by commas, e.g.
 * `lep_handler=handler,lep_reviewer=legal-reviewer`. Two provider roles may map to the same LEP role; one
 * provider role may not be given twice.
 */
export function parseRoleMap(text: string, setting: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of text.split(',')) {
    const [providerRole, role, extra] = pair.split('=').map((part) => part.trim());
    if (!providerRole || !role || extra !== undefined)
      throw new Error(`${setting}: "${pair.trim()}" is not provider-role=lep-role`);
    if (Object.hasOwn(map, providerRole))
      throw new Error(`${setting}: provider role "${providerRole}" is mapped twice`);
    map[providerRole] = role as Role;
  }
  assertRoleMap(map, setting);
  return map;
}
