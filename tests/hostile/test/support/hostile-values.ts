/**
 * What an attacker puts where an identifier or a filter belongs, each already percent-encoded for a URL: the
 * raw ones are byte sequences no encoder produces (overlong and invalid UTF-8, a lone surrogate).
 */
export const HOSTILE_URL_VALUES: Record<string, string> = {
  'sql-quote': encodeURIComponent("' OR '1'='1' --"),
  'sql-union': encodeURIComponent('1 UNION SELECT passwd FROM pg_shadow--'),
  'sql-stacked': encodeURIComponent("x'; DROP TABLE audit_entry; --"),
  'path-traversal': encodeURIComponent('../../../../etc/passwd'),
  'path-dot-segment': '..',
  nul: 'A%00B',
  'rtl-override': encodeURIComponent('BT01\u202Egpj.exe'),
  'zero-width': encodeURIComponent('BT\u200B01\uFEFF'),
  'overlong-utf8': '%C0%AE%C0%AE%C0%AF',
  'invalid-utf8': '%FF%FE%FD',
  'lone-surrogate': '%ED%A0%80',
  'broken-percent': '%E4%B8',
  template: encodeURIComponent('${jndi:ldap://x}{{7*7}}%s%n'),
  huge: 'A'.repeat(8000),
};

/** Wrong values for a typed query parameter, by what its schema says it is. */
export function wrongTypedValues(schema: {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}): Record<string, string> {
  if (schema.enum)
    return { 'not-in-enum': 'not-a-member', 'enum-case': String(schema.enum[0]).toUpperCase() };
  if (schema.type === 'integer' || schema.type === 'number')
    return {
      'not-a-number': encodeURIComponent('十二'),
      overflow: '1e309',
      fraction: schema.type === 'integer' ? '1.5' : 'NaN',
      ...(schema.minimum !== undefined ? { 'below-minimum': String(schema.minimum - 1) } : {}),
      ...(schema.maximum !== undefined ? { 'above-maximum': String(schema.maximum + 1) } : {}),
    };
  if (schema.type === 'boolean') return { 'not-a-boolean': 'maybe' };
  if (schema.format === 'date-time' || schema.format === 'date')
    return { 'not-a-date': 'yesterday', 'impossible-date': '2026-02-30T25:61:00Z' };
  return {};
}

/** A value of the wrong JSON type for a body property, by what its schema says it is. */
export function wrongJsonValue(schema: { type?: string; enum?: unknown[] }): unknown {
  if (schema.enum) return 'not-a-member';
  switch (schema.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return '十二';
    case 'boolean':
      return 'yes';
    case 'array':
      return { length: 1, 0: 'not-an-array' };
    case 'object':
      return 'not-an-object';
    default:
      return [[['unexpected']]];
  }
}

/** Characters that make text lie about itself; none is acceptable inside a stored string. */
export const NUL = '\u0000';
