import type {
  DocumentInventoryItem,
  DocumentOfficer,
  DocumentParty,
  DocumentQa,
  ServedDocument,
  TemplateField,
  TemplateFieldType,
} from '@lep/contracts';
import type { FieldViolation } from '@lep/nest-kit';
import { arabicDate, capitalYuan, groupedYuan } from './chinese-numerals';

/**
 * No control characters (a paragraph may hold line breaks) and no bidirectional overrides or isolates, which
 * make a printed name read as something other than what is stored.
 */
const ONE_LINE = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u;
const MULTI_LINE = /^(?:[^\p{Cc}\u202A-\u202E\u2066-\u2069]|\n)*$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const LIMITS = { text: 500, paragraph: 10_000, entries: 500, people: 50 } as const;

const PARTY_TYPES = ['natural-person', 'legal-person', 'other-organisation', 'individual-business'];
const PARTY_KEYS: (keyof DocumentParty)[] = [
  'type',
  'name',
  'creditCode',
  'legalRepresentative',
  'idType',
  'idNumber',
  'gender',
  'address',
  'phone',
];

type Violations = FieldViolation[];

function violation(field: string, rule: string, message: string): FieldViolation {
  return { field, rule, message: `字段 ${field} ${message}` };
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

function checkString(value: unknown, field: string, max: number, multiLine = false): Violations {
  if (typeof value !== 'string') return [violation(field, 'isString', '必须是字符串')];
  if (value.trim() === '') return [violation(field, 'isNotEmpty', '不能为空')];
  if (value.length > max) return [violation(field, 'maxLength', `长度不能超过 ${max} 个字符`)];
  if (!(multiLine ? MULTI_LINE : ONE_LINE).test(value))
    return [violation(field, 'printable', '含有控制字符或文字方向控制符')];
  return [];
}

function checkCalendarDate(value: string, field: string): Violations {
  const parsed = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value.slice(0, 10))
    return [violation(field, 'isDate', '不是有效的日期')];
  return [];
}

/** An object holding only `allowed` keys, each string-valued; `required` keys must be non-empty. */
function checkRecord(
  value: unknown,
  field: string,
  allowed: readonly string[],
  required: readonly string[],
): Violations {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [violation(field, 'isObject', '必须是对象')];
  const record = value as Record<string, unknown>;
  const problems: Violations = [];
  for (const key of Object.keys(record))
    if (!allowed.includes(key))
      problems.push(violation(`${field}.${key}`, 'whitelistValidation', '是不允许的字段'));
  for (const key of allowed) {
    if (!(key in record) || record[key] === undefined) {
      if (required.includes(key)) problems.push(violation(`${field}.${key}`, 'isNotEmpty', '不能为空'));
      continue;
    }
    problems.push(...checkString(record[key], `${field}.${key}`, LIMITS.text));
  }
  return problems;
}

function checkArray(
  value: unknown,
  field: string,
  max: number,
  entry: (item: unknown, path: string) => Violations,
): Violations {
  if (!Array.isArray(value)) return [violation(field, 'isArray', '必须是数组')];
  if (value.length > max) return [violation(field, 'arrayMaxSize', `最多 ${max} 项`)];
  return value.flatMap((item, index) => entry(item, `${field}[${index}]`));
}

function checkParty(item: unknown, path: string): Violations {
  const problems = checkRecord(item, path, PARTY_KEYS, ['type', 'name']);
  if (problems.length > 0) return problems;
  const party = item as DocumentParty;
  if (!PARTY_TYPES.includes(party.type)) return [violation(`${path}.type`, 'isIn', '取值不在允许范围内')];
  if (party.gender !== undefined && !['男', '女'].includes(party.gender))
    return [violation(`${path}.gender`, 'isIn', '只能是“男”或“女”')];
  return [];
}

