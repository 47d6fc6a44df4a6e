import { describe, expect, it } from 'vitest';
import { findMath, protectMath, restoreMath } from './math-tokens';

const tex = (text: string) => findMath(text).map((s) => [s.delimiter, s.tex]);

describe('findMath', () => {
  it('finds the four delimiters models emit, with the TeX exactly as written', () => {
    expect(tex('Energy $E=mc^2$ here')).toEqual([['$', 'E=mc^2']]);
    expect(tex('$$\\int_0^1 x^2\\,dx$$')).toEqual([['$$', '\\int_0^1 x^2\\,dx']]);
    expect(tex('inline \\(a_1 + b_1\\) and')).toEqual([['\\(', 'a_1 + b_1']]);
    expect(tex('\\[\n\\frac{1}{2}\\,x\n\\]')).toEqual([['\\[', '\n\\frac{1}{2}\\,x\n']]);
    expect(findMath('$$x$$')[0]).toMatchObject({ display: true, start: 0, end: 5 });
    expect(findMath('$x$')[0]).toMatchObject({ display: false });
  });

  it('leaves currency as text', () => {
    expect(tex('It costs $5 and $10.')).toEqual([]);
    expect(tex('between $5-$10 a month')).toEqual([]);
    expect(tex('$5 and $10 respectively, and then $x$')).toEqual([['$', 'x']]);
    expect(tex('pay $ 5 $ now')).toEqual([]);
    expect(tex('a lone $ sign')).toEqual([]);
  });

  it('honours escapes', () => {
    expect(tex('not math: \\$x\\$')).toEqual([]);
    expect(tex('\\\\(x\\\\)')).toEqual([]);
    expect(tex('$a\\$b$')).toEqual([['$', 'a\\$b']]);
    expect(tex('\\(a \\) b')).toEqual([['\\(', 'a ']]);
  });

  it('skips code spans and fenced code', () => {
    expect(tex('`$x$` and ``$y$``')).toEqual([]);
    expect(tex('```\n$x$\n```\nafter $y$')).toEqual([['$', 'y']]);
    expect(tex('- item\n  ```sh\n  echo $HOME $PATH\n  ```')).toEqual([]);
    expect(tex('unmatched ` then $z$')).toEqual([['$', 'z']]);
  });

  it('never crosses a blank line or a new block, and keeps inline math on one line', () => {
    expect(tex('$$a\n\nb$$')).toEqual([]);
    expect(tex('$$a\n- b$$')).toEqual([]);
    expect(tex('$$a\n# b$$')).toEqual([]);
    expect(tex('$a\nb$')).toEqual([]);
    expect(tex('$$\n\\begin{aligned}a &= b \\\\\nc &= d\n\\end{aligned}\n$$')).toHaveLength(1);
  });

  it('ignores empty math', () => {
    expect(tex('$$ $$ and \\( \\)')).toEqual([]);
  });
});

describe('protectMath / restoreMath', () => {
  it('replaces spans with placeholders and restores the exact source', () => {
    const text = 'A $x\\,y$ and `code` and $$\\int$$.';
    const p = protectMath(text);
    expect(p.text).not.toContain('$');
    expect(p.spans.map((s) => s.source)).toEqual(['$x\\,y$', '$$\\int$$']);
    expect(restoreMath(p.text, p.spans)).toBe(text);
  });

  it('leaves text without math untouched', () => {
    expect(protectMath('plain $5 text')).toEqual({ text: 'plain $5 text', spans: [] });
  });
});
