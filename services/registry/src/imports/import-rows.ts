import { AGENCY_CODE_PATTERN, REGISTRY_IMPORT_KINDS, RegistryImportKind } from '@lep/contracts';
import { isValidResidentId } from '@lep/masking';
import { TARGET_CODE_PATTERN } from '../inspections/inspection.dto';
import { PERSONNEL_ROLES, PersonnelRole, QUALIFICATIONS, Qualification } from '../personnel/personnel.entity';

/** One line of the import file as the CLI sends it (a CSV line or an .xlsx row): its 1-based number and its cells by header. */
export interface ImportRow {
  line: number;
  fields: Record<string, string>;
}

/** A problem with one cell (or the line), reported to the operator with the line number. */
export interface LineError {
  line: number;
  field: string;
  rule: string;
  message: string;
}

export interface PersonnelImportRow {
  line: number;
  agencyCode: string;
  name: string;
  idNumber: string | null;
  roles: PersonnelRole[];
  certificateNumber: string;
  certificateIssuedOn: string;
  certificateExpiresOn: string;
  qualification: Qualification;
  scope: string;
}

export interface TargetImportRow {
  line: number;
  agencyCode: string;
  code: string;
  name: string;
  category: string;
  active: boolean;
}

export type ImportKind = RegistryImportKind;
export const IMPORT_KINDS = REGISTRY_IMPORT_KINDS;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * YYYY-MM-DD naming a day that exists (no 2 月 30 日). Counted by hand: parsing a Date twice per line was a
 * visible share of a 100,000-line import.
 */
function isCalendarDate(value: string): boolean {
  const parts = DATE_PATTERN.exec(value);
  if (!parts) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Collects the errors of one line; each check reads a trimmed cell and records a Chinese message on failure. */
class LineCheck {
  readonly errors: LineError[] = [];

  constructor(private readonly row: ImportRow) {}

  fail(field: string, rule: string, problem: string): void {
    this.errors.push({
      line: this.row.line,
      field,
      rule,
      message: `第 ${this.row.line} 行：${field} ${problem}`,
    });
  }

  cell(field: string): string {
    return (this.row.fields[field] ?? '').trim();
  }

  required(field: string, maxLength: number): string {
    const value = this.cell(field);
    if (value === '') this.fail(field, 'isNotEmpty', '不能为空');
    else if (value.length > maxLength) this.fail(field, 'maxLength', `不能超过 ${maxLength} 个字符`);
    return value;
  }

  pattern(field: string, pattern: RegExp, description: string): string {
    const value = this.cell(field);
    if (!pattern.test(value)) this.fail(field, 'matches', `应为${description}，实为“${value}”`);
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.cell(field);
    if (!(allowed as readonly string[]).includes(value))
      this.fail(field, 'isIn', `应为 ${allowed.join('、')} 之一，实为“${value}”`);
    return value as T;
  }

  date(field: string): string {
    const value = this.cell(field);
    if (!isCalendarDate(value)) this.fail(field, 'isDate', `应为有效日期 YYYY-MM-DD，实为“${value}”`);
    return value;
  }
}

export function checkPersonnelRow(row: ImportRow): PersonnelImportRow | LineError[] {
  const check = new LineCheck(row);
  const agencyCode = check.pattern('agencyCode', AGENCY_CODE_PATTERN, '执法主体代码');
  const name = check.required('name', 100);
  const idNumber = check.cell('idNumber');
  if (idNumber !== '' && !isValidResidentId(idNumber))
    check.fail('idNumber', 'residentId', '不是有效的居民身份证号码');
  const roleTexts = check
    .cell('roles')
    .split(/[;；|]/)
    .map((role) => role.trim())
    .filter((role) => role !== '');
  if (roleTexts.length === 0) check.fail('roles', 'arrayNotEmpty', '至少需要一个角色');
  for (const role of roleTexts)
    if (!(PERSONNEL_ROLES as readonly string[]).includes(role))
      check.fail('roles', 'isIn', `含未知角色“${role}”，应为 ${PERSONNEL_ROLES.join('、')}`);
  if (new Set(roleTexts).size !== roleTexts.length) check.fail('roles', 'arrayUnique', '角色重复');
  const certificateNumber = check.required('certificateNumber', 64);
  const certificateIssuedOn = check.date('certificateIssuedOn');
  const certificateExpiresOn = check.date('certificateExpiresOn');
  if (
    isCalendarDate(certificateIssuedOn) &&
    isCalendarDate(certificateExpiresOn) &&
    certificateExpiresOn < certificateIssuedOn
  )
    check.fail('certificateExpiresOn', 'afterIssue', '早于发证日期');
  const qualification = check.oneOf('qualification', QUALIFICATIONS);
  const scope = check.required('scope', 500);
  if (check.errors.length > 0) return check.errors;
  return {
    line: row.line,
    agencyCode,
    name,
    idNumber: idNumber === '' ? null : idNumber,
    roles: roleTexts as PersonnelRole[],
    certificateNumber,
    certificateIssuedOn,
    certificateExpiresOn,
    qualification,
    scope,
  };
}

const ACTIVE_VALUES: Record<string, boolean> = {
  '': true,
  true: true,
  '1': true,
  是: true,
  false: false,
  '0': false,
  否: false,
};

export function checkTargetRow(row: ImportRow): TargetImportRow | LineError[] {
  const check = new LineCheck(row);
  const agencyCode = check.pattern('agencyCode', AGENCY_CODE_PATTERN, '执法主体代码');
  const code = check.pattern('code', TARGET_CODE_PATTERN, '检查对象编码（字母、数字、连字符）');
  const name = check.required('name', 200);
  const category = check.required('category', 100);
  const activeText = check.cell('active');
  const active = ACTIVE_VALUES[activeText];
  if (active === undefined)
    check.fail('active', 'isBoolean', `应为 是/否（或 true/false），实为“${activeText}”`);
  if (check.errors.length > 0) return check.errors;
  return { line: row.line, agencyCode, code, name, category, active: active! };
}

/** Lines that repeat the key of an earlier line in the same batch: the later one is reported. */
export function duplicateKeys<T extends { line: number }>(
  rows: T[],
  key: (row: T) => string,
  field: string,
): LineError[] {
  const first = new Map<string, number>();
  const errors: LineError[] = [];
  for (const row of rows) {
    const value = key(row);
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, row.line);
    else
      errors.push({
        line: row.line,
        field,
        rule: 'unique',
        message: `第 ${row.line} 行：${field} “${value}”与第 ${earlier} 行重复`,
      });
  }
  return errors;
}
