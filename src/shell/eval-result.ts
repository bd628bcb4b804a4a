import { parse } from 'acorn';

/**
 * Whether a statement's value should be shown. Like IPython, an assignment (`ec = …`) or a
 * declaration shows nothing, and neither does `undefined`. A chainable call that returns its own
 * receiver (`params.addId(5)` returns `params`) is not news either: the seed shows no output there.
 */
export function showsValue(js: string, value?: unknown, context?: Readonly<Record<string, unknown>>): boolean {
  try {
    const program = parse(js, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true });
    const last = program.body.at(-1);
    if (!last || last.type !== 'ExpressionStatement') return false;
    const expr = last.expression.type === 'AwaitExpression' ? last.expression.argument : last.expression;
    if (expr.type === 'AssignmentExpression') return false;
    if (
      context &&
      value !== undefined &&
      value !== null &&
      typeof value === 'object' &&
      expr.type === 'CallExpression' &&
      expr.callee.type === 'MemberExpression' &&
      expr.callee.object.type === 'Identifier' &&
      context[expr.callee.object.name] === value
    ) {
      return false;
    }
    return true;
  } catch {
    return true;
  }
}
