/**
 * Python's text conversions, so cells print as omero-py prints them (reference cli §0.3: every
 * cell is `str()`-ed).
 */

/**
 * Python `str(value)` for the values a table cell holds:
 * - `null` → `None` (a Python `None` cell, e.g. a null projection column in `hql`);
 * - `undefined` → `''` (a cell that was never filled: TableBuilder back-fills those with "");
 * - booleans → `True` / `False`;
 * - integers → their digits; other numbers → Python's float `repr` (`1e-05`, `nan`, `inf`);
 *   JavaScript has no int/float distinction, so `600.0` prints as `600` — pass a string when
 *   the `.0` matters;
 * - bigint → its digits; strings as they are; anything else → `String(value)`.
 */
export function pyStr(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'undefined':
      return '';
    case 'boolean':
      return value ? 'True' : 'False';
    case 'bigint':
      return value.toString();
    case 'number':
      return pyNumber(value);
    default:
      return value === null ? 'None' : String(value);
  }
}

function pyNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  // Python repr: the shortest round-tripping digits (the same as JavaScript's), in fixed
  // notation when the decimal exponent is in [-4, 16), otherwise d.ddde±XX.
  const [mantissa = '', expText = '0'] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) return String(n);
  const sign = exp < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/**
 * Python `json.dumps(s)` for a string with the default `ensure_ascii=True`: `"` and `\` escaped,
 * `\n \r \t \b \f` as such, every other character outside printable ASCII (0x20–0x7E) as a
 * lower-case `\uXXXX` (UTF-16 units, so astral characters become surrogate pairs).
 */
export function pyJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c >= 0x20 && c <= 0x7e) out += ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/**
 * Python `json.dumps(d)` for a dict of strings with default separators:
 * `{"id": "2", "login": "jsmith"}` (`, ` between items, `: ` after keys).
 */
export function pyJsonObject(entries: Iterable<readonly [string, string]>): string {
  const parts: string[] = [];
  for (const [key, value] of entries) parts.push(`${pyJsonString(key)}: ${pyJsonString(value)}`);
  return `{${parts.join(', ')}}`;
}

/**
 * One row as omero-py writes it: Python's `csv.writer(output, lineterminator='')` (excel dialect,
 * `QUOTE_MINIMAL`), so no line terminator. Fields containing `,` `"` `\r` or `\n` are quoted with
 * embedded `"` doubled (Python 3.13 behaviour; older Pythons leave `\r`/`\n` unquoted when the
 * terminator is empty, which makes the output unparseable); a row of one empty field is `""`.
 */
export function pyCsvRow(fields: readonly string[]): string {
  if (fields.length === 1 && fields[0] === '') return '""';
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}

/** Python `len(s)`: code points, not UTF-16 units. */
export function pyLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
