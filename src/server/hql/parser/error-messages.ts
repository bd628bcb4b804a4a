import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { tokenLabel } from './chevrotain.js';

function describe(token: IToken | undefined): string {
  if (!token || token.tokenType.name === 'EOF') return 'end of input';
  return `'${token.image}'`;
}

function expectedList(paths: readonly TokenType[][]): string {
  const names = [...new Set(paths.filter((p) => p.length > 0).map((p) => tokenLabel(p[0]!)))];
  return names.length === 1 ? names[0]! : `one of ${names.join(', ')}`;
}

/** Short, Hibernate-like parser messages: "expected X but found 'y'". */
export const HQL_ERROR_MESSAGES: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `expected ${tokenLabel(expected)} but found ${describe(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `unexpected token ${describe(firstRedundant)} (expected end of query)`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    `expected ${expectedList(expectedPathsPerAlt.flat())} but found ${describe(actual[0])}`,
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    `expected ${expectedList(expectedIterationPaths)} but found ${describe(actual[0])}`,
};
