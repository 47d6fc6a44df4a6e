import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Markdown } from '../chat/markdown/markdown';
import { JsonView } from '../chat/markdown/json-view';
import { loadMarkdownRenderer } from '../chat/markdown/renderer-loader';
import { LongText, PREVIEW_CHARS } from './long-text';
import { SOFT_BREAK_RUN } from './soft-breaks';

beforeAll(async () => {
  await loadMarkdownRenderer();
});
afterEach(cleanup);

const unbroken = (n: number) => 'abcdefghij'.repeat(Math.ceil(n / 10)).slice(0, n);

// Runs of text between <wbr>s, per text node's parent, to check no run is left long.
function longestUnbrokenRun(root: HTMLElement): number {
  let longest = 0;
  let current = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if ((node as Element).tagName === 'WBR' || getComputedStyle(node as Element).display === 'block') current = 0;
      continue;
    }
    for (const ch of node.textContent ?? '') {
      current = /\s/.test(ch) ? 0 : current + 1;
      longest = Math.max(longest, current);
    }
  }
  return longest;
}

describe('LongText', () => {
  it('renders short text whole, with soft breaks in long runs and the exact text', () => {
    const text = `hello ${unbroken(1000)} world`;
    const { container } = render(<LongText text={text} />);
    expect(container.textContent).toBe(text);
    expect(container.querySelectorAll('wbr').length).toBe(Math.floor(1000 / SOFT_BREAK_RUN));
  });

  it('caps a 5 MB line to a preview; "Show all" reveals everything a few chunks per frame', async () => {
    const text = unbroken(PREVIEW_CHARS * 3 + 123);
    const { container } = render(<LongText text={text} />);
    const cap = screen.getByTestId('long-text-cap');
    expect(cap.textContent).toContain(`Showing the first ${PREVIEW_CHARS.toLocaleString('en')} of`);
    expect(container.textContent?.startsWith(text.slice(0, PREVIEW_CHARS))).toBe(true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Show all' })));
    for (let i = 0; i < 10; i++) await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(screen.queryByTestId('long-text-cap')).toBeNull();
    expect(container.textContent!.length).toBe(text.length);
    expect(container.textContent).toBe(text);
  });

  it('a 5 MB user-style line renders only its preview', () => {
    const text = unbroken(5_000_000);
    const { container } = render(<LongText text={text} />);
    expect(container.textContent!.length).toBeLessThan(PREVIEW_CHARS + 200);
  });
});

describe('the guard in markdown and tool results', () => {
  it('breaks long runs in a paragraph, inline code, a table cell and link text, keeping the text', () => {
    const run = unbroken(500);
    const md = `${run}\n\n\`${run}\`\n\n| h |\n| - |\n| ${run} |\n\n[${run}](https://example.com/)`;
    const { container } = render(<Markdown text={md} />);
    expect(longestUnbrokenRun(container)).toBeLessThanOrEqual(SOFT_BREAK_RUN + 16);
    expect(container.querySelector('code')!.textContent).toBe(run);
    expect(container.querySelector('td')!.textContent).toBe(run);
    expect(container.querySelector('a')!.textContent).toBe(run);
  });

  it('shows a 5 MB unbroken answer as plain text with a capped preview', () => {
    const { container } = render(<Markdown text={unbroken(5_000_000)} />);
    expect(container.querySelector('[data-guard="too_long"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Show all' })).not.toBeNull();
    expect(container.textContent!.length).toBeLessThan(PREVIEW_CHARS + 500);
  });

  it('shows 10,000-deep lists and quotes as plain text, not 10,000 nested elements', () => {
    for (const md of [`${'- '.repeat(10_000)}x`, `${'>'.repeat(10_000)} x`]) {
      const { container, unmount } = render(<Markdown text={md} />);
      expect(container.querySelector('[data-guard="too_deep"]')).not.toBeNull();
      expect(container.querySelectorAll('ul, blockquote')).toHaveLength(0);
      unmount();
    }
  });

  it('keeps bidi overrides and control characters as text, isolated from the app', () => {
    const md = 'abc \u202eevil\u202c and \u0007bell\u0000';
    const { container } = render(<Markdown text={md} />);
    expect(container.textContent).toContain('\u202eevil\u202c');
  });

  it('breaks a long single-line JSON string and key in a tool result', () => {
    const value = { [unbroken(3000)]: unbroken(100_000), short: unbroken(1500) };
    const { container } = render(<JsonView value={value} />);
    // Chunks of a long string are separate spans: a run may continue across one chunk edge.
    expect(longestUnbrokenRun(container)).toBeLessThanOrEqual(2 * SOFT_BREAK_RUN);
    expect(container.textContent).toContain(value.short);
  });
});
