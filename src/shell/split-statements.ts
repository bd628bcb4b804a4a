import { parse } from 'acorn';

/** One top-level statement of a script, with the line it starts on. */
export interface ScriptStatement {
  readonly code: string;
  readonly line: number;
}

/**
 * Splits JavaScript (already stripped of types) into top-level statements, so that a piped script
 * runs statement by statement as if typed. Throws the parser's SyntaxError with a position.
 */
export function splitStatements(js: string): ScriptStatement[] {
  const program = parse(js, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowAwaitOutsideFunction: true,
    allowReturnOutsideFunction: false,
    locations: true,
  });
  return program.body.map((node) => ({ code: js.slice(node.start, node.end), line: node.loc?.start.line ?? 0 }));
}
