import {
  DOCUMENT_KIND_SPECS,
  PERSONAL_DATA_KINDS,
  TEMPLATE_FIELD_TYPES,
  type DocumentKind,
  type TemplateBlock,
  type TemplateField,
  type TemplateFieldType,
} from '@lep/contracts';
import type { FieldViolation } from '@lep/nest-kit';
import { INLINE_TYPES, PLACEHOLDER } from '../rendering/document-data';
import { DEFAULT_TEMPLATES } from './default-templates';

const PRINTABLE = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u;
const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;
const BUILT_INS = ['issuer', 'number', 'issuedOn', 'caseNumber'];
const BLOCK_TYPES = [
  'heading',
  'number',
  'paragraph',
  'line',
  'parties',
  'list',
  'qa',
  'table',
  'items',
  'signature',
  'signatures',
  'note',
];
/** Blocks that print a field of one type, and that type. */
const FIELD_BLOCKS: Record<string, TemplateFieldType> = {
  parties: 'parties',
  list: 'list',
  qa: 'qa',
  items: 'items',
};
const BLOCK_KEYS: Record<string, string[]> = {
  heading: [],
  number: [],
  paragraph: ['text', 'indent', 'align'],
  line: ['label', 'text'],
  parties: ['field', 'label'],
  list: ['field'],
  qa: ['field'],
  table: ['rows'],
  items: ['field'],
  signature: [],
  signatures: ['lines'],
  note: ['text'],
};

type Violations = FieldViolation[];

function violation(field: string, rule: string, message: string): FieldViolation {
  return { field, rule, message: `字段 ${field} ${message}` };
}

function text(value: unknown, path: string, max: number, allowNewLine = false): Violations {
  if (typeof value !== 'string') return [violation(path, 'isString', '必须是字符串')];
  if (value.length > max) return [violation(path, 'maxLength', `长度不能超过 ${max} 个字符`)];
  const checked = allowNewLine ? value.replace(/\n/g, '') : value;
  if (!PRINTABLE.test(checked)) return [violation(path, 'printable', '含有控制字符或文字方向控制符')];
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(value: Record<string, unknown>, allowed: string[], path: string): Violations {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => violation(`${path}.${key}`, 'whitelistValidation', '是不允许的字段'));
}

function checkField(value: unknown, path: string): Violations {
  if (!isRecord(value)) return [violation(path, 'isObject', '必须是对象')];
  const problems = unknownKeys(value, ['name', 'label', 'type', 'required', 'source', 'personal'], path);
  if (typeof value.name !== 'string' || !FIELD_NAME.test(value.name) || BUILT_INS.includes(value.name))
    problems.push(
      violation(`${path}.name`, 'fieldName', '必须是小写字母开头的字母数字名称，且不能是内置名称'),
    );
  problems.push(...text(value.label, `${path}.label`, 30));
  if (!TEMPLATE_FIELD_TYPES.includes(value.type as TemplateFieldType))
    problems.push(violation(`${path}.type`, 'isIn', '取值不在允许范围内'));
  if (typeof value.required !== 'boolean')
    problems.push(violation(`${path}.required`, 'isBoolean', '必须是布尔值'));
  problems.push(...text(value.source, `${path}.source`, 100));
  if (value.personal !== undefined) {
    if (!PERSONAL_DATA_KINDS.includes(value.personal as never))
      problems.push(violation(`${path}.personal`, 'isIn', '取值不在允许范围内'));
    else if (value.type !== 'text')
      problems.push(violation(`${path}.personal`, 'personalText', '只能用于 text 类型的字段'));
  }
  return problems;
}

/** Placeholders in `value` must name built-ins or declared fields that print inline. */
function placeholders(value: string, path: string, fields: Map<string, TemplateFieldType>): Violations {
  const problems: Violations = [];
  for (const match of value.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (BUILT_INS.includes(name)) continue;
    const type = fields.get(name);
    if (!type) problems.push(violation(path, 'placeholder', `引用了未声明的字段 {${name}}`));
    else if (!INLINE_TYPES.includes(type))
      problems.push(violation(path, 'placeholder', `中的字段 {${name}} 不能嵌入正文，须用专门的版块`));
  }
  return problems;
}

