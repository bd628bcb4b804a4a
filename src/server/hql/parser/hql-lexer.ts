import type { TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';

/**
 * The HQL tokens. Keywords are case-insensitive and also match as property names after a dot
 * (`obj.details.group`); entity and property names are case-sensitive identifiers.
 */

/** Any name: an identifier or a keyword (used after `.`, for `as` keys, and for cast types). */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA, label: 'name' });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_$][A-Za-z0-9_$]*/,
  label: 'identifier',
  categories: [Name],
});

function keyword(word: string): TokenType {
  return createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word, 'i'),
    longer_alt: Identifier,
    label: `'${word}'`,
    categories: [Name],
  });
}

export const Select = keyword('select');
export const Distinct = keyword('distinct');
export const From = keyword('from');
export const As = keyword('as');
export const Join = keyword('join');
export const Inner = keyword('inner');
export const Left = keyword('left');
export const Outer = keyword('outer');
export const Fetch = keyword('fetch');
export const Where = keyword('where');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const Like = keyword('like');
export const Ilike = keyword('ilike');
export const In = keyword('in');
export const Is = keyword('is');
export const Null = keyword('null');
export const Empty = keyword('empty');
export const Between = keyword('between');
export const Exists = keyword('exists');
export const Group = keyword('group');
export const By = keyword('by');
export const Having = keyword('having');
export const Order = keyword('order');
export const Asc = keyword('asc');
export const Desc = keyword('desc');
export const New = keyword('new');
export const True = keyword('true');
export const False = keyword('false');
export const Case = keyword('case');
export const When = keyword('when');
export const Then = keyword('then');
export const Else = keyword('else');
export const End = keyword('end');
export const Cast = keyword('cast');

export const NamedParameter = createToken({
  name: 'NamedParameter',
  pattern: /:[A-Za-z_$][A-Za-z0-9_$]*/,
  label: ':parameter',
});
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /'(?:[^']|'')*'/, label: 'string' });
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[lLdDfF]?(?![A-Za-z0-9_$])/,
  label: 'number',
});
export const NotEquals = createToken({ name: 'NotEquals', pattern: /!=|\^=|<>/, label: "'<>'" });
export const LessEquals = createToken({ name: 'LessEquals', pattern: /<=/, label: "'<='" });
export const GreaterEquals = createToken({ name: 'GreaterEquals', pattern: />=/, label: "'>='" });
export const Less = createToken({ name: 'Less', pattern: /</, label: "'<'" });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: "'>'" });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: "'='" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: "'.'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const Star = createToken({ name: 'Star', pattern: /\*/, label: "'*'" });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: "'-'" });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });

const KEYWORDS = [
  Select, Distinct, From, As, Join, Inner, Left, Outer, Fetch, Where, And, Or, Not, Like, Ilike, In,
  Is, Null, Empty, Between, Exists, Group, By, Having, Order, Asc, Desc, New, True, False, Case,
  When, Then, Else, End, Cast,
];

/** Every token, in matching order (longer operators first, keywords before identifiers). */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  NamedParameter,
  StringLiteral,
  NumberLiteral,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Less,
  Greater,
  Equals,
  Comma,
  Dot,
  LParen,
  RParen,
  Star,
  Minus,
  // Longer keywords first, so that `asc` is not read as `as` + `c`.
  ...[...KEYWORDS].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
  Name,
];

/** The HQL lexer (positions tracked for error messages). */
export const hqlLexer = new Lexer([...ALL_TOKENS], { positionTracking: 'full', ensureOptimizations: false });
