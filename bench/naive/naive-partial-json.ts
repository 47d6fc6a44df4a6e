/**
 * The usual partial-JSON approach of chat SDKs: on every delta, scan the WHOLE text from the
 * start, close whatever is open and hand it to JSON.parse. Linear per delta, so quadratic per
 * stream; this is the baseline the app's incremental parser is measured against.
 */
export function parsePartialJsonFromScratch(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // fall through to the repair
  }
  const closers: string[] = [];
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') closers.push('}');
    else if (c === '[') closers.push(']');
    else if (c === '}' || c === ']') closers.pop();
  }
  let fixed = text;
  if (inString) fixed = (escaped ? fixed.slice(0, -1) : fixed) + '"';
  fixed = fixed.replace(/[\s,:]+$/, '');
  try {
    return JSON.parse(fixed + closers.reverse().join(''));
  } catch {
    return undefined;
  }
}
