import type { IToken, TokenType } from 'chevrotain';
import { EmbeddedActionsParser } from './chevrotain.js';
import type { ValueKind } from '../../db/entities.js';
import { BetweenNode } from '../ast/between-node.js';
import { BinaryOperationNode, type ComparisonOperator } from '../ast/binary-operation-node.js';
import { CaseNode } from '../ast/case-node.js';
import { CastNode } from '../ast/cast-node.js';
import { EntityRangeNode } from '../ast/entity-range-node.js';
import { ExistsNode } from '../ast/exists-node.js';
import type { ExpressionNode } from '../ast/expression-node.js';
import { FunctionNode } from '../ast/function-node.js';
import { InNode } from '../ast/in-node.js';
import { IsEmptyNode } from '../ast/is-empty-node.js';
import { IsNullNode } from '../ast/is-null-node.js';
import { JoinNode } from '../ast/join-node.js';
import { LikeNode } from '../ast/like-node.js';
import { LiteralNode } from '../ast/literal-node.js';
import { LogicalNode } from '../ast/logical-node.js';
import { MapNode } from '../ast/map-node.js';
import { NotNode } from '../ast/not-node.js';
import { OrderByItemNode } from '../ast/order-by-item-node.js';
import { ParameterNode } from '../ast/parameter-node.js';
import { PathNode } from '../ast/path-node.js';
import { QueryNode } from '../ast/query-node.js';
import { SelectItemNode } from '../ast/select-item-node.js';
import type { SourcePosition } from '../ast/source-position.js';
import { SubqueryNode } from '../ast/subquery-node.js';
import { WhenNode } from '../ast/when-node.js';
import { HQL_ERROR_MESSAGES } from './error-messages.js';
import * as T from './hql-lexer.js';

/** HQL type names accepted by `cast(x as <type>)`, and the value kind each produces. */
export const CAST_TYPES: Readonly<Record<string, ValueKind>> = Object.freeze({
  text: 'string',
  string: 'string',
  long: 'long',
  bigint: 'long',
  int: 'int',
  integer: 'int',
  double: 'double',
  float: 'double',
  boolean: 'bool',
  timestamp: 'time',
});

/** A semantic problem found while parsing (bad cast type, `new` without `map`…). */
export class HqlSyntaxProblem extends Error {
  constructor(
    message: string,
    readonly position: SourcePosition,
  ) {
    super(message);
  }
}

function pos(token: IToken): SourcePosition {
  return { line: token.startLine ?? 1, column: token.startColumn ?? 1 };
}

function unquote(image: string): string {
  return image.slice(1, -1).replaceAll("''", "'");
}

function numberValue(image: string): number {
  return Number(image.replace(/[lLdDfF]$/, ''));
}

const COMPARISON: ReadonlyArray<readonly [TokenType, ComparisonOperator]> = [
  [T.Equals, '='],
  [T.NotEquals, '<>'],
  [T.LessEquals, '<='],
  [T.GreaterEquals, '>='],
  [T.Less, '<'],
  [T.Greater, '>'],
];

/**
 * The HQL grammar of reference api §3.2 as a chevrotain parser building AST nodes directly.
 * Conditions and values share one precedence ladder: `or` → `and` → `not` → predicate → primary.
 * Error recovery is off: the first error stops the parse and is reported with its position.
 */
export class HqlParser extends EmbeddedActionsParser {
  constructor() {
    super([...T.ALL_TOKENS], { maxLookahead: 3, errorMessageProvider: HQL_ERROR_MESSAGES });
    this.performSelfAnalysis();
  }

  /** A whole statement: one query and nothing after it. */
  statement = this.RULE('statement', (): QueryNode => this.SUBRULE(this.query));

