/** omero-py `Parser._format_list`: tab-indented, comma-separated, a new line past 62 characters. */
export function formatList(items: readonly string[]): string {
  const choices = [...items];
  const lines = ['\t'];
  if (choices.length > 0) {
    while (choices.length > 1) {
      lines[lines.length - 1] += `${choices.shift()}, `;
      if (lines[lines.length - 1]!.length > 62) lines.push('\t');
    }
    lines[lines.length - 1] += choices.shift()!;
  }
  return lines.join('\n');
}
