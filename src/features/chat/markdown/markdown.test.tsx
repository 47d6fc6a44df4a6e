import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import ReactMarkdown from 'react-markdown';
import { Markdown } from './markdown';
import { loadMarkdownRenderer } from './renderer-loader';

// Count every parse-and-render of a block by the text it was given.
vi.mock('react-markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react-markdown')>();
  return { ...actual, default: vi.fn(actual.default) };
});

// The renderer is a lazy chunk in the app; these tests look at what it renders once loaded.
beforeAll(async () => {
  await loadMarkdownRenderer();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const hrefs = (container: HTMLElement) => [...container.querySelectorAll('[href]')].map((a) => a.getAttribute('href'));

describe('Markdown links', () => {
  it.each([
    ['[x](javascript:alert(1))', 'javascript'],
    ['[x](JaVaScRiPt:alert(1))', 'javascript'],
    ['[x](java&#x09;script:alert(1))', 'script'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', 'data:'],
    ['[x](vbscript:msgbox(1))', 'vbscript'],
    ['[x](//evil.com/path)', 'evil.com'],
    ['[x](/relative/path)', 'relative'],
    ['<javascript:alert(1)>', 'javascript'],
    ['[x][1]\n\n[1]: javascript:alert(1)', 'javascript'],
  ])('neutralises %j', (text, bad) => {
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelector('a')).toBeNull();
    expect(hrefs(container).join(' ')).not.toContain(bad);
    expect(container.textContent).toContain(text.startsWith('<') ? '' : 'x');
  });

  it('opens web and mail links in a new tab without opener or referrer', () => {
    const { container } = render(<Markdown text="[site](https://example.com/a?b=1) and [mail](mailto:a@b.c) and https://auto.link" />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a?b=1',
      'mailto:a@b.c',
      'https://auto.link',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('keeps in-page anchors in the same tab and resolves reference-style links', () => {
    const { container } = render(<Markdown text={'[up](#top) and [docs][d]\n\n[d]: https://docs.example.com'} />);
    const [up, docs] = [...container.querySelectorAll('a')];
    expect(up.getAttribute('href')).toBe('#top');
    expect(up.hasAttribute('target')).toBe(false);
    expect(docs.getAttribute('href')).toBe('https://docs.example.com');
  });
});

describe('Markdown raw HTML', () => {
  it('never turns HTML in markdown into elements', () => {
    const text = '<script>alert(1)</script>\n\nHi <img src=x onerror="alert(2)"> there\n\n<div onclick="x()">block</div>';
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelector('script, img, div[onclick], [onerror]')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(2)">');
  });
});

describe('Markdown images', () => {
  it('shows a load button with the host and alt text, and loads only on click', () => {
    const { container } = render(<Markdown text="See ![a cat](https://img.example.com/cat.png)" />);
    expect(container.querySelector('img')).toBeNull();
    const button = screen.getByRole('button', { name: /Load image from img\.example\.com/ });
    expect(button.textContent).toContain('a cat');
    fireEvent.click(button);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://img.example.com/cat.png');
    expect(img.getAttribute('alt')).toBe('a cat');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('offers no way to load an image from a non-http address', () => {
    const { container } = render(<Markdown text="![pixel](data:image/png;base64,AAAA)" />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('pixel');
  });
});

describe('Markdown elements', () => {
  it('renders tables in a scroll wrapper and task lists with disabled checkboxes', () => {
    const { container } = render(<Markdown text={'| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n- [ ] todo'} />);
    expect(container.querySelector('table')?.parentElement?.className).toContain('overflow-x-auto');
    expect(container.querySelectorAll('td')).toHaveLength(2);
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => [b.checked, b.disabled])).toEqual([
      [true, true],
      [false, true],
    ]);
  });

  it('renders fenced code with its language and inline code plainly', () => {
    const { container } = render(<Markdown text={'Use `npm i`.\n\n```ts\nconst a = 1;\n```'} />);
    expect(container.querySelector('p code')?.textContent).toBe('npm i');
    expect(container.querySelector('pre')?.textContent).toBe('const a = 1;');
    expect(container.textContent).toContain('ts');
  });

  it('shows a half-streamed code block as code', () => {
    const { container } = render(<Markdown text={'```py\nprint(1)\n``'} streaming />);
    expect(container.querySelector('pre')?.textContent).toBe('print(1)');
  });
});

describe('Copy code', () => {
  it('copies the code, confirms for 1.5 s, then resets', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<Markdown text={'```sh\nnpm test\n```'} />);
    const button = screen.getByRole('button', { name: 'Copy code' });
    await act(async () => fireEvent.click(button));
    expect(writeText).toHaveBeenCalledWith('npm test');
    expect(button.textContent).toBe('Copied');
    expect(screen.getByRole('status').textContent).toBe('Copied to the clipboard');
    act(() => vi.advanceTimersByTime(1500));
    expect(button.textContent).toBe('Copy');
  });

  it('selects the code when the clipboard refuses', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<Markdown text={'```\nsecret stuff\n```'} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy code' })));
    expect(window.getSelection()?.toString()).toBe('secret stuff');
    expect(screen.getByRole('button', { name: 'Copy code' }).textContent).toBe('Selected');
  });
});

describe('Markdown memoization', () => {
  it('does not re-render completed blocks while the tail grows', () => {
    const parse = vi.mocked(ReactMarkdown);
    const first = '# Title\n\nFirst paragraph.\n\n';
    const { rerender, container } = render(<Markdown text={`${first}Sec`} streaming />);
    parse.mockClear();

    rerender(<Markdown text={`${first}Second para`} streaming />);
    rerender(<Markdown text={`${first}Second paragraph.`} streaming />);
    const rendered = parse.mock.calls.map(([props]) => props.children);
    expect(rendered).toEqual(['Second para', 'Second paragraph.']);
    expect(container.querySelector('h1')?.textContent).toBe('Title');
    expect(container.textContent).toContain('Second paragraph.');
  });

  it('renders the whole text at once when footnotes tie blocks together', () => {
    const { container } = render(<Markdown text={'Claim[^1].\n\nMore.\n\n[^1]: Source.'} />);
    expect(container.querySelector('sup a')?.getAttribute('href')).toMatch(/^#/);
    expect(container.textContent).toContain('Source.');
  });
});
