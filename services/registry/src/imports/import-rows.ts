import {
  AGENCY_CODE_PATTERN,
  INSPECTION_TARGET_PARTY_TYPES,
  InspectionTargetPartyType,
  REGISTRY_IMPORT_KINDS,
  RegistryImportKind,
} from '@lep/contracts';
import { isValidResidentId } from '@lep/masking';
import { TARGET_CODE_PATTERN } from '../inspections/inspection.dto';
import {
  LEGAL_STANDING_KINDS,
  LegalStanding,
  LegalStandingKind,
  PERSONNEL_ROLES,
  PersonnelRole,
  QUALIFICATIONS,
  Qualification,
} from '../personnel/personnel.entity';

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
  /** Null when the file has no legalStanding column: the stored standing stays. */
  legalStanding: LegalStanding[] | null;
  /** Null when the file has no principalLeader column: the stored mark stays. */
  principalLeader: boolean | null;
}

export interface TargetImportRow {
  line: number;
  agencyCode: string;
  code: string;
  name: string;
  category: string;
  partyType: InspectionTargetPartyType | null;
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

  /** Whether the file has the column at all (optional columns may be left out of the header). */
  present(field: string): boolean {
    return this.row.fields[field] !== undefined;
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
  const legalStanding = check.present('legalStanding') ? legalStandingCell(check) : null;
  const principalLeader = check.present('principalLeader') ? yesNo(check, 'principalLeader', false) : null;
  if (principalLeader && !roleTexts.includes('leader'))
    check.fail('principalLeader', 'requiresLeaderRole', '为“是”时角色须含 leader（主要负责人须为负责人）');
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
    legalStanding,
    principalLeader,
  };
}

/** 法律身份 cells name each kind in English or Chinese, 法律职业资格 with its certificate number after a colon. */
const STANDING_VALUES: Record<string, LegalStandingKind> = {
  ...Object.fromEntries(LEGAL_STANDING_KINDS.map((kind) => [kind, kind])),
  法律职业资格: 'legal-profession',
  公职律师: 'public-lawyer',
  法律顾问: 'legal-adviser',
};

/**
 * `法律职业资格:A20191234;公职律师` — entries split by ; (or ；|), each a kind with an optional number after : (or
 * ：). The rules of the single-person API hold (domain.md L2a): 法律职业资格 needs its number, each kind once.
 */
function legalStandingCell(check: LineCheck): LegalStanding[] {
  const standing: LegalStanding[] = [];
  const entries = check
    .cell('legalStanding')
    .split(/[;；|]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [kindText, ...rest] = entry.split(/[:：]/);
    const kind = STANDING_VALUES[kindText!.trim()];
    const number = rest.join(':').trim();
    if (!kind)
      check.fail(
        'legalStanding',
        'isIn',
        `含未知身份“${kindText}”，应为 法律职业资格、公职律师、法律顾问（或其英文名）`,
      );
    else if (standing.some((earlier) => earlier.kind === kind))
      check.fail('legalStanding', 'unique', `身份“${kindText}”重复`);
    else if (kind === 'legal-profession' && number === '')
      check.fail(
        'legalStanding',
        'requiredForLegalProfession',
        '法律职业资格须写明证书编号（法律职业资格:编号）',
      );
    else if (number.length > 64) check.fail('legalStanding', 'maxLength', '证书编号不能超过 64 个字符');
    else standing.push({ kind, certificateNumber: number === '' ? null : number });
  }
  return standing;
}

/** 是/否 cells (or true/false, 1/0); an empty cell is `empty`. */
function yesNo(check: LineCheck, field: string, empty: boolean): boolean {
  const text = check.cell(field);
  const value = text === '' ? empty : YES_NO[text];
  if (value === undefined) check.fail(field, 'isBoolean', `应为 是/否（或 true/false），实为“${text}”`);
  return value ?? empty;
}

const YES_NO: Record<string, boolean> = {
  true: true,
  '1': true,
  是: true,
  false: false,
  '0': false,
  否: false,
};

/** 相对人类别 cells: the English names or the Chinese labels of a case's party types. */
const PARTY_TYPE_VALUES: Record<string, InspectionTargetPartyType> = {
  ...Object.fromEntries(INSPECTION_TARGET_PARTY_TYPES.map((type) => [type, type])),
  自然人: 'natural-person',
  个体工商户: 'individual-business',
  法人: 'legal-person',
  非法人组织: 'other-organisation',
  其他组织: 'other-organisation',
};

export function checkTargetRow(row: ImportRow): TargetImportRow | LineError[] {
  const check = new LineCheck(row);
  const agencyCode = check.pattern('agencyCode', AGENCY_CODE_PATTERN, '执法主体代码');
  const code = check.pattern('code', TARGET_CODE_PATTERN, '检查对象编码（字母、数字、连字符）');
  if (isValidResidentId(code))
    check.fail(
      'code',
      'notResidentId',
      '是居民身份证号码，不能作为检查对象编码（抽查结果公开时编码一并公开）',
    );
  const name = check.required('name', 200);
  const category = check.required('category', 100);
  const partyTypeText = check.cell('partyType');
  const partyType = partyTypeText === '' ? null : (PARTY_TYPE_VALUES[partyTypeText] ?? null);
  if (partyTypeText !== '' && partyType === null)
    check.fail(
      'partyType',
      'isIn',
      `应为 自然人、个体工商户、法人、非法人组织（或其英文名）之一，实为“${partyTypeText}”`,
    );
  const active = yesNo(check, 'active', true);
  if (check.errors.length > 0) return check.errors;
  return { line: row.line, agencyCode, code, name, category, partyType, active };
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
