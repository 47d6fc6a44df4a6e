import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { createPartialJson } from '../../../core/stream/partial-json';
import * as format from './json-format';
import { JsonView } from './json-view';

vi.mock('./json-format', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./json-format')>();
  return { formatJsonString: vi.fn(actual.formatJsonString) };
});

afterEach(cleanup);

const formatted = () => vi.mocked(format.formatJsonString).mock.calls.map(([s]) => s);

describe('JsonView', () => {
  it('pretty-prints like JSON.stringify with two-space indentation', () => {
    const value = { city: 'Paris', days: 3, units: null, tags: ['a', true], nested: { empty: {}, list: [] } };
    const { container } = render(<JsonView value={value} />);
    // The visual indentation is padding, so compare the text with whitespace removed.
    expect(container.textContent!.replace(/\s/g, '')).toBe(JSON.stringify(value));
    const rows = [...container.querySelectorAll('.pl-\\[2ch\\]')];
    expect(rows.length).toBe(3); // one indented level per non-empty container
  });

  it('keeps newlines inside strings as line breaks and escapes the rest', () => {
    const { container } = render(<JsonView value={{ code: 'if (a) {\n\treturn "x\\y";\n}' }} />);
    const string = [...container.querySelectorAll('span')].find((s) => s.textContent!.startsWith('"if'))!;
    expect(string.textContent).toBe('"if (a) {\n\treturn \\"x\\\\y\\";\n}"');
    expect(container.firstElementChild!.className).toContain('whitespace-pre-wrap');
  });

  it('renders nothing before any value exists, and shows cycles instead of recursing', () => {
    expect(render(<JsonView value={undefined} />).container.innerHTML).toBe('');
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(render(<JsonView value={loop} />).container.textContent).toContain('[Circular]');
  });

  it('shows dates as JSON would', () => {
    const { container } = render(<JsonView value={{ at: new Date('2024-01-02T03:04:05Z') }} />);
    expect(container.textContent).toContain('"2024-01-02T03:04:05.000Z"');
  });

  it('re-renders only what changed while a parser streams into it', () => {
    const parser = createPartialJson();
    parser.push('{"path":"a.txt","options":{"mode":"w","flags":["x","y"]},"content":"hel');
    const { rerender, container } = render(<JsonView value={parser.value()} />);
    vi.mocked(format.formatJsonString).mockClear();

    parser.push('lo');
    rerender(<JsonView value={parser.value()} />);
    // Only the growing string and its key are formatted again; "path" and "options" are skipped.
    expect(formatted()).toEqual(['content', 'hello']);
    expect(container.textContent).toContain('"hello"');
  });
});
