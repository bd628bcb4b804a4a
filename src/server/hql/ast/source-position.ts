/** Where a token starts in the HQL text (1-based line and column), for error messages. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Formats a position as `line:column`. */
export function formatPosition(p: SourcePosition | null | undefined): string {
  return p ? `${p.line}:${p.column}` : '?:?';
}
