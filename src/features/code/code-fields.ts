import { languageOfPath } from './language-of-path';

type Fields = Readonly<Record<string, string | null>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fieldsCache = new Map<string, Fields>();

/** One object per (key, language), so memoized JSON nodes see the same fields on every frame. */
function fields(key: string, language: string | null): Fields {
  const id = `${key}\u0000${language ?? ''}`;
  let found = fieldsCache.get(id);
  if (!found) fieldsCache.set(id, (found = { [key]: language }));
  return found;
}

/**
 * Which top-level string of a call's arguments is code, and in what language: a program for
 * `run_javascript`, a file's content for `write_file` (by the file's extension), and any `code`
 * field (in its `language` when the arguments name one).
 */
export function argumentCodeFields(tool: string, args: unknown): Fields | undefined {
  if (!isObject(args)) return undefined;
  if (tool === 'run_javascript') return fields('code', 'javascript');
  if (tool === 'write_file') return fields('content', languageOfPath(args.name ?? args.path));
  if (typeof args.code === 'string') return fields('code', typeof args.language === 'string' ? args.language : null);
  return undefined;
}

/** The same for a result: `read_file` returns the file's text, coloured by its extension. */
export function resultCodeFields(tool: string, args: unknown, result: unknown): Fields | undefined {
  if (tool === 'read_file' && isObject(result) && typeof result.text === 'string') {
    const name = isObject(args) ? args.name : undefined;
    return fields('text', languageOfPath(name ?? result.name));
  }
  return undefined;
}
