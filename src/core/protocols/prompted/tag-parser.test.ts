import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ModelEvent } from '../types';
import { createToolCallTagParser, UNNAMED_TOOL_CALL } from './tag-parser';

function counterIds() {
  let n = 0;
  return () => `c${n++}`;
}

function run(chunks: string[]): ModelEvent[] {
  const parser = createToolCallTagParser({ newId: counterIds() });
  const events = chunks.flatMap((c) => parser.push(c));
  return [...events, ...parser.end()];
}

/** Adjacent text deltas and adjacent argument deltas of one call merged: chunking may only change these. */
function coalesce(events: ModelEvent[]): ModelEvent[] {
  const out: ModelEvent[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e.type === 'text-delta' && last?.type === 'text-delta') out[out.length - 1] = { ...last, text: last.text + e.text };
    else if (e.type === 'tool-call-delta' && last?.type === 'tool-call-delta' && last.index === e.index)
      out[out.length - 1] = { ...last, argsText: last.argsText + e.argsText };
    else out.push(e);
  }
  return out;
}

const SAMPLE =
  'Let me work that out.\n\n<tool_call>\n{"name": "calculate", "arguments": {"expression": "6*7"}}\n</tool_call>\n' +
  '<tool_call>{"name":"write_file","arguments":{"name":"a.md","content":"x < y and </tool_call> in a string"}}</tool_call>\n\n' +
  'Both are on their way: a<b, <tool_ is not a tag, nor is <tool_result>.';

const SAMPLE_EVENTS: ModelEvent[] = [
  { type: 'text-delta', text: 'Let me work that out.' },
  { type: 'tool-call-start', index: 0, id: 'c0', name: 'calculate' },
  { type: 'tool-call-delta', index: 0, argsText: '{"expression": "6*7"}' },
  { type: 'tool-call-end', index: 0, id: 'c0', name: 'calculate', args: { expression: '6*7' }, argsText: '{"expression": "6*7"}' },
  { type: 'tool-call-start', index: 1, id: 'c1', name: 'write_file' },
  { type: 'tool-call-delta', index: 1, argsText: '{"name":"a.md","content":"x < y and </tool_call> in a string"}' },
  {
    type: 'tool-call-end',
    index: 1,
    id: 'c1',
    name: 'write_file',
    args: { name: 'a.md', content: 'x < y and </tool_call> in a string' },
    argsText: '{"name":"a.md","content":"x < y and </tool_call> in a string"}',
  },
  { type: 'text-delta', text: 'Both are on their way: a<b, <tool_ is not a tag, nor is <tool_result>.' },
];

