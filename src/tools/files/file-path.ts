// The one definition of a file path in the browser file store. The store checks paths with
// `pathProblem`, and the file tools' JSON Schema carries `pathPattern` and `PATH_RULE`, so the
// review dialog and the slash-command form (which validate against the schema) refuse exactly
// what the store would refuse — a property test keeps the regex and the function in step.

/** Longest path, in characters, counting every folder and the separators. */
export const MAX_PATH_LENGTH = 1024;
/** Longest single file or folder name. */
export const MAX_SEGMENT_LENGTH = 255;

/**
 * Names Windows reserves for devices (with or without an extension). A file can leave the
 * browser (saved, exported, synced), so new files and folders may not take these names; files an
 * older version already stored under one can still be read, listed and deleted.
 */
const RESERVED = ['CON', 'PRN', 'AUX', 'NUL', ...'123456789'.split('').flatMap((d) => [`COM${d}`, `LPT${d}`])];

export type PathRule =
  | 'empty'
  | 'too_long'
  | 'empty_segment'
  | 'dot_segment'
  | 'segment_too_long'
  | 'bad_character'
  | 'edge_space'
  | 'reserved_name';

export interface PathProblem {
  rule: PathRule;
  message: string;
}

/** Whether the path names something to create (reserved names refused) or something that may exist. */
export type PathUse = 'existing' | 'create';

/** The rule in words, for the tool schema's description (and so for the model). */
export const PATH_RULE =
  'A path such as "notes.md" or "reports/q3.csv": folder names joined by "/", a leading "/" means the top of the storage. ' +
  `No "." or ".." folders, no empty parts ("a//b", a trailing "/"), no "\\" or control characters, no spaces at either end of a name, ` +
  `at most ${MAX_SEGMENT_LENGTH} characters per name and ${MAX_PATH_LENGTH} in all. New files and folders cannot be named ` +
  'CON, PRN, AUX, NUL, COM1-9 or LPT1-9.';

// eslint-disable-next-line no-control-regex
const BAD_CHARACTER = /[\\\u0000-\u001f\u007f]/;

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function isReserved(segment: string): boolean {
  const stem = segment.split('.')[0].toUpperCase();
  return RESERVED.includes(stem);
}

/** Returns which rule `path` breaks (the first one), or null when the store accepts it. */
export function pathProblem(path: string, use: PathUse = 'existing'): PathProblem | null {
  const fail = (rule: PathRule, message: string): PathProblem => ({ rule, message });
  if (path.length === 0 || path === '/') return fail('empty', 'The path is empty: name a file such as "notes.md".');
  // Lengths count code points, as JSON Schema's maxLength and a `u` regex do.
  const length = path.length > 2 * MAX_PATH_LENGTH ? path.length : codePoints(path);
  if (length > MAX_PATH_LENGTH) return fail('too_long', `The path is ${length} characters long; the limit is ${MAX_PATH_LENGTH}.`);
  const segments = (path.startsWith('/') ? path.slice(1) : path).split('/');
  for (const segment of segments) {
    const segmentLength = codePoints(segment);
    if (segment.length === 0)
      return fail('empty_segment', `The path "${path}" has an empty part (two "/" in a row, or a "/" at the end).`);
    if (segment === '.' || segment === '..')
      return fail('dot_segment', `The path "${path}" contains "${segment}"; "." and ".." are not allowed, name folders from the top.`);
    if (segmentLength > MAX_SEGMENT_LENGTH)
      return fail('segment_too_long', `A name in the path is ${segmentLength} characters long; the limit is ${MAX_SEGMENT_LENGTH}.`);
    if (BAD_CHARACTER.test(segment)) return fail('bad_character', 'The path must not contain "\\" or control characters.');
    if (segment.trim() !== segment)
      return fail('edge_space', `The name "${segment}" starts or ends with white space.`);
    if (use === 'create' && isReserved(segment))
      return fail('reserved_name', `"${segment}" is a reserved name (CON, PRN, AUX, NUL, COM1-9, LPT1-9); choose another.`);
  }
  return null;
}

/** The path's parts without the optional leading "/" (call only on a path without a problem). */
export function pathSegments(path: string): string[] {
  return (path.startsWith('/') ? path.slice(1) : path).split('/');
}

/** The canonical form the store reports: no leading "/". */
export function normalizePath(path: string): string {
  return pathSegments(path).join('/');
}

// --- The same rules as one regular expression (JSON Schema `pattern`, evaluated with the `u` flag) ---

// A name character: anything but "/", "\" and control characters.
const NAME_CHAR = String.raw`[^/\\\u0000-\u001f\u007f]`;
// Trim() removes more than the ASCII space: the JS white-space and line-terminator set.
const SPACE_CHARS = String.raw`\s`;
const EDGE_CHAR = String.raw`[^/\\\u0000-\u001f\u007f${SPACE_CHARS}]`;

function caseless(word: string): string {
  return [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c)).join('');
}

function segmentPattern(use: PathUse): string {
  const end = '(?:/|$)';
  const notDots = String.raw`(?!\.\.?${end})`;
  const notReserved = use === 'create' ? `(?!(?:${RESERVED.map(caseless).join('|')})(?:\\.[^/]*)?${end})` : '';
  // A name of one character, or an edge character, up to 253 of any, and an edge character.
  return `${notDots}${notReserved}${EDGE_CHAR}(?:${NAME_CHAR}{0,${MAX_SEGMENT_LENGTH - 2}}${EDGE_CHAR})?`;
}

/** The JSON Schema `pattern` for a path; `maxLength: MAX_PATH_LENGTH` goes beside it. */
export function pathPattern(use: PathUse): string {
  const segment = segmentPattern(use);
  return `^/?${segment}(?:/${segment})*$`;
}

/** The JSON Schema of a path argument. */
export function pathSchema(use: PathUse, what: string): Record<string, unknown> {
  return {
    type: 'string',
    minLength: 1,
    maxLength: MAX_PATH_LENGTH,
    pattern: pathPattern(use),
    description: `${what} ${PATH_RULE}`,
  };
}
