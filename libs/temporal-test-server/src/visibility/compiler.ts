import type { AttributeRef, Expression, Literal } from './ast';
import { normalizeExecutionStatus, resolveAttribute, type ResolvedAttribute } from './attributes';
import {
  and,
  compareWith,
  equals,
  isIn,
  isMissing,
  not,
  or,
  startsWith,
  type Operand,
  type Truth,
} from './comparison';
import { parseRfc3339Nanos } from './datetime';
import { VisibilityQueryError } from './errors';
import type { VisibilityFilter, VisibilityRecord } from './record';

type Evaluator = (record: VisibilityRecord) => Truth;

/**
 * Turns a parsed List Filter into a record predicate. Literals compared with system attributes are
 * checked here, as Temporal's converter does, so a bad datetime or status fails the request instead
 * of silently matching nothing. A record matches only when the whole expression is true.
 */
export function compile(expression: Expression | undefined): VisibilityFilter {
  if (expression === undefined) return () => true;
  const evaluate = compileExpression(expression);
  return (record) => evaluate(record) === true;
}

function compileExpression(expression: Expression): Evaluator {
  switch (expression.kind) {
    case 'or': {
      const [left, right] = [compileExpression(expression.left), compileExpression(expression.right)];
      return (record) => {
        const first = left(record);
        return first === true ? true : or(first, right(record));
      };
    }
    case 'and': {
      const [left, right] = [compileExpression(expression.left), compileExpression(expression.right)];
      return (record) => {
        const first = left(record);
        return first === false ? false : and(first, right(record));
      };
    }
    case 'not': {
      const operand = compileExpression(expression.operand);
      return (record) => not(operand(record));
    }
    case 'comparison': {
      const attribute = resolveAttribute(expression.attribute.name);
      const { read } = attribute;
      const operand = toOperand(attribute, expression.value);
      const { operator } = expression;
      if (operator === '=') return (record) => equals(read(record), operand);
      if (operator === '!=') return (record) => not(equals(read(record), operand));
      return (record) => compareWith(operator, read(record), operand);
    }
    case 'in': {
      const attribute = resolveAttribute(expression.attribute.name);
      const operands = expression.values.map((value) => toOperand(attribute, value));
      const { negated } = expression;
      return (record) => {
        const found = isIn(attribute.read(record), operands);
        return negated ? not(found) : found;
      };
    }
    case 'between': {
      const attribute = resolveAttribute(expression.attribute.name);
      const [low, high] = [toOperand(attribute, expression.low), toOperand(attribute, expression.high)];
      const { negated } = expression;
      return (record) => {
        const actual = attribute.read(record);
        // Temporal refuses BETWEEN on Bool attributes, so no boolean can fall inside a range.
        if (typeof actual === 'boolean') return null;
        // SQL defines `x BETWEEN a AND b` as `x >= a AND x <= b`, both bounds inclusive.
        const inside = and(compareWith('>=', actual, low), compareWith('<=', actual, high));
        return negated ? not(inside) : inside;
      };
    }
    case 'startsWith': {
      const attribute = resolveAttribute(expression.attribute.name);
      rejectStartsWithOnDatetime(attribute, expression.attribute);
      const prefix = toOperand(attribute, expression.prefix);
      const { negated } = expression;
      return (record) => {
        const found = startsWith(attribute.read(record), prefix);
        return negated ? not(found) : found;
      };
    }
    case 'isNull': {
      const { read } = resolveAttribute(expression.attribute.name);
      const { negated } = expression;
      return (record) => isMissing(read(record)) !== negated;
    }
  }
}

function rejectStartsWithOnDatetime(attribute: ResolvedAttribute, ref: AttributeRef): void {
  if (attribute.type === 'Datetime') {
    throw new VisibilityQueryError(
      `STARTS_WITH 只能用于 Keyword 类型的属性，${attribute.name} 是 Datetime 类型`,
      ref.text,
      ref.offset,
    );
  }
}

function toOperand(attribute: ResolvedAttribute, literal: Literal): Operand {
  switch (attribute.type) {
    case 'Datetime':
      return { value: literal.value, instant: requireInstant(attribute, literal) };
    case 'Keyword':
      if (literal.kind !== 'string') invalidValue(attribute, literal, 'Keyword 类型的属性只能与字符串比较');
      return { value: literal.value };
    case 'ExecutionStatus':
      return { value: requireExecutionStatus(literal) };
    case 'Custom':
      // The attribute's type is only known per record, so keep every reading of the literal.
      return { value: literal.value, instant: literalInstant(literal) };
  }
}

/** Strings are RFC 3339 datetimes and integers are Unix nanoseconds, as in Temporal's converter. */
function literalInstant(literal: Literal): bigint | undefined {
  if (literal.kind === 'string') return parseRfc3339Nanos(literal.value);
  if (literal.kind === 'number' && isIntegerText(literal.raw)) return BigInt(literal.raw);
  return undefined;
}

function requireInstant(attribute: ResolvedAttribute, literal: Literal): bigint {
  const instant = literalInstant(literal);
  if (instant === undefined) {
    invalidValue(
      attribute,
      literal,
      literal.kind === 'string'
        ? `无法解析日期时间 "${literal.value}"，应为 RFC 3339 格式（如 2024-01-02T03:04:05Z）`
        : '日期时间属性的值应为 RFC 3339 字符串或以纳秒计的 Unix 时间整数',
    );
  }
  return instant;
}

function requireExecutionStatus(literal: Literal): string {
  const status =
    literal.kind === 'string'
      ? normalizeExecutionStatus(literal.value)
      : literal.kind === 'number' && isIntegerText(literal.raw)
        ? normalizeExecutionStatus(literal.value)
        : undefined;
  if (status === undefined) {
    invalidValue(
      { name: 'ExecutionStatus' },
      literal,
      '无效的执行状态，应为 Running、Completed、Failed、Canceled、Terminated、ContinuedAsNew 或 TimedOut',
    );
  }
  return status;
}

function isIntegerText(raw: string): boolean {
  return /^-?\d+$/.test(raw);
}

function invalidValue(attribute: Pick<ResolvedAttribute, 'name'>, literal: Literal, reason: string): never {
  throw new VisibilityQueryError(`属性 ${attribute.name} 的值无效：${reason}`, literal.text, literal.offset);
}
