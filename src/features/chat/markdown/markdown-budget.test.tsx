import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { blocksWithinBudget, Markdown } from './markdown';
import { loadMarkdownRenderer } from './renderer-loader';

beforeAll(async () => {
  await loadMarkdownRenderer();
});
afterEach(cleanup);

const blocks = (...lengths: number[]) => lengths.map((n) => ({ text: 'x'.repeat(n) }));

describe('blocksWithinBudget', () => {
  it('keeps every block shown before and adds new ones up to the budget', () => {
    expect(blocksWithinBudget(blocks(10, 10, 10, 10), 1, 25)).toBe(3);
    expect(blocksWithinBudget(blocks(10, 10, 10, 10), 4, 0)).toBe(4);
  });

  it('always adds at least one new block, however large', () => {
    expect(blocksWithinBudget(blocks(5, 500, 5), 1, 10)).toBe(2);
    expect(blocksWithinBudget(blocks(500), 0, 10)).toBe(1);
  });

  it('never goes past the end when the text got shorter', () => {
    expect(blocksWithinBudget(blocks(10), 5, 100)).toBe(1);
  });
});

describe('Markdown with a burst of new blocks', () => {
  const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(60)}`).join('\n\n');

  it('shows a first slice at once, marks itself as still rendering, then ends with every block', async () => {
    // Outside act the effect-driven slices happen in their own tasks, as in the browser.
    const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const previous = env.IS_REACT_ACT_ENVIRONMENT;
    env.IS_REACT_ACT_ENVIRONMENT = false;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    try {
      flushSync(() => root.render(<Markdown text={text} />));
      const first = host.querySelectorAll('p').length;
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(40);
      expect(host.querySelector('[data-rendering]')).not.toBeNull();
      for (let i = 0; i < 100 && host.querySelectorAll('p').length < 40; i++) await new Promise((r) => setTimeout(r, 5));
      expect(host.querySelectorAll('p')).toHaveLength(40);
      expect(host.querySelector('[data-rendering]')).toBeNull();
    } finally {
      root.unmount();
      host.remove();
      env.IS_REACT_ACT_ENVIRONMENT = previous;
    }
  });

  it('renders the same blocks as without a budget once caught up', () => {
    const { container } = render(<Markdown text={text} />);
    expect([...container.querySelectorAll('p')].map((p) => p.textContent)).toEqual(text.split('\n\n').map((p) => p.trim()));
  });
});
