import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root } from 'mdast';
import { protectMath, restoreMath } from '../../../core/stream/math-tokens';

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * An answer as plain text, for "Copy as plain text": the words without markdown syntax — no `**`,
 * `#`, backticks or link targets; list items keep a bullet or number, code its lines, table cells
 * are separated by tabs, math keeps its TeX. Loaded on demand with the markdown renderer's chunk.
 */
export function markdownToPlainText(markdown: string): string {
  const math = protectMath(markdown);
  const tree = parser.parse(math.text) as Root;
  return restoreMath(blocks(tree.children), math.spans.map((s) => ({ ...s, source: s.tex.trim() }))).trim();
}

function blocks(nodes: Nodes[], separator = '\n\n'): string {
  return nodes
    .map((node) => block(node))
    .filter((text) => text !== '')
    .join(separator);
}

function block(node: Nodes): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inline(node.children);
    case 'code':
      return node.value;
    case 'blockquote':
      return blocks(node.children);
    case 'list':
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
          const body = blocks(item.children, item.spread ? '\n\n' : '\n');
          return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
        })
        .join(node.spread ? '\n\n' : '\n');
    case 'table':
      return node.children.map((row) => row.children.map((cell) => inline(cell.children)).join('\t')).join('\n');
    case 'html':
      return node.value;
    case 'thematicBreak':
    case 'definition':
      return '';
    case 'footnoteDefinition':
      return `[^${node.label ?? node.identifier}]: ${blocks(node.children, '\n')}`;
    default:
      return inline([node]);
  }
}

function inline(nodes: Nodes[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'html':
          return node.value;
        case 'break':
          return '\n';
        case 'image':
        case 'imageReference':
          return node.alt ?? '';
        case 'footnoteReference':
          return `[^${node.label ?? node.identifier}]`;
        default:
          return 'children' in node ? inline(node.children as Nodes[]) : '';
      }
    })
    .join('');
}
