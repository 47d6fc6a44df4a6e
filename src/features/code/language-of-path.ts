/**
 * What to call the language of a file for highlighting: its extension (`src/app.ts` → `ts`), or
 * its name for the few files known by name (`Dockerfile`). The highlighter maps it to a grammar
 * when it loads; anything it does not know stays plain.
 */
export function languageOfPath(path: unknown): string | null {
  if (typeof path !== 'string') return null;
  const base = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (base === 'dockerfile' || base === 'makefile') return base;
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1) : null;
}
