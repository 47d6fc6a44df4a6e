import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import { Markdown } from './markdown';
import { loadMarkdownRenderer } from './renderer-loader';

beforeAll(async () => {
  await loadMarkdownRenderer();
});
afterEach(cleanup);

const annotation = (el: Element) => el.querySelector('annotation[encoding="application/x-tex"]')?.textContent;

describe('math in answers', () => {
  it('typesets $$…$$ with KaTeX, keeping the TeX exactly (\\, keeps its backslash)', async () => {
    const { container } = render(<Markdown text={'The area is $$\\int_0^1 x^2\\,dx$$ here.'} />);
    await waitFor(() => expect(container.querySelector('.katex-display')).not.toBeNull());
    expect(annotation(container)).toBe('\\int_0^1 x^2\\,dx');
  });

  it('typesets $…$, \\(…\\) and \\[…\\] and leaves currency alone', async () => {
    const { container } = render(<Markdown text={'Energy $E=mc^2$, also \\(a_1\\) and \\[b^2\\]. It costs $5 and $10.'} />);
    await waitFor(() => expect(container.querySelectorAll('.katex')).toHaveLength(3));
    expect([...container.querySelectorAll('annotation')].map((a) => a.textContent)).toEqual(['E=mc^2', 'a_1', 'b^2']);
    expect(container.textContent).toContain('It costs $5 and $10.');
  });

  it('shows invalid TeX as its source with a quiet error mark', async () => {
    const { container } = render(<Markdown text={'Broken: $\\frac{1}{$ and fine $x$'} />);
    await waitFor(() => expect(container.querySelector('[role="img"]')).not.toBeNull());
    const mark = container.querySelector('[role="img"]')!;
    expect(mark.getAttribute('aria-label')).toMatch(/^This TeX could not be rendered: /);
    expect(mark.parentElement?.textContent).toContain('$\\frac{1}{$');
    await waitFor(() => expect(container.querySelectorAll('.katex')).toHaveLength(1));
  });

  it('refuses \\href and raw HTML commands (trust is off)', async () => {
    const { container } = render(<Markdown text={'$\\href{javascript:alert(1)}{x}$ $\\htmlClass{a}{b}$'} />);
    await waitFor(() => expect(container.querySelectorAll('.katex, [role="img"]').length).toBe(2));
    expect(container.querySelector('a, [href], [class~="a"]')).toBeNull();
  });

  it('keeps math inside code as written', () => {
    const { container } = render(<Markdown text={'`$x$` and\n\n```\ncost: $x$ \\(y\\)\n```'} />);
    expect(container.querySelector('p code')?.textContent).toBe('$x$');
    expect(container.querySelector('pre')?.textContent).toBe('cost: $x$ \\(y\\)');
  });
});
