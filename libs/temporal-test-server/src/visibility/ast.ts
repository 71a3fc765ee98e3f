/** Syntax tree of a List Filter; every node keeps the source position its errors should point at. */

export interface AttributeRef {
  name: string;
  text: string;
  offset: number;
}

export type Literal =
  | { kind: 'string'; value: string; text: string; offset: number }
  /** `raw` keeps the digits (with sign) so integer datetimes in Unix nanoseconds stay exact. */
  | { kind: 'number'; value: number; raw: string; text: string; offset: number }
  | { kind: 'boolean'; value: boolean; text: string; offset: number };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Expression =
  | { kind: 'or'; left: Expression; right: Expression }
  | { kind: 'and'; left: Expression; right: Expression }
  | { kind: 'not'; operand: Expression }
  | { kind: 'comparison'; attribute: AttributeRef; operator: ComparisonOperator; value: Literal }
  | { kind: 'in'; attribute: AttributeRef; negated: boolean; values: Literal[] }
  | { kind: 'between'; attribute: AttributeRef; negated: boolean; low: Literal; high: Literal }
  | { kind: 'startsWith'; attribute: AttributeRef; negated: boolean; prefix: Literal }
  | { kind: 'isNull'; attribute: AttributeRef; negated: boolean };
