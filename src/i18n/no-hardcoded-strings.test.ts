// @vitest-environment node
// The TypeScript 7 API drives the native compiler as a child process, which a DOM environment cannot host.
import { describe, expect, it } from 'vitest';
import { API } from 'typescript/unstable/sync';
import { createVirtualFileSystem } from 'typescript/unstable/fs';
import { SyntaxKind, type Node, type SourceFile } from 'typescript/unstable/ast';
import type { Catalog } from './catalog';

/*
 * Guards the rule "no user-visible string is hard-coded in a component": every .tsx file is parsed
 * with the TypeScript compiler (not a regex, so JSX inside strings, comments and generics cannot
 * confuse it) and visible text is looked for where it would reach the screen or a screen reader.
 */

// Attributes a person reads or hears. `label`, `description` and `help` are this app's own props
// for the same purpose (ToggleRow, SelectField, the card's summaries) and <optgroup label>.
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'label', 'description', 'help']);

// Names that stay the same in every language.
const ALLOWED_TEXT = new Set(['Callstream']);

const LETTER = /\p{L}/u;

const sources = import.meta.glob<string>('../**/*.tsx', { query: '?raw', import: 'default', eager: true });
const components = Object.entries(sources)
  .filter(([path]) => !/\.(test|testing)\.tsx$/.test(path))
  .map(([path, text]) => ({ path: path.replace(/^\.\.\//, 'src/'), text }));

interface Finding {
  file: string;
  line: number;
  text: string;
}

function lineAt(text: string, pos: number): number {
  let at = pos;
  while (at < text.length && /\s/.test(text[at])) at++;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function visibleText(value: string): string | null {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return LETTER.test(trimmed) && !ALLOWED_TEXT.has(trimmed) ? trimmed : null;
}

type Piece = { node: Node; text: string };

/**
 * String pieces of an expression that would be shown as they are. Conditions and comparisons are
 * not shown (`status === 'running' && ...`), a call's arguments compute the value rather than
 * being it (`t('key')`), and nested JSX is checked on its own.
 */
function literalPieces(node: Node, out: Piece[]) {
  const n = node as unknown as { text: string; whenTrue: Node; whenFalse: Node; left: Node; right: Node; operatorToken: Node };
  switch (node.kind) {
    case SyntaxKind.CallExpression:
    case SyntaxKind.TaggedTemplateExpression:
    case SyntaxKind.ElementAccessExpression:
    case SyntaxKind.JsxElement:
    case SyntaxKind.JsxSelfClosingElement:
    case SyntaxKind.JsxFragment:
      return;
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.TemplateHead:
    case SyntaxKind.TemplateMiddle:
    case SyntaxKind.TemplateTail: {
      const text = visibleText(n.text);
      if (text) out.push({ node, text });
      return;
    }
    case SyntaxKind.ConditionalExpression:
      literalPieces(n.whenTrue, out);
      literalPieces(n.whenFalse, out);
      return;
    case SyntaxKind.BinaryExpression: {
      const op = n.operatorToken.kind;
      if (op === SyntaxKind.AmpersandAmpersandToken) literalPieces(n.right, out);
      else if (op === SyntaxKind.BarBarToken || op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.PlusToken) {
        literalPieces(n.left, out);
        literalPieces(n.right, out);
      }
      return;
    }
  }
  node.forEachChild((child) => {
    literalPieces(child, out);
  });
}

function attributeName(node: Node): string {
  const name = (node as unknown as { name: { text?: string; namespace?: { text: string }; name?: { text: string } } }).name;
  return name.text ?? `${name.namespace?.text}:${name.name?.text}`;
}

/** Hard-coded visible strings in one parsed file. */
function findInFile(file: string, source: SourceFile, text: string): Finding[] {
  const found: Finding[] = [];
  const report = (pieces: Piece[]) => pieces.forEach((p) => found.push({ file, line: lineAt(text, p.node.pos), text: p.text }));
  const visit = (node: Node) => {
    if (node.kind === SyntaxKind.JsxText) {
      const value = visibleText((node as unknown as { text: string }).text);
      if (value) found.push({ file, line: lineAt(text, node.pos), text: value });
    } else if (node.kind === SyntaxKind.JsxAttribute) {
      // Other attributes (className, data-*, key, href, handlers) hold no visible text.
      const initializer = (node as unknown as { initializer?: Node }).initializer;
      if (initializer && TEXT_ATTRIBUTES.has(attributeName(node))) {
        const pieces: Piece[] = [];
        literalPieces(initializer, pieces);
        report(pieces);
      }
    } else if (node.kind === SyntaxKind.JsxExpression && isJsxChild(node)) {
      const pieces: Piece[] = [];
      literalPieces(node, pieces);
      report(pieces);
    }
    // Everything is descended into, so JSX nested in props, callbacks and conditions is checked too.
    node.forEachChild((child) => {
      visit(child);
    });
  };
  visit(source);
  return found;
}

function isJsxChild(node: Node): boolean {
  const parent = (node as unknown as { parent?: Node }).parent;
  return parent?.kind === SyntaxKind.JsxElement || parent?.kind === SyntaxKind.JsxFragment;
}

/** Parses each file with the TypeScript compiler and returns every hard-coded visible string. */
function scan(files: { path: string; text: string }[]): Finding[] {
  const root = '/scan';
  const fs = createVirtualFileSystem({
    [`${root}/tsconfig.json`]: JSON.stringify({ compilerOptions: { jsx: 'preserve', noLib: true, types: [] }, include: ['**/*.tsx'] }),
    ...Object.fromEntries(files.map((f) => [`${root}/${f.path}`, f.text])),
  });
  const api = new API({ cwd: root, fs });
  try {
    const project = api.updateSnapshot({ openProject: `${root}/tsconfig.json` }).getProject(`${root}/tsconfig.json`);
    if (!project) throw new Error('the TypeScript API opened no project');
    return files.flatMap((f) => {
      const source = project.program.getSourceFile(`${root}/${f.path}`);
      if (!source) throw new Error(`TypeScript did not parse ${f.path}`);
      return findInFile(f.path, source, f.text);
    });
  } finally {
    api.close();
  }
}

const describeFindings = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}  ${JSON.stringify(f.text)}`).join('\n');

describe('no hard-coded interface text in components', () => {
  it('finds the kinds of hard-coded text it guards against (so a silent scanner cannot pass)', () => {
    const sample = [
      'export function A({ t, name }: any) {',
      '  return (',
      '    <div title="Tip" aria-label={`${name} progress`} className="p-2" data-x="Ignored">',
      "      Hello · {name}",
      "      <input placeholder={name ? 'Type here' : t('key')} alt={t('alt')} />",
      "      {name ? 'Yes' : null}",
      "      {t('fine')} · … ‹ › / 12 {'…'}",
      '      <Row label="Protocol" footer={<b>Bold</b>} />',
      '      <span>Callstream</span>',
      '    </div>',
      '  );',
      '}',
    ].join('\n');
    const found = scan([{ path: 'sample.tsx', text: sample }]);
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [3, 'Tip'],
      [3, 'progress'],
      [4, 'Hello ·'],
      [5, 'Type here'],
      [6, 'Yes'],
      [8, 'Protocol'],
      [8, 'Bold'],
    ]);
  });

  it('every component takes its visible text from a message catalog', () => {
    expect(components.length).toBeGreaterThan(30);
    const findings = scan(components);
    expect(describeFindings(findings)).toBe('');
  });
});

const catalogModules = import.meta.glob<Record<string, unknown>>('../**/*messages.ts', { eager: true });

function isCatalog(value: unknown): value is Catalog<string> {
  return typeof value === 'object' && value !== null && 'en' in value && 'zh-CN' in value;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const catalogs = Object.entries(catalogModules).flatMap(([path, mod]) =>
    Object.entries(mod)
      .filter(([, value]) => isCatalog(value))
      .map(([name, value]) => ({ where: `${path.replace(/^\.\.\//, 'src/')}#${name}`, catalog: value as Catalog<string> })),
  );

  it('are found in every feature', () => {
    expect(catalogs.length).toBeGreaterThanOrEqual(8);
  });

  it('keep the same {placeholders} in 简体中文 as in English, and leave no string empty', () => {
    const problems: string[] = [];
    for (const { where, catalog } of catalogs) {
      for (const [key, en] of Object.entries(catalog.en)) {
        const zh = catalog['zh-CN'][key];
        if (typeof zh !== 'string' || zh.trim() === '') problems.push(`${where}.${key}: no 简体中文 text`);
        else if (placeholders(en).join() !== placeholders(zh).join())
          problems.push(`${where}.${key}: {${placeholders(en).join('},{')}} in English but {${placeholders(zh).join('},{')}} in 简体中文`);
        if (en.trim() === '') problems.push(`${where}.${key}: no English text`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });
});
