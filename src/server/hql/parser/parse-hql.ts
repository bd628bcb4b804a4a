import type { IRecognitionException, IToken } from 'chevrotain';
import type { QueryNode } from '../ast/query-node.js';
import type { SourcePosition } from '../ast/source-position.js';
import { queryException, usageException } from '../hql-error.js';
import { And, Case, Comma, Else, End, hqlLexer, LParen, Not, Or, RParen, Then, When } from './hql-lexer.js';
import { HqlParser, HqlSyntaxProblem } from './hql-parser.js';

/** Longest HQL text we accept, a guard against pathological input (1 MiB). */
export const MAX_HQL_LENGTH = 1 << 20;

/** Deepest nesting we accept: parentheses, `case … end` and runs of `not` (the parser recurses per level). */
export const MAX_HQL_NESTING = 100;

/**
 * The first token nested deeper than `MAX_HQL_NESTING`, if any. Nesting counts what makes the
 * parser recurse and the SQL nest: open parentheses and `case … end`, plus a run of prefix `not`s
 * (`not not not …` needs no parentheses; a run ends at `and`, `or`, `,` or the group's end).
 */
function tooDeep(tokens: readonly IToken[]): { token: IToken; what: 'parentheses' | 'expressions' } | undefined {
  let groups = 0;
  let nots = 0;
  const saved: number[] = [];
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === LParen || type === Case) {
      saved.push(nots);
      if (++groups + nots > MAX_HQL_NESTING) return { token: t, what: nots === 0 ? 'parentheses' : 'expressions' };
    } else if (type === RParen || type === End) {
      groups = Math.max(0, groups - 1);
      nots = saved.pop() ?? 0;
    } else if (type === Not) {
      if (groups + ++nots > MAX_HQL_NESTING) return { token: t, what: 'expressions' };
    } else if (type === And || type === Or || type === Comma || type === When || type === Then || type === Else) {
      nots = saved.at(-1) ?? 0;
    }
  }
  return undefined;
}

let parser: HqlParser | undefined;

function instance(): HqlParser {
  // Built lazily (self-analysis takes a few milliseconds) and reused: parsing is synchronous.
  parser ??= new HqlParser();
  return parser;
}

function positionOf(e: IRecognitionException, tokens: readonly IToken[]): SourcePosition {
  const t = e.token;
  if (t && Number.isFinite(t.startLine) && t.tokenType.name !== 'EOF') {
    return { line: t.startLine!, column: t.startColumn! };
  }
  const last = tokens.at(-1);
  if (!last) return { line: 1, column: 1 };
  return { line: last.endLine ?? 1, column: (last.endColumn ?? 0) + 1 };
}

/**
 * Parses HQL text into a `QueryNode` (reference api §3.2). Keywords are case-insensitive;
 * entity and property names are kept as written.
 *
 * ### Examples
 *
 * ```ts
 * parseHql('select p from Project as p where p.id = :id')
 * // QueryNode { select: [SelectItemNode(PathNode ['p'])], roots: [EntityRangeNode('Project', 'p')],
 * //             where: BinaryOperationNode('=', PathNode ['p','id'], ParameterNode 'id') }
 * parseHql('select p from Project p where')
 * // throws QueryException: "Illegal query:select p from Project p where\n
 * //   line 1:30: expected one of '(', :parameter, … but found end of input"
 * ```
 *
 * @throws QueryException with the line:column of the first offending token and what was
 *   expected; ApiUsageException when `hql` is not a string.
 */
export function parseHql(hql: string): QueryNode {
  if (typeof hql !== 'string') throw usageException('HQL query must be a string');
  if (hql.length > MAX_HQL_LENGTH) throw queryException(hql.slice(0, 200), `query longer than ${MAX_HQL_LENGTH} characters`);
  const lexed = hqlLexer.tokenize(hql);
  const lexError = lexed.errors[0];
  if (lexError) {
    const position = { line: lexError.line ?? 1, column: lexError.column ?? 1 };
    const ch = hql.charAt(lexError.offset);
    const detail = ch === "'" ? 'unterminated string literal' : ch === '?' ? "positional parameters '?' are not supported; use :name" : `unexpected character '${ch}'`;
    throw queryException(hql, detail, position);
  }
  const deep = tooDeep(lexed.tokens);
  if (deep) {
    const position = { line: deep.token.startLine ?? 1, column: deep.token.startColumn ?? 1 };
    throw queryException(hql, `${deep.what} nested deeper than ${MAX_HQL_NESTING} levels`, position);
  }
  const p = instance();
  p.input = lexed.tokens;
  let result: QueryNode;
  try {
    result = p.statement();
  } catch (e) {
    if (e instanceof HqlSyntaxProblem) throw queryException(hql, e.message, e.position);
    // Long prefix chains (`not not not …`) recurse without parentheses; that is the query's fault.
    if (e instanceof RangeError) throw queryException(hql, 'query too complex: expressions nested too deeply');
    throw e;
  }
  const error = p.errors[0];
  if (error) throw queryException(hql, error.message, positionOf(error, lexed.tokens));
  return result;
}
