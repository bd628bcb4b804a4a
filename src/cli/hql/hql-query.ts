import type { AsyncAdminService, AsyncQueryService } from '../../client/async-proxies.js';
import { emptyResultHintAsync, formatEmptyResultHint } from '../../client/hints/empty-result-hint.js';
import { RObjectI } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { err, out, type CliIO } from '../cli-io.js';
import { InputError, type Prompter } from '../input/index.js';
import { renderTable, type TableStyle } from '../output/index.js';
import { objectDetails } from './object-details.js';
import { parsePyInt } from './py-value.js';
import { resultTable, type ProjectionRows } from './result-table.js';
import { runProjection, type QueryPage } from './run-projection.js';

/** How `omero hql` runs its queries. */
export interface HqlOptions {
  /** `--all` / `--admin`: query every group (`omero.group=-1`). */
  readonly all: boolean;
  /** `--ids-only`: projection layout for every row (objects as `ClassI:id`). */
  readonly idsOnly: boolean;
  /** `--style`; default `sql`. */
  readonly style?: TableStyle;
  /** The first page (`--offset`, default 0; `--limit`, default 25). */
  readonly page: QueryPage;
  /**
   * Who answers the pager after each result, or null for no pager (quiet, or standard input
   * or output not a terminal).
   */
  readonly pager: Prompter | null;
  /**
   * For the empty-result hint: when the first page is empty and `--all` was not given, one line
   * on stderr says in which of the caller's other groups the query finds readable rows.
   */
  readonly admin?: AsyncAdminService | null;
}

/** The pager's help (omero-py's prompt text); `loop` adds the line about the next query. */
function pagerText(loop: boolean): string {
  const text = `
To see details for object, enter line number.
To move ahead one page, enter 'p'
To re-display list, enter 'r'.
To quit, enter 'q' or just enter.
`;
  return loop ? `${text}To run another query, press enter\n` : text;
}

/**
 * Runs one query and prints its table (omero-py `HqlControl.hql`). With a pager: a line number
 * prints that row's object (`No details available: N` for other rows, `Invalid choice: X` for
 * anything unknown), `p` fetches and prints the next page, `r` reprints the current one, `q`
 * quits, an empty answer ends. Returns true for an empty answer (the interactive loop asks for
 * another query), false for `q`, null when there is no pager.
 */
export async function runHqlQuery(io: CliIO, query: AsyncQueryService, hql: string, options: HqlOptions, loop: boolean): Promise<boolean | null> {
  let page = options.page;
  let rows: ProjectionRows = await runProjection(query, hql, page, options.all);
  let hasDetails = display(io, rows, options);
  if (rows.length === 0 && page.offset === 0 && !options.all && options.admin) {
    const hint = await emptyResultHintAsync(query, options.admin, hql, null, null);
    if (hint) err(io, formatEmptyResultHint(hint, 'add --all to search all your groups'));
  }
  if (options.pager === null) return null;
  for (;;) {
    const answer = (await ask(options.pager, pagerText(loop))).toLowerCase();
    if (!answer) return true;
    if (answer.startsWith('q')) return false;
    if (answer.startsWith('p')) {
      page = { offset: page.offset + page.limit, limit: page.limit };
      rows = await runProjection(query, hql, page, options.all);
      hasDetails = display(io, rows, options);
    } else if (answer.startsWith('r')) {
      display(io, rows, options);
    } else {
      showDetails(io, rows, hasDetails, answer);
    }
  }
}

function display(io: CliIO, rows: ProjectionRows, options: HqlOptions): readonly number[] {
  const { table, hasDetails } = resultTable(rows, options.idsOnly);
  out(io, renderTable(table, options.style ?? 'sql'));
  return hasDetails;
}

function showDetails(io: CliIO, rows: ProjectionRows, hasDetails: readonly number[], answer: string): void {
  const n = parsePyInt(answer);
  if (n === null) return out(io, `Invalid choice: ${answer}`);
  const row = rows[n < 0 ? rows.length + n : n];
  if (row === undefined) return out(io, `Invalid choice: ${n}`);
  const only = row[0];
  if (!hasDetails.includes(n) || !(only instanceof RObjectI) || only.val === null) return out(io, `No details available: ${n}`);
  for (const line of objectDetails(only.val)) out(io, line);
}

async function ask(prompter: Prompter, text: string): Promise<string> {
  try {
    return await prompter.line(text);
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.rc, e.message);
    throw e;
  }
}
