import type { AttributeRef, ComparisonOperator, Expression, Literal } from './ast';
import { VisibilityQueryError } from './errors';
import type { Token } from './tokenizer';

/**
 * Recursive-descent parser for the WHERE part of a List Filter. Precedence follows MySQL, whose
 * grammar Temporal's sqlparser fork uses: OR < AND < NOT < predicate. Returns undefined for an
 * empty query, which Temporal treats as "every execution".
 *
 *   query      := [ or ] end
 *   or         := and { OR and }
 *   and        := not { AND not }
 *   not        := NOT not | '(' or ')' | predicate
 *   predicate  := attribute ( compare literal | [NOT] IN '(' literal { ',' literal } ')'
 *                 | [NOT] BETWEEN literal AND literal | [NOT] STARTS_WITH string | IS [NOT] NULL )
 */
export function parse(tokens: Token[]): Expression | undefined {
  return new Parser(tokens).parseQuery();
}

const COMPARISON_OPERATORS = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);

// Clauses Temporal's SQL visibility store rejects with "operation is not supported".
const UNSUPPORTED_CLAUSES: Record<string, string> = {
  ORDER: '不支持 ORDER BY 子句',
  GROUP: '列表查询不支持 GROUP BY 子句',
  LIMIT: '不支持 LIMIT 子句',
};

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): Expression | undefined {
    if (this.peek().kind === 'end') return undefined;
    this.rejectUnsupportedClause();
    const expression = this.parseOr();
    this.rejectUnsupportedClause();
    const next = this.peek();
    if (next.kind !== 'end') this.fail(next, '表达式已结束，此处应为 AND、OR 或查询结尾');
    return expression;
  }

  private parseOr(): Expression {
    let left = this.parseAnd();
    while (this.acceptKeyword('OR')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseNot();
    while (this.acceptKeyword('AND')) left = { kind: 'and', left, right: this.parseNot() };
    return left;
  }

  private parseNot(): Expression {
    if (this.acceptKeyword('NOT')) return { kind: 'not', operand: this.parseNot() };
    if (this.acceptOperator('(')) {
      const inner = this.parseOr();
      this.expectOperator(')', '此处应为右括号 ")"');
      return inner;
    }
    return this.parsePredicate();
  }

  private parsePredicate(): Expression {
    const attribute = this.parseAttribute();
    const token = this.advance();
    if (token.kind === 'operator' && COMPARISON_OPERATORS.has(token.value)) {
      return {
        kind: 'comparison',
        attribute,
        operator: token.value as ComparisonOperator,
        value: this.parseLiteral(),
      };
    }
    if (token.kind === 'operator' && token.value === '<=>') this.fail(token, '不支持的运算符');
    if (token.kind === 'keyword') {
      if (token.value === 'IS') return this.parseIsNull(attribute);
      const negated = token.value === 'NOT';
      const operator = negated ? this.advance() : token;
      if (operator.kind === 'keyword') {
        if (operator.value === 'IN')
          return { kind: 'in', attribute, negated, values: this.parseLiteralList() };
        if (operator.value === 'BETWEEN') return this.parseBetween(attribute, negated);
        if (operator.value === 'STARTS_WITH') return this.parseStartsWith(attribute, negated);
      }
      if (negated) this.fail(operator, 'NOT 之后应为 IN、BETWEEN 或 STARTS_WITH');
    }
    return this.fail(token, `属性 ${attribute.name} 之后应为比较运算符、IN、BETWEEN、STARTS_WITH 或 IS`);
  }

  private parseIsNull(attribute: AttributeRef): Expression {
    const negated = this.acceptKeyword('NOT');
    const token = this.advance();
    if (token.kind !== 'keyword' || token.value !== 'NULL') {
      this.fail(token, 'IS 只能用作 IS NULL 或 IS NOT NULL');
    }
    return { kind: 'isNull', attribute, negated };
  }

  private parseBetween(attribute: AttributeRef, negated: boolean): Expression {
    const low = this.parseLiteral();
    const and = this.advance();
    if (and.kind !== 'keyword' || and.value !== 'AND') this.fail(and, 'BETWEEN 的两个边界之间应为 AND');
    return { kind: 'between', attribute, negated, low, high: this.parseLiteral() };
  }

  private parseStartsWith(attribute: AttributeRef, negated: boolean): Expression {
    const prefix = this.parseLiteral();
    if (prefix.kind !== 'string') this.fail(this.tokens[this.index - 1], 'STARTS_WITH 右侧必须是字符串');
    return { kind: 'startsWith', attribute, negated, prefix };
  }

  private parseLiteralList(): Literal[] {
    this.expectOperator('(', 'IN 之后应为左括号 "("');
    const values = [this.parseLiteral()];
    while (this.acceptOperator(',')) values.push(this.parseLiteral());
    this.expectOperator(')', 'IN 列表应以右括号 ")" 结束，值之间用逗号分隔');
    return values;
  }

  private parseAttribute(): AttributeRef {
    const token = this.advance();
    if (token.kind !== 'identifier') {
      if (token.kind === 'string' || token.kind === 'number') {
        this.fail(token, '比较的左侧必须是搜索属性名');
      }
      this.fail(token, '此处应为搜索属性名或左括号');
    }
    return { name: token.value, text: token.text, offset: token.offset };
  }

  private parseLiteral(): Literal {
    const token = this.advance();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value, text: token.text, offset: token.offset };
      case 'number':
        return numberLiteral(token, '', token.offset);
      case 'keyword':
        if (token.value === 'TRUE' || token.value === 'FALSE') {
          return { kind: 'boolean', value: token.value === 'TRUE', text: token.text, offset: token.offset };
        }
        break;
      case 'operator':
        if (token.value === '-' || token.value === '+') {
          const digits = this.advance();
          if (digits.kind !== 'number') this.fail(digits, `正负号 "${token.text}" 之后只能是数字`);
          return numberLiteral(digits, token.value, token.offset);
        }
        break;
      case 'identifier':
        this.fail(token, `值的位置出现了属性名 ${token.value}（字符串值需要加引号）`);
    }
    return this.fail(token, '此处应为值（字符串、数字、true 或 false）');
  }

  private rejectUnsupportedClause(): void {
    const token = this.peek();
    if (token.kind === 'keyword' && token.value in UNSUPPORTED_CLAUSES) {
      this.fail(token, UNSUPPORTED_CLAUSES[token.value]);
    }
  }

  private acceptKeyword(keyword: string): boolean {
    const token = this.peek();
    if (token.kind !== 'keyword' || token.value !== keyword) return false;
    this.index += 1;
    return true;
  }

  private acceptOperator(operator: string): boolean {
    const token = this.peek();
    if (token.kind !== 'operator' || token.value !== operator) return false;
    this.index += 1;
    return true;
  }

  private expectOperator(operator: string, reason: string): void {
    if (!this.acceptOperator(operator)) this.fail(this.peek(), reason);
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private advance(): Token {
    const token = this.tokens[this.index];
    // The end token stays put so repeated reads at the end keep reporting the same place.
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private fail(token: Token, reason: string): never {
    throw new VisibilityQueryError(
      token.kind === 'end' ? `查询不完整，${reason}` : reason,
      token.text,
      token.offset,
    );
  }
}

function numberLiteral(token: Token, sign: '' | '-' | '+', offset: number): Literal {
  const raw = sign === '-' ? `-${token.value}` : token.value;
  return { kind: 'number', value: Number(raw), raw, text: sign + token.text, offset };
}
