/**
 * Python's `urllib.parse.quote(host, safe='')`, which omero-py uses for the host directory name
 * (reference cli §9.1, `_escape_host`). Unreserved characters `A-Z a-z 0-9 _ . - ~` stay as they
 * are; every other UTF-8 byte becomes `%XX` (upper-case hex). `encodeURIComponent` also leaves
 * `! ' ( ) *` alone, so those are escaped here as well: `::1` → `%3A%3A1`, `a(b)` → `a%28b%29`.
 */
export function quoteHost(host: string): string {
  return encodeURIComponent(host).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Reverses {@link quoteHost} (Python's `unquote`). A name that is not valid percent-encoding is
 * returned unchanged, as `unquote` does for stray `%`.
 */
export function unquoteHost(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
