import type { Expression, Literal } from './ast';
import { VisibilityQueryError } from './errors';
import { parse } from './parser';
import { tokenize } from './tokenizer';

function parseQuery(query: string): Expression | undefined {
  return parse(tokenize(query));
}

// Renders a tree as a compact S-expression so precedence is visible at a glance.
function show(expression: Expression | undefined): string {
  if (expression === undefined) return '∅';
  const literal = (value: Literal): string =>
    value.kind === 'string' ? `'${value.value}'` : String(value.value);
  switch (expression.kind) {
    case 'or':
    case 'and':
      return `(${expression.kind} ${show(expression.left)} ${show(expression.right)})`;
    case 'not':
      return `(not ${show(expression.operand)})`;
    case 'comparison':
      return `${expression.attribute.name}${expression.operator}${literal(expression.value)}`;
    case 'in':
      return `${expression.attribute.name} ${expression.negated ? 'notIn' : 'in'} [${expression.values.map(literal).join(',')}]`;
    case 'between':
      return `${expression.attribute.name} ${expression.negated ? 'notBetween' : 'between'} ${literal(expression.low)}..${literal(expression.high)}`;
    case 'startsWith':
      return `${expression.attribute.name} ${expression.negated ? 'notStartsWith' : 'startsWith'} ${literal(expression.prefix)}`;
    case 'isNull':
      return `${expression.attribute.name} ${expression.negated ? 'isNotNull' : 'isNull'}`;
  }
}

function errorOf(query: string): VisibilityQueryError {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof VisibilityQueryError) return error;
    throw error;
  }
  throw new Error(`expected "${query}" to be rejected`);
}

describe('parse', () => {
  it.each(['', '   ', '\n\t'])('returns no expression for the blank query %j', (query) => {
    expect(parseQuery(query)).toBeUndefined();
  });

  it('keeps attribute and literal positions for later error messages', () => {
    expect(parseQuery("  `LepStage` = 'review'")).toEqual({
      kind: 'comparison',
      attribute: { name: 'LepStage', text: '`LepStage`', offset: 2 },
      operator: '=',
      value: { kind: 'string', value: 'review', text: "'review'", offset: 15 },
    });
  });

  it.each([
    ['A = 1', 'A=1'],
    ['A != 1', 'A!=1'],
    ['A <> 1', 'A!=1'],
    ['A > 1', 'A>1'],
    ['A >= 1', 'A>=1'],
    ['A < 1', 'A<1'],
    ['A <= 1', 'A<=1'],
    ["A IN ('x')", "A in ['x']"],
    ['A in (\'x\', "y", 3)', "A in ['x','y',3]"],
    ["A NOT IN ('x','y')", "A notIn ['x','y']"],
    ['A BETWEEN 1 AND 5', 'A between 1..5'],
    ['A not between -1 and +5', 'A notBetween -1..5'],
    ["A STARTS_WITH 'pre'", "A startsWith 'pre'"],
    ["A NOT STARTS_WITH 'pre'", "A notStartsWith 'pre'"],
    ['A IS NULL', 'A isNull'],
    ['A is not null', 'A isNotNull'],
    ['A = true', 'A=true'],
    ['A = FALSE', 'A=false'],
  ])('parses the predicate %s', (query, expected) => {
    expect(show(parseQuery(query))).toBe(expected);
  });

  it('keeps the written digits and sign of numbers', () => {
    expect(parseQuery('A = -1700000000000000001')).toMatchObject({
      value: { kind: 'number', raw: '-1700000000000000001', text: '-1700000000000000001', offset: 4 },
    });
    expect(parseQuery('A = +2.5')).toMatchObject({ value: { kind: 'number', value: 2.5, raw: '2.5' } });
  });

  it.each([
    ['A = 1 OR B = 2 AND C = 3', '(or A=1 (and B=2 C=3))'],
    ['A = 1 AND B = 2 OR C = 3', '(or (and A=1 B=2) C=3)'],
    ['A = 1 AND B = 2 AND C = 3', '(and (and A=1 B=2) C=3)'],
    ['A = 1 OR B = 2 OR C = 3', '(or (or A=1 B=2) C=3)'],
    ['(A = 1 OR B = 2) AND C = 3', '(and (or A=1 B=2) C=3)'],
    ['((A = 1))', 'A=1'],
    ['NOT A = 1 AND B = 2', '(and (not A=1) B=2)'],
    ['NOT (A = 1 AND B = 2)', '(not (and A=1 B=2))'],
    ['NOT NOT A = 1', '(not (not A=1))'],
    ['A = 1 OR NOT B = 2', '(or A=1 (not B=2))'],
    ['A BETWEEN 1 AND 2 AND B = 3', '(and A between 1..2 B=3)'],
    ['A BETWEEN 1 AND 2 OR B NOT BETWEEN 3 AND 4', '(or A between 1..2 B notBetween 3..4)'],
  ])('gives AND precedence over OR and NOT over AND: %s', (query, expected) => {
    expect(show(parseQuery(query))).toBe(expected);
  });

  it.each([
    ['ORDER BY StartTime', 'ORDER', 0, 'ORDER BY'],
    ["WorkflowType = 'x' ORDER BY StartTime DESC", 'ORDER', 19, 'ORDER BY'],
    ['A = 1 order by B', 'order', 6, 'ORDER BY'],
    ['GROUP BY ExecutionStatus', 'GROUP', 0, 'GROUP BY'],
    ['A = 1 LIMIT 10', 'LIMIT', 6, 'LIMIT'],
    ['A = 1 B = 2', 'B', 6, 'AND、OR'],
    ['A = 1 AND', '', 9, '查询不完整'],
    ['A =', '', 3, '查询不完整'],
    ['A', '', 1, '比较运算符'],
    ['(A = 1', '', 6, '右括号'],
    ['A = 1)', ')', 5, 'AND、OR'],
    ['()', ')', 1, '搜索属性名'],
    ["'x' = WorkflowId", "'x'", 0, '左侧必须是搜索属性名'],
    ['1 = A', '1', 0, '左侧必须是搜索属性名'],
    ['WorkflowId = RunId', 'RunId', 13, '加引号'],
    ['A = NULL', 'NULL', 4, '此处应为值'],
    ["A LIKE 'x%'", 'LIKE', 2, '比较运算符'],
    ["A NOT LIKE 'x%'", 'LIKE', 6, 'NOT 之后'],
    ['A <=> 1', '<=>', 2, '不支持的运算符'],
    ['A IS TRUE', 'TRUE', 5, 'IS NULL 或 IS NOT NULL'],
    ['A IS NOT 1', '1', 9, 'IS NULL 或 IS NOT NULL'],
    ['A IN 1', '1', 5, '左括号'],
    ['A IN ()', ')', 6, '此处应为值'],
    ["A IN ('x' 'y')", "'y'", 10, '逗号'],
    ["A IN ('x',)", ')', 10, '此处应为值'],
    ['A BETWEEN 1 OR 2', 'OR', 12, 'AND'],
    ['A STARTS_WITH 1', '1', 14, '必须是字符串'],
    ["A = - 'x'", "'x'", 6, '只能是数字'],
    ['A = (1)', '(', 4, '此处应为值'],
    ['NOT', '', 3, '查询不完整'],
    ['AND A = 1', 'AND', 0, '搜索属性名'],
  ])('rejects %j at the offending token', (query, token, offset, reasonPart) => {
    const error = errorOf(query);
    expect({ token: error.token, offset: error.offset }).toEqual({ token, offset });
    expect(error.message).toContain(reasonPart);
  });
});
