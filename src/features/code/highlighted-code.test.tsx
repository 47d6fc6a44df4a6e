import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import { CodePieces, HighlightedCode, PIECE_CHARS } from './highlighted-code';

afterEach(cleanup);

const program = (lines: number) => Array.from({ length: lines }, (_, i) => `const value${i} = compute(${i}); // line ${i}`).join('\n');

describe('highlight scheduling', () => {
  it('highlights a small block whole, once per change of its text', () => {
    const highlight = vi.fn((code: string) => code);
    const { rerender } = render(<CodePieces code="let a = 1;" highlight={highlight} />);
    rerender(<CodePieces code="let a = 1;" highlight={highlight} />);
    expect(highlight.mock.calls.map(([c]) => c)).toEqual(['let a = 1;']);
  });

  it('never re-highlights a finished piece while a long program streams in', () => {
    const highlight = vi.fn((code: string) => code);
    const full = program(3000); // ~150 KB
    const { rerender, container } = render(<CodePieces code={full.slice(0, 1000)} highlight={highlight} />);
    let highlightedChars = 0;
    for (let end = 1000; end <= full.length; end += 997) {
      highlight.mockClear();
      rerender(<CodePieces code={full.slice(0, end)} highlight={highlight} />);
      // Each render highlights at most the growing piece (and the one it just finished).
      expect(highlight.mock.calls.length).toBeLessThanOrEqual(2);
      highlightedChars += highlight.mock.calls.reduce((n, [c]) => n + c.length, 0);
    }
    rerender(<CodePieces code={full} highlight={highlight} />);
    expect(container.textContent).toBe(full);
    // Linear, not quadratic: the work is a small multiple of the text, not of renders × length.
    expect(highlightedChars).toBeLessThan(full.length * 3);
    expect(highlightedChars / PIECE_CHARS).toBeGreaterThan(0);
  });

  it('re-highlights every piece once when the grammar arrives', () => {
    const code = program(200);
    const highlight = vi.fn((c: string) => c);
    const { rerender } = render(<CodePieces code={code} highlight={null} />);
    rerender(<CodePieces code={code} highlight={highlight} />);
    const pieces = highlight.mock.calls.length;
    rerender(<CodePieces code={code} highlight={highlight} />);
    expect(highlight.mock.calls.length).toBe(pieces);
    expect(highlight.mock.calls.map(([c]) => c).join('')).toBe(code);
  });
});

describe('HighlightedCode', () => {
  it('loads the grammar on demand and colours tokens', async () => {
    const { container } = render(<HighlightedCode code={'def f(x):\n    return "hi"'} language="py" />);
    expect(container.textContent).toBe('def f(x):\n    return "hi"');
    await waitFor(() => expect(container.querySelector('.hljs-keyword')).not.toBeNull(), { timeout: 10_000 });
    expect(container.querySelector('.hljs-string')?.textContent).toBe('"hi"');
    expect(container.textContent).toBe('def f(x):\n    return "hi"');
  });

  it('leaves an unknown language plain', async () => {
    const { container } = render(<HighlightedCode code="some words" language="klingon" />);
    await new Promise((r) => setTimeout(r, 50));
    expect(container.querySelector('span')).toBeNull();
    expect(container.textContent).toBe('some words');
  });
});
