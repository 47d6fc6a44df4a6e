import { createElement, type ReactNode } from 'react';
import { createLowlight } from 'lowlight';
import type { ElementContent, RootContent } from 'hast';
import { grammarName, loadGrammar } from './grammars';
import './highlight-theme.css';

/**
 * The highlighter proper, a lazy chunk: lowlight (highlight.js grammars, plain regular
 * expressions: no eval, no WebAssembly) producing a syntax tree that becomes React elements —
 * class names and text only, never HTML. Each grammar is a lazy chunk of its own.
 */
const lowlight = createLowlight();
const registering = new Map<string, Promise<string | null>>();

/** Registers the grammar a language name stands for; null when there is none (shown plain). */
export function ensureLanguage(language: string): Promise<string | null> {
  const name = grammarName(language);
  if (!name) return Promise.resolve(null);
  let pending = registering.get(name);
  if (!pending) {
    pending = loadGrammar(name).then(
      (module) => {
        lowlight.register(name, module.default);
        return name;
      },
      (error: unknown) => {
        registering.delete(name); // a failed fetch is retried next time
        throw error;
      },
    );
    registering.set(name, pending);
  }
  return pending;
}

export type Highlight = (code: string) => ReactNode;
const highlighters = new Map<string, Highlight>();

/** One function per grammar, so memoized pieces see the same function and never re-highlight. */
export function highlighterFor(name: string): Highlight {
  let highlight = highlighters.get(name);
  if (!highlight) {
    highlight = (code: string) => {
      try {
        return toReact(lowlight.highlight(name, code).children);
      } catch {
        return code; // a grammar that throws leaves the code plain, never breaks the answer
      }
    };
    highlighters.set(name, highlight);
  }
  return highlight;
}

function toReact(nodes: (RootContent | ElementContent)[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element') return null;
    const className = node.properties?.className;
    const classes = Array.isArray(className) ? className.join(' ') : undefined;
    return createElement('span', { key: i, className: classes }, ...toReact(node.children));
  });
}
