import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * KaTeX, a lazy chunk with its stylesheet and fonts (served from our origin: the page's
 * Content-Security-Policy allows styles and fonts from 'self' only). `render` builds DOM nodes and
 * sets styles through the CSSOM, so neither HTML parsing nor inline style attributes are involved.
 * Untrusted input: `trust` off (no \href, \url, \includegraphics, \htmlClass...), errors thrown so
 * the caller shows the source instead, and expansion capped against macro bombs.
 */
export function renderMath(tex: string, target: HTMLElement, display: boolean): void {
  katex.render(tex, target, {
    displayMode: display,
    throwOnError: true,
    trust: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
    maxExpand: 500,
    maxSize: 20,
  });
}
