import type { LanguageFn } from 'highlight.js';

type GrammarModule = { default: LanguageFn };

/**
 * The grammars Callstream highlights, each its own lazy chunk fetched the first time a block in
 * that language appears. Names and file extensions map to one grammar; anything else stays plain.
 */
const GRAMMARS: Record<string, () => Promise<GrammarModule>> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  dart: () => import('highlight.js/lib/languages/dart'),
  diff: () => import('highlight.js/lib/languages/diff'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  elixir: () => import('highlight.js/lib/languages/elixir'),
  go: () => import('highlight.js/lib/languages/go'),
  graphql: () => import('highlight.js/lib/languages/graphql'),
  haskell: () => import('highlight.js/lib/languages/haskell'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  latex: () => import('highlight.js/lib/languages/latex'),
  lua: () => import('highlight.js/lib/languages/lua'),
  makefile: () => import('highlight.js/lib/languages/makefile'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  powershell: () => import('highlight.js/lib/languages/powershell'),
  python: () => import('highlight.js/lib/languages/python'),
  r: () => import('highlight.js/lib/languages/r'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scala: () => import('highlight.js/lib/languages/scala'),
  scss: () => import('highlight.js/lib/languages/scss'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

const ALIASES: Record<string, string> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', shellsession: 'bash',
  h: 'c', 'c++': 'cpp', cc: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp',
  cs: 'csharp', 'c#': 'csharp',
  patch: 'diff', docker: 'dockerfile', ex: 'elixir', exs: 'elixir', golang: 'go', gql: 'graphql', hs: 'haskell',
  toml: 'ini', conf: 'ini', cfg: 'ini',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript',
  jsonc: 'json', json5: 'json', kt: 'kotlin', kts: 'kotlin', tex: 'latex', make: 'makefile', mk: 'makefile',
  md: 'markdown', ps1: 'powershell', ps: 'powershell', pwsh: 'powershell',
  py: 'python', python3: 'python', py3: 'python', rb: 'ruby', rs: 'rust', sc: 'scala',
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  html: 'xml', htm: 'xml', svg: 'xml', xhtml: 'xml', plist: 'xml', vue: 'xml', yml: 'yaml',
};

/** The grammar a fence's info string or a file extension names, or null (shown plain). */
export function grammarName(language: string | null | undefined): string | null {
  if (!language) return null;
  const name = language.trim().toLowerCase();
  if (name === 'dockerfile' || name === 'makefile') return name;
  if (Object.hasOwn(GRAMMARS, name)) return name;
  const alias = Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
  return alias ?? null;
}

export function loadGrammar(name: string): Promise<GrammarModule> {
  return GRAMMARS[name]();
}
