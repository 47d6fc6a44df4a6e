import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './plain-text';

describe('markdownToPlainText', () => {
  it('drops markdown syntax and keeps the words', () => {
    const md = '# Title\n\nSome **bold**, *em*, `code` and a [link](https://example.com).\n\n> quoted\n\n---\n\nEnd.';
    expect(markdownToPlainText(md)).toBe('Title\n\nSome bold, em, code and a link.\n\nquoted\n\nEnd.');
  });

  it('keeps lists, code lines and table cells readable', () => {
    const md = '- one\n- two\n  - nested\n\n1. first\n2. second\n\n```py\nprint(1)\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |';
    expect(markdownToPlainText(md)).toBe('- one\n- two\n  - nested\n\n1. first\n2. second\n\nprint(1)\n\na\tb\n1\t2');
  });

  it('keeps math as its TeX, backslashes included', () => {
    expect(markdownToPlainText('Area $$\\int_0^1 x^2\\,dx$$ and $E=mc^2$; costs $5.')).toBe('Area \\int_0^1 x^2\\,dx and E=mc^2; costs $5.');
  });
});
