/** Every role a credential can carry. The Chinese names are what agency staff see in the admin screens. */
export const ROLES = [
  'handler', // 承办人员
  'legal-reviewer', // 法制审核人员
  'leader', // 机关负责人
  'agency-admin', // 本单位管理员 (manages its agency and those below it)
  'auditor', // 审计/监督人员 (read-only)
  'platform-admin', // 兵团平台管理员 (everything)
  'agency-system', // an agency's own system calling with an API key
] as const;

export type Role = (typeof ROLES)[number];

/** The role that passes every role check and every agency scope. */
export const PLATFORM_ADMIN: Role = 'platform-admin';

/** Held only by API keys: a staff token claiming it is refused. */
export const AGENCY_SYSTEM: Role = 'agency-system';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
