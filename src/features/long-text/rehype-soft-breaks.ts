import { needsSoftBreaks, softBreakPieces } from './soft-breaks';

// The same guard for rendered markdown, applied to the syntax tree's text nodes (paragraphs,
// inline code, table cells, link text, headings — and whatever later plugins produce), so every
// renderer that draws text from the tree gets it without knowing about it.

interface HastText {
  type: 'text';
  value: string;
}
interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: HastNode[];
}
type HastNode = HastText | HastElement | { type: string; children?: HastNode[] };

const WBR: HastElement = { type: 'element', tagName: 'wbr', properties: {}, children: [] };

function walk(node: { children?: HastNode[] }): void {
  const children = node.children;
  if (!children) return;
  // `pre` keeps its text whole: its code renders from the raw text (code-block.tsx), without wrapping.
  if ((node as HastElement).tagName === 'pre') return;
  let changed = false;
  const next: HastNode[] = [];
  for (const child of children) {
    if (child.type === 'text' && needsSoftBreaks((child as HastText).value)) {
      softBreakPieces((child as HastText).value).forEach((value, i) => {
        if (i > 0) next.push({ ...WBR });
        next.push({ type: 'text', value });
      });
      changed = true;
    } else {
      // An explicit stack would matter for deep trees; the markdown guard keeps nesting shallow.
      walk(child as { children?: HastNode[] });
      next.push(child);
    }
  }
  if (changed) node.children = next;
}

/** rehype plugin: a <wbr> inside every long unbroken run of text. */
export function rehypeSoftBreaks() {
  return (tree: { children?: HastNode[] }) => walk(tree);
}
