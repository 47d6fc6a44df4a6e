/**
 * A string as JSON would write it, except that newlines and tabs stay real characters, so code
 * and multi-line text inside tool arguments read as they will be used.
 */
export function formatJsonString(value: string): string {
  if (!value.includes('\n') && !value.includes('\t')) return JSON.stringify(value);
  const lines = value.split('\n').map((line) =>
    line
      .split('\t')
      .map((part) => JSON.stringify(part).slice(1, -1))
      .join('\t'),
  );
  return `"${lines.join('\n')}"`;
}