describe('createToolCallTagParser', () => {
  it('hides blocks from the prose and turns each into start, argument deltas and end', () => {
    expect(coalesce(run([SAMPLE]))).toEqual(SAMPLE_EVENTS);
  });

  it('gives the same events for a split at every position', () => {
    for (let i = 0; i <= SAMPLE.length; i++) {
      expect(coalesce(run([SAMPLE.slice(0, i), SAMPLE.slice(i)])), `split at ${i}`).toEqual(SAMPLE_EVENTS);
    }
  });

  it('gives the same events one character at a time', () => {
    expect(coalesce(run([...SAMPLE]))).toEqual(SAMPLE_EVENTS);
  });

  it('gives the same events for any chunking (property)', () => {
    const text = SAMPLE + '\n<tool_call>{"name": "x", "arguments": {bad}}</tool_call> tail <tool_call>{"name":"y"}';
    const expected = coalesce(run([text]));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 30 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), text.length];
        const chunks = points.slice(1).map((end, i) => text.slice(points[i], end));
        expect(coalesce(run(chunks))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('starts the card as soon as the name is readable and streams the arguments before the block closes', () => {
    const parser = createToolCallTagParser({ newId: counterIds() });
    expect(parser.push('Sure. <tool_ca')).toEqual([{ type: 'text-delta', text: 'Sure.' }]);
    expect(parser.push('ll>{"name": "calcu')).toEqual([]);
    expect(parser.push('late", "arguments": {"expr')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'c0', name: 'calculate' },
      { type: 'tool-call-delta', index: 0, argsText: '{"expr' },
    ]);
    expect(parser.push('ession": "1+1"}}</tool')).toEqual([{ type: 'tool-call-delta', index: 0, argsText: 'ession": "1+1"}' }]);
    expect(parser.push('_call>')).toMatchObject([{ type: 'tool-call-end', index: 0, args: { expression: '1+1' } }]);
    expect(parser.callCount).toBe(1);
  });

  it('buffers arguments written before the name until the name is known', () => {
    const events = run(['<tool_call>{"arguments": {"a": ', '1}, "name": "f"}</tool_call>']);
    expect(events.map((e) => e.type)).toEqual(['tool-call-start', 'tool-call-delta', 'tool-call-end']);
    expect(events[1]).toMatchObject({ argsText: '{"a": 1}' });
    expect(events[2]).toMatchObject({ name: 'f', args: { a: 1 }, argsText: '{"a": 1}' });
  });

  it('does not take a "name" inside the arguments for the tool name', () => {
    const events = run(['<tool_call>{"arguments": {"name": "inner"}, "name": "outer"}</tool_call>']);
    expect(events[0]).toMatchObject({ type: 'tool-call-start', name: 'outer' });
    expect(events[2]).toMatchObject({ args: { name: 'inner' } });
  });

  it('passes prose through untouched when there are no blocks, except trailing whitespace', () => {
    expect(coalesce(run(['Use <b>bold</b> or x <', ' y. A <tool> is fine.\n']))).toEqual([
      { type: 'text-delta', text: 'Use <b>bold</b> or x < y. A <tool> is fine.' },
    ]);
    expect(coalesce(run(['ends with <tool_c']))).toEqual([{ type: 'text-delta', text: 'ends with <tool_c' }]);
  });

  it('accepts a block without arguments as {} and arguments sent as a JSON string', () => {
    const events = run(['<tool_call>{"name": "list_files"}</tool_call><tool_call>{"name": "f", "arguments": "{\\"a\\":2}"}</tool_call>']);
    const ends = events.filter((e) => e.type === 'tool-call-end');
    expect(ends).toMatchObject([
      { name: 'list_files', args: {}, argsText: '{}' },
      { name: 'f', args: { a: 2 }, argsText: '{"a":2}' },
    ]);
    expect(ends.every((e) => e.type === 'tool-call-end' && e.parseError === undefined)).toBe(true);
  });

  it('reads a block wrapped in a json code fence', () => {
    const events = run(['<tool_call>\n```json\n{"name": "f", "arguments": {"x": true}}\n```\n</tool_call>']);
    expect(events[events.length - 1]).toMatchObject({ type: 'tool-call-end', name: 'f', args: { x: true } });
  });

  describe('malformed blocks become an error result, never a crash', () => {
    const end = (text: string) => {
      const events = run([text]);
      const last = events.filter((e) => e.type === 'tool-call-end').pop();
      expect(events.find((e) => e.type === 'tool-call-start')).toBeDefined();
      return last as Extract<ModelEvent, { type: 'tool-call-end' }>;
    };

    it('bad JSON keeps the name it could read and the raw text', () => {
      const e = end('<tool_call>{"name": "calculate", "arguments": {expression: 1+1}}</tool_call>');
      expect(e.name).toBe('calculate');
      expect(e.args).toBeUndefined();
      expect(e.argsText).toBe('{"name": "calculate", "arguments": {expression: 1+1}}');
      expect(e.parseError).toMatch(/^The <tool_call> block is not valid JSON/);
    });

    it('a missing name', () => {
      const e = end('<tool_call>{"arguments": {"a": 1}}</tool_call>');
      expect(e.name).toBe(UNNAMED_TOOL_CALL);
      expect(e.parseError).toBe('The <tool_call> block has no "name"; say which tool to call');
    });

    it('arguments that are not an object', () => {
      expect(end('<tool_call>{"name": "f", "arguments": [1, 2]}</tool_call>').parseError).toBe('The "arguments" of f must be a JSON object');
      expect(end('<tool_call>{"name": "f", "arguments": "{oops"}</tool_call>').parseError).toBe('The "arguments" of f are not valid JSON');
    });

    it('a block cut off at the end of the stream', () => {
      const e = end('Working on it <tool_call>{"name": "write_file", "arguments": {"name": "a.md", "cont');
      expect(e).toMatchObject({ name: 'write_file', parseError: 'The <tool_call> block was cut off before its closing </tool_call> tag' });
    });

    it('a complete block whose closing tag never came is still a call', () => {
      expect(end('<tool_call>{"name": "f", "arguments": {"a": 1}}\n')).toMatchObject({ name: 'f', args: { a: 1 } });
      expect(end('<tool_call>{"name": "f", "arguments": {"a": 1}}\n')).not.toHaveProperty('parseError');
    });

    it('a block left open before the next one: both become calls', () => {
      const events = run(['<tool_call>{"name": "a", "arguments": {}}\n<tool_call>{"name": "b", "arguments": {}}</tool_call>done']);
      expect(events.filter((e) => e.type === 'tool-call-end').map((e) => e.type === 'tool-call-end' && [e.name, e.parseError])).toEqual([
        ['a', undefined],
        ['b', undefined],
      ]);
      expect(events[events.length - 1]).toEqual({ type: 'text-delta', text: 'done' });
    });

    it('an unterminated string that swallowed the closing tag: split there, keep the prose after it', () => {
      const events = run(['<tool_call>{"name": "f", "arguments": {"a": "x\\"}}</tool_call> After.']);
      expect(events.find((e) => e.type === 'tool-call-end')).toMatchObject({ name: 'f', parseError: expect.stringMatching(/not valid JSON/) });
      expect(events[events.length - 1]).toEqual({ type: 'text-delta', text: 'After.' });
    });
  });
});
