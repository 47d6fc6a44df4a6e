import type { Nodes, Parent, Root, Text } from 'mdast';
import { MATH_OPEN, MATH_PLACEHOLDER, restoreMath, type ProtectedMath } from '../../../core/stream/math-tokens';

/**
 * The second half of math support: the text reached the markdown parser with every math span
 * replaced by a placeholder (`protectMath`), so no escape or emphasis rule touched the TeX. This
 * remark plugin turns each placeholder in prose into a `<span data-tex>` node for MathView, and
 * puts the exact source back wherever a placeholder landed inside code, a URL or raw HTML.
 */
export function remarkMathPlaceholders(options: { spans: ProtectedMath['spans'] }) {
  const { spans } = options;
  return (tree: Root) => {
    if (spans.length > 0) visit(tree, spans);
  };
}

type Spans = ProtectedMath['spans'];

function visit(node: Nodes, spans: Spans) {
  if ('value' in node && node.type !== 'text' && typeof node.value === 'string') node.value = restoreMath(node.value, spans);
  if ('url' in node && typeof node.url === 'string') node.url = restoreMath(node.url, spans);
  if ('alt' in node && typeof node.alt === 'string') node.alt = restoreMath(node.alt, spans);
  if ('title' in node && typeof node.title === 'string') node.title = restoreMath(node.title, spans);
  if (!('children' in node)) return;
  const parent = node as Parent;
  const children: Parent['children'] = [];
  for (const child of parent.children) {
    if (child.type === 'text' && child.value.includes(MATH_OPEN)) children.push(...splitText(child, spans));
    else {
      visit(child as Nodes, spans);
      children.push(child);
    }
  }
  parent.children = children;
}

function splitText(node: Text, spans: Spans): Text[] {
  const out: Text[] = [];
  let last = 0;
  for (const match of node.value.matchAll(MATH_PLACEHOLDER)) {
    const span = spans[Number(match[1])];
    if (!span) continue;
    if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index) });
    out.push({
      type: 'text',
      value: span.source,
      data: {
        hName: 'span',
        hProperties: { dataTex: span.tex, dataDisplay: span.display ? 'true' : 'false' },
        hChildren: [{ type: 'text', value: span.source }],
      },
    });
    last = match.index + match[0].length;
  }
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}
