/**
 * A string as JSON would write it, except that newlines and tabs stay real characters, so code
 * and multi-line text inside tool arguments read as they will be used.
 */
export function formatJsonString(value: string): string {
  return `"${formatJsonStringBody(value)}"`;
}

/**
 * formatJsonString without the quotes. Escaping works character by character, so the body of a
 * string equals the bodies of its pieces joined (when no piece splits a surrogate pair).
 */
export function formatJsonStringBody(value: string): string {
  if (!value.includes('\n') && !value.includes('\t')) return JSON.stringify(value).slice(1, -1);
  return value
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .map((part) => JSON.stringify(part).slice(1, -1))
        .join('\t'),
    )
    .join('\n');
}