/** Checks one value against its field's declared type. */
function checkValue(type: TemplateFieldType, value: unknown, field: string): Violations {
  switch (type) {
    case 'text':
      return checkString(value, field, LIMITS.text);
    case 'paragraph':
      return checkString(value, field, LIMITS.paragraph, true);
    case 'date':
      if (typeof value !== 'string' || !ISO_DATE.test(value))
        return [violation(field, 'isDate', '必须是 YYYY-MM-DD 日期')];
      return checkCalendarDate(value, field);
    case 'datetime':
      if (typeof value !== 'string' || !ISO_DATE_TIME.test(value))
        return [violation(field, 'isIso8601', '必须是带时区的 ISO 8601 时间')];
      return checkCalendarDate(value, field);
    case 'money':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return [violation(field, 'isNumber', '必须是数字（元）')];
      if (value < 0 || value > 1e12) return [violation(field, 'range', '超出允许的金额范围')];
      if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
        return [violation(field, 'precision', '最多精确到分')];
      return [];
    case 'list':
      return checkArray(value, field, LIMITS.entries, (item, path) =>
        checkString(item, path, LIMITS.paragraph, true),
      );
    case 'parties':
      return checkArray(value, field, LIMITS.people, checkParty);
    case 'persons':
      return checkArray(value, field, LIMITS.people, (item, path) =>
        checkRecord(item, path, ['name', 'certificateNumber'], ['name', 'certificateNumber']),
      );
    case 'qa':
      return checkArray(value, field, LIMITS.entries, (item, path) => {
        const problems = checkRecord(item, path, [], []).filter((problem) => problem.rule === 'isObject');
        if (problems.length > 0) return problems;
        const qa = item as Record<string, unknown>;
        const extra = Object.keys(qa).filter((key) => key !== 'question' && key !== 'answer');
        return [
          ...extra.map((key) => violation(`${path}.${key}`, 'whitelistValidation', '是不允许的字段')),
          ...checkString(qa.question, `${path}.question`, LIMITS.paragraph, true),
          ...checkString(qa.answer, `${path}.answer`, LIMITS.paragraph, true),
        ];
      });
    case 'items':
      return checkArray(value, field, LIMITS.entries, (item, path) =>
        checkRecord(item, path, ['name', 'specification', 'quantity', 'note'], ['name', 'quantity']),
      );
    case 'documents':
      return checkArray(value, field, LIMITS.people, (item, path) =>
        checkRecord(item, path, ['title', 'number'], ['title']),
      );
  }
}

/**
 * Checks a document's data against its template's fields: every required field present, every value of its
 * declared type, and nothing the template does not declare. Violations name `data.<field>` and the rule.
 */
export function validateDocumentData(fields: TemplateField[], data: Record<string, unknown>): Violations {
  const problems: Violations = [];
  const declared = new Set(fields.map((field) => field.name));
  for (const key of Object.keys(data))
    if (!declared.has(key))
      problems.push(violation(`data.${key}`, 'whitelistValidation', '不是该文书模板声明的字段'));
  for (const field of fields) {
    const value = data[field.name];
    if (!isPresent(value)) {
      if (field.required)
        problems.push(violation(`data.${field.name}`, 'isNotEmpty', `（${field.label}）不能为空`));
      continue;
    }
    problems.push(...checkValue(field.type, value, `data.${field.name}`));
  }
  return problems;
}

/** `2026-03-05T09:30:00+08:00` as China time in running text: 2026年3月5日9时30分. */
export function chinaDateTime(value: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(value))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日${Number(parts.hour)}时${parts.minute.padStart(2, '0')}分`;
}

export function moneyText(amount: number): string {
  return `人民币${capitalYuan(amount)}（¥${groupedYuan(amount)}）`;
}

export function officerText(officer: DocumentOfficer): string {
  return `${officer.name}（执法证号：${officer.certificateNumber}）`;
}

export function servedDocumentText(document: ServedDocument): string {
  return `《${document.title}》${document.number ? `（${document.number}）` : ''}`;
}

/** The types a `{placeholder}` in running text can print; the others have blocks of their own. */
export const INLINE_TYPES: readonly TemplateFieldType[] = [
  'text',
  'paragraph',
  'date',
  'datetime',
  'money',
  'list',
  'parties',
  'persons',
  'documents',
];

/** A value as running text prints it. */
export function inlineText(type: TemplateFieldType, value: unknown): string {
  switch (type) {
    case 'text':
    case 'paragraph':
      return String(value);
    case 'date':
      return arabicDate(String(value));
    case 'datetime':
      return chinaDateTime(String(value));
    case 'money':
      return moneyText(Number(value));
    case 'list':
      return (value as string[]).join('；');
    case 'parties':
      return (value as DocumentParty[]).map((party) => party.name).join('、');
    case 'persons':
      return (value as DocumentOfficer[]).map(officerText).join('、');
    case 'documents':
      return (value as ServedDocument[]).map(servedDocumentText).join('、');
    case 'qa':
      return (value as DocumentQa[]).map((qa) => `问：${qa.question} 答：${qa.answer}`).join('\n');
    case 'items':
      return (value as DocumentInventoryItem[]).map((item) => `${item.name}${item.quantity}`).join('、');
  }
}

export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]{0,39})\}/g;

/** Fills `{name}` placeholders from `values`; a name without a value prints as nothing. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}
