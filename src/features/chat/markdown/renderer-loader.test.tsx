import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';

afterEach(cleanup);

describe('the lazily loaded markdown renderer', () => {
  it('shows plain text until the chunk arrives, then the rendered markdown', async () => {
    vi.resetModules();
    const { MarkdownBlock } = await import('./markdown-block');
    const { loadMarkdownRenderer } = await import('./renderer-loader');
    const text = '# Title\n\n<b>not html</b> and **bold**';
    const { container } = render(<MarkdownBlock text={text} />);
    const plain = container.querySelector('p.whitespace-pre-wrap');
    // Whatever the timing, raw markup is never turned into elements by the fallback.
    if (plain) {
      expect(plain.textContent).toBe(text);
      expect(container.querySelector('h1, b')).toBeNull();
    }
    await act(() => loadMarkdownRenderer());
    expect(container.querySelector('h1')?.textContent).toBe('Title');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('b')).toBeNull();
  });

  it('shares one load between callers', async () => {
    vi.resetModules();
    const { loadMarkdownRenderer } = await import('./renderer-loader');
    const first = loadMarkdownRenderer();
    expect(loadMarkdownRenderer()).toBe(first);
    expect(typeof (await first)).toBe('function');
  });
});