  query = this.RULE('query', (): QueryNode => {
    let select: SelectItemNode[] | null = null;
    let distinct = false;
    const roots: EntityRangeNode[] = [];
    const joins: JoinNode[] = [];
    let where: ExpressionNode | null = null;
    const groupBy: ExpressionNode[] = [];
    let having: ExpressionNode | null = null;
    const orderBy: OrderByItemNode[] = [];
    let first: IToken | undefined;
    this.OPTION(() => {
      first = this.CONSUME(T.Select);
      this.OPTION1(() => {
        this.CONSUME(T.Distinct);
        distinct = true;
      });
      const items: SelectItemNode[] = [];
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE(this.selectItem)) });
      select = items;
    });
    const from = this.CONSUME(T.From);
    first ??= from;
    roots.push(this.SUBRULE(this.entityRange));
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Comma);
            roots.push(this.SUBRULE1(this.entityRange));
          },
        },
        { ALT: () => joins.push(this.SUBRULE(this.join)) },
      ]);
    });
    this.OPTION2(() => {
      this.CONSUME(T.Where);
      where = this.SUBRULE(this.expression);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Group);
      this.CONSUME(T.By);
      this.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => groupBy.push(this.SUBRULE1(this.expression)) });
    });
    this.OPTION4(() => {
      this.CONSUME(T.Having);
      having = this.SUBRULE2(this.expression);
    });
    this.OPTION5(() => {
      this.CONSUME(T.Order);
      this.CONSUME1(T.By);
      this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => orderBy.push(this.SUBRULE(this.orderItem)) });
    });
    return this.ACTION(() =>
      QueryNode.create({ select, distinct, roots, joins, where, groupBy, having, orderBy, position: pos(first!) }),
    );
  });

  entityRange = this.RULE('entityRange', (): EntityRangeNode => {
    const start = this.CONSUME(T.Identifier);
    const parts = [start.image];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      parts.push(this.CONSUME(T.Name).image);
    });
    const alias = this.SUBRULE(this.optionalAlias);
    return EntityRangeNode.create(parts.join('.'), alias, pos(start));
  });

  optionalAlias = this.RULE('optionalAlias', (): string | null => {
    let alias: string | null = null;
    this.OPTION(() => {
      this.OPTION1(() => this.CONSUME(T.As));
      alias = this.CONSUME(T.Identifier).image;
    });
    return alias;
  });

  join = this.RULE('join', (): JoinNode => {
    let joinType: 'inner' | 'left' = 'inner';
    let first: IToken | undefined;
    this.OPTION(() => {
      this.OR([
        { ALT: () => (first = this.CONSUME(T.Inner)) },
        {
          ALT: () => {
            first = this.CONSUME(T.Left);
            joinType = 'left';
            this.OPTION1(() => this.CONSUME(T.Outer));
          },
        },
      ]);
    });
    const join = this.CONSUME(T.Join);
    let fetch = false;
    this.OPTION2(() => {
      this.CONSUME(T.Fetch);
      fetch = true;
    });
    const path = this.SUBRULE(this.path);
    const alias = this.SUBRULE(this.optionalAlias);
    return JoinNode.create(joinType, fetch, path, alias, pos(first ?? join));
  });

  path = this.RULE('path', (): PathNode => {
    const start = this.CONSUME(T.Identifier);
    const segments = [start.image];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      segments.push(this.CONSUME(T.Name).image);
    });
    return PathNode.create(segments, pos(start));
  });

  selectItem = this.RULE('selectItem', (): SelectItemNode => {
    const expression = this.OR([
      { ALT: () => this.SUBRULE(this.mapConstructor) },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
    let alias: string | null = null;
    this.OPTION(() => {
      this.CONSUME(T.As);
      alias = this.CONSUME(T.Name).image;
    });
    return SelectItemNode.create(expression, alias);
  });

  mapConstructor = this.RULE('mapConstructor', (): MapNode => {
    this.CONSUME(T.New);
    const name = this.CONSUME(T.Identifier);
    this.ACTION(() => {
      if (name.image.toLowerCase() !== 'map') {
        throw new HqlSyntaxProblem(`only 'new map(…)' is supported, not 'new ${name.image}'`, pos(name));
      }
    });
    this.CONSUME(T.LParen);
    const entries: SelectItemNode[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const value = this.SUBRULE(this.expression);
        this.CONSUME(T.As);
        const key = this.CONSUME(T.Name).image;
        entries.push(SelectItemNode.create(value, key));
      },
    });
    this.CONSUME(T.RParen);
    return MapNode.create(entries);
  });

  orderItem = this.RULE('orderItem', (): OrderByItemNode => {
    const expression = this.SUBRULE(this.expression);
    let direction: 'asc' | 'desc' = 'asc';
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Asc) },
        { ALT: () => ((direction = 'desc'), this.CONSUME(T.Desc)) },
      ]);
    });
    return OrderByItemNode.create(expression, direction);
  });

  expression = this.RULE('expression', (): ExpressionNode => {
    let left = this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(T.Or);
      const right = this.SUBRULE1(this.andExpression);
      left = LogicalNode.create('or', left, right);
    });
    return left;
  });

  andExpression = this.RULE('andExpression', (): ExpressionNode => {
    let left = this.SUBRULE(this.notExpression);
    this.MANY(() => {
      this.CONSUME(T.And);
      const right = this.SUBRULE1(this.notExpression);
      left = LogicalNode.create('and', left, right);
    });
    return left;
  });

  notExpression = this.RULE('notExpression', (): ExpressionNode =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          return NotNode.create(this.SUBRULE(this.notExpression));
        },
      },
      { ALT: () => this.SUBRULE(this.predicate) },
    ]),
  );

  predicate = this.RULE('predicate', (): ExpressionNode => {
    const left = this.SUBRULE(this.operand);
    let result: ExpressionNode = left;
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            const op = this.SUBRULE(this.comparisonOperator);
            const right = this.SUBRULE1(this.operand);
            result = BinaryOperationNode.create(op, left, right);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Is);
            let negated = false;
            this.OPTION1(() => {
              this.CONSUME(T.Not);
              negated = true;
            });
            this.OR1([
              { ALT: () => ((result = IsNullNode.create(left, negated)), this.CONSUME(T.Null)) },
              {
                ALT: () => {
                  const empty = this.CONSUME(T.Empty);
                  this.ACTION(() => {
                    if (!PathNode.is(left)) throw new HqlSyntaxProblem("'is empty' needs a collection path", pos(empty));
                    result = IsEmptyNode.create(left, negated);
                  });
                },
              },
            ]);
          },
        },
        {
          ALT: () => {
            let negated = false;
            this.OPTION2(() => {
              this.CONSUME1(T.Not);
              negated = true;
            });
            this.OR2([
              {
                ALT: () => {
                  let caseInsensitive = false;
                  this.OR3([
                    { ALT: () => this.CONSUME(T.Like) },
                    { ALT: () => ((caseInsensitive = true), this.CONSUME(T.Ilike)) },
                  ]);
                  const pattern = this.SUBRULE2(this.operand);
                  result = LikeNode.create(left, pattern, negated, caseInsensitive);
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.In);
                  const values = this.SUBRULE(this.inList);
                  result = this.ACTION(() => InNode.create(left, values, negated));
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.Between);
                  const low = this.SUBRULE3(this.operand);
                  this.CONSUME(T.And);
                  const high = this.SUBRULE4(this.operand);
                  result = BetweenNode.create(left, low, high, negated);
                },
              },
            ]);
          },
        },
      ]);
    });
    return result;
  });

  comparisonOperator = this.RULE('comparisonOperator', (): ComparisonOperator => {
    let op: ComparisonOperator = '=';
    this.OR(
      COMPARISON.map(([token, operator]) => ({
        ALT: () => {
          this.CONSUME(token);
          op = operator;
        },
      })),
    );
    return op;
  });

  inList = this.RULE('inList', (): ExpressionNode[] =>
    this.OR([
      {
        ALT: () => {
          const p = this.CONSUME(T.NamedParameter);
          return [ParameterNode.create(p.image.slice(1), pos(p))];
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const values = this.OR1([
            { ALT: () => [SubqueryNode.create(this.SUBRULE(this.query))] },
            {
              ALT: () => {
                const list: ExpressionNode[] = [];
                this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => list.push(this.SUBRULE(this.operand)) });
                return list;
              },
            },
          ]);
          this.CONSUME(T.RParen);
          return values;
        },
      },
    ]),
  );

  /** A value: literal, parameter, path, function call, cast, case, exists or parenthesised. */
  operand = this.RULE('operand', (): ExpressionNode =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const inner = this.OR1([
            { ALT: (): ExpressionNode => SubqueryNode.create(this.SUBRULE(this.query)) },
            { ALT: (): ExpressionNode => this.SUBRULE(this.expression) },
          ]);
          this.CONSUME(T.RParen);
          return inner;
        },
      },
      {
        ALT: () => {
          const p = this.CONSUME(T.NamedParameter);
          return ParameterNode.create(p.image.slice(1), pos(p));
        },
      },
      {
        ALT: () => {
          const s = this.CONSUME(T.StringLiteral);
          return LiteralNode.create(this.ACTION(() => unquote(s.image)));
        },
      },
      {
        ALT: () => {
          const n = this.CONSUME(T.NumberLiteral);
          return LiteralNode.create(this.ACTION(() => numberValue(n.image)));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          const n = this.CONSUME1(T.NumberLiteral);
          return LiteralNode.create(this.ACTION(() => -numberValue(n.image)));
        },
      },
      { ALT: () => ((this.CONSUME(T.True)), LiteralNode.create(true)) },
      { ALT: () => ((this.CONSUME(T.False)), LiteralNode.create(false)) },
      { ALT: () => ((this.CONSUME(T.Null)), LiteralNode.create(null)) },
      {
        ALT: () => {
          this.CONSUME(T.Exists);
          this.CONSUME2(T.LParen);
          const query = this.SUBRULE1(this.query);
          this.CONSUME2(T.RParen);
          return ExistsNode.create(SubqueryNode.create(query));
        },
      },
      { ALT: () => this.SUBRULE(this.castExpression) },
      { ALT: () => this.SUBRULE(this.caseExpression) },
      { ALT: () => this.SUBRULE(this.functionCall) },
      { ALT: () => this.SUBRULE(this.path) },
    ]),
  );

  castExpression = this.RULE('castExpression', (): CastNode => {
    this.CONSUME(T.Cast);
    this.CONSUME(T.LParen);
    const expression = this.SUBRULE(this.expression);
    this.CONSUME(T.As);
    const type = this.CONSUME(T.Name);
    this.CONSUME(T.RParen);
    return this.ACTION(() => {
      const kind = CAST_TYPES[type.image.toLowerCase()];
      if (!kind) {
        throw new HqlSyntaxProblem(
          `unknown cast type '${type.image}' (expected one of ${Object.keys(CAST_TYPES).join(', ')})`,
          pos(type),
        );
      }
      return CastNode.create(expression, kind);
    });
  });

  caseExpression = this.RULE('caseExpression', (): CaseNode => {
    this.CONSUME(T.Case);
    const whens: WhenNode[] = [];
    let otherwise: ExpressionNode | null = null;
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.When);
      const condition = this.SUBRULE(this.expression);
      this.CONSUME(T.Then);
      const result = this.SUBRULE1(this.expression);
      whens.push(WhenNode.create(condition, result));
    });
    this.OPTION(() => {
      this.CONSUME(T.Else);
      otherwise = this.SUBRULE2(this.expression);
    });
    this.CONSUME(T.End);
    return CaseNode.create(whens, otherwise);
  });

  functionCall = this.RULE('functionCall', (): FunctionNode => {
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    let distinct = false;
    let star = false;
    const args: ExpressionNode[] = [];
    this.OPTION(() => {
      this.OR([
        { ALT: () => ((star = true), this.CONSUME(T.Star)) },
        {
          ALT: () => {
            this.OPTION1(() => ((distinct = true), this.CONSUME(T.Distinct)));
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => args.push(this.SUBRULE(this.expression)) });
          },
        },
      ]);
    });
    this.CONSUME(T.RParen);
    return FunctionNode.create(name.image, args, { distinct, star, position: pos(name) });
  });
}