function checkBlock(
  value: unknown,
  path: string,
  fields: Map<string, TemplateFieldType>,
  numbered: boolean,
): Violations {
  if (!isRecord(value)) return [violation(path, 'isObject', '必须是对象')];
  if (typeof value.type !== 'string' || !BLOCK_TYPES.includes(value.type))
    return [violation(`${path}.type`, 'isIn', '取值不在允许范围内')];
  const problems = unknownKeys(value, ['type', 'when', ...BLOCK_KEYS[value.type]], path);
  if (value.when !== undefined && (typeof value.when !== 'string' || !fields.has(value.when)))
    problems.push(violation(`${path}.when`, 'declaredField', '必须是已声明的字段'));
  switch (value.type) {
    case 'number':
      if (!numbered) problems.push(violation(`${path}.type`, 'numbered', '该文书种类不编文号'));
      break;
    case 'paragraph':
    case 'note':
      problems.push(...text(value.text, `${path}.text`, 2000, true));
      if (typeof value.text === 'string') problems.push(...placeholders(value.text, `${path}.text`, fields));
      if (value.indent !== undefined && typeof value.indent !== 'boolean')
        problems.push(violation(`${path}.indent`, 'isBoolean', '必须是布尔值'));
      if (value.align !== undefined && !['left', 'center', 'right'].includes(value.align as string))
        problems.push(violation(`${path}.align`, 'isIn', '取值不在允许范围内'));
      break;
    case 'line':
      problems.push(...text(value.label, `${path}.label`, 30));
      problems.push(...text(value.text, `${path}.text`, 2000));
      if (typeof value.text === 'string') problems.push(...placeholders(value.text, `${path}.text`, fields));
      break;
    case 'parties':
    case 'list':
    case 'qa':
    case 'items':
      if (typeof value.field !== 'string' || fields.get(value.field) !== FIELD_BLOCKS[value.type])
        problems.push(
          violation(`${path}.field`, 'fieldType', `必须是已声明的 ${FIELD_BLOCKS[value.type]} 类型字段`),
        );
      if (value.label !== undefined) problems.push(...text(value.label, `${path}.label`, 30));
      break;
    case 'table':
      if (!Array.isArray(value.rows) || value.rows.length === 0 || value.rows.length > 40) {
        problems.push(violation(`${path}.rows`, 'arraySize', '必须是 1 至 40 行'));
        break;
      }
      value.rows.forEach((row: unknown, index) => {
        const rowPath = `${path}.rows[${index}]`;
        if (!isRecord(row)) return problems.push(violation(rowPath, 'isObject', '必须是对象'));
        problems.push(...unknownKeys(row, ['label', 'text', 'minLines', 'signed'], rowPath));
        problems.push(...text(row.label, `${rowPath}.label`, 30));
        problems.push(...text(row.text, `${rowPath}.text`, 2000, true));
        if (typeof row.text === 'string') problems.push(...placeholders(row.text, `${rowPath}.text`, fields));
        if (
          row.minLines !== undefined &&
          !(Number.isInteger(row.minLines) && (row.minLines as number) >= 1 && (row.minLines as number) <= 20)
        )
          problems.push(violation(`${rowPath}.minLines`, 'range', '必须是 1 至 20 的整数'));
        if (row.signed !== undefined && typeof row.signed !== 'boolean')
          problems.push(violation(`${rowPath}.signed`, 'isBoolean', '必须是布尔值'));
      });
      break;
    case 'signatures':
      if (!Array.isArray(value.lines) || value.lines.length === 0 || value.lines.length > 10)
        problems.push(violation(`${path}.lines`, 'arraySize', '必须是 1 至 10 项'));
      else value.lines.forEach((line, index) => problems.push(...text(line, `${path}.lines[${index}]`, 30)));
      break;
  }
  return problems;
}

/**
 * Checks an agency's own version of a kind before it goes to the justice bureau: fields and blocks well formed,
 * every placeholder and field reference declared, a 文号 line only on numbered kinds, and every field of the
 * platform default declared with the same type, so the data the case side sends for the kind fits every version.
 */
export function validateTemplateDefinition(
  kind: DocumentKind,
  rawFields: unknown[],
  rawBlocks: unknown[],
): Violations {
  const problems: Violations = [];
  if (rawFields.length > 100) problems.push(violation('fields', 'arrayMaxSize', '最多 100 项'));
  if (rawBlocks.length === 0 || rawBlocks.length > 200)
    problems.push(violation('blocks', 'arraySize', '必须是 1 至 200 项'));
  rawFields.forEach((value, index) => problems.push(...checkField(value, `fields[${index}]`)));
  if (problems.length > 0) return problems;
  const fields = rawFields as TemplateField[];
  const types = new Map<string, TemplateFieldType>();
  fields.forEach((item, index) => {
    if (types.has(item.name))
      problems.push(violation(`fields[${index}].name`, 'unique', `重复声明了字段 ${item.name}`));
    types.set(item.name, item.type);
  });
  for (const required of DEFAULT_TEMPLATES[kind].fields)
    if (types.get(required.name) !== required.type)
      problems.push(
        violation(
          'fields',
          'defaultFields',
          `必须声明标准字段 ${required.name}（${required.label}，${required.type} 类型）`,
        ),
      );
  const numbered = DOCUMENT_KIND_SPECS[kind].numberWord !== null;
  rawBlocks.forEach((value, index) =>
    problems.push(...checkBlock(value, `blocks[${index}]`, types, numbered)),
  );
  if (problems.length === 0 && !(rawBlocks as TemplateBlock[]).some((block) => block.type === 'heading'))
    problems.push(violation('blocks', 'heading', '必须包含标题（heading）版块'));
  return problems;
}
