import { compile } from './compiler';
import { parse } from './parser';
import type { VisibilityFilter } from './record';
import { tokenize } from './tokenizer';

export { VisibilityQueryError } from './errors';
export type { VisibilityFilter, VisibilityRecord } from './record';

/**
 * Compiles a Temporal List Filter (the `query` of ListWorkflowExecutions / CountWorkflowExecutions)
 * into a predicate over visibility records. Throws VisibilityQueryError for anything Temporal's SQL
 * visibility store would reject; an empty or blank query matches every record.
 */
export function compileVisibilityQuery(query: string): VisibilityFilter {
  return compile(parse(tokenize(query)));
}
