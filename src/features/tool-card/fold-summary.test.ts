import { describe, expect, it } from 'vitest';
import type { ToolCallState } from '../../core/conversation/types';
import { groupCounts, resultPreview, tellingArgument } from './fold-summary';

const base = { id: 'c', name: 't', round: 0, argsText: '' };
/** A call in any status, its fields as the test gives them. */
const call = (fields: Record<string, unknown>) => ({ ...base, ...fields }) as ToolCallState;
const done = (value: unknown, args?: unknown): ToolCallState =>
  call({ status: 'succeeded', args, resultText: '', outcome: { status: 'succeeded', value, text: JSON.stringify(value), truncated: false } });

describe('tellingArgument', () => {
  it('prefers a path, an expression, a URL, and takes the first line of code', () => {
    expect(tellingArgument(done(1, { content: 'x', path: 'notes/todo.md' }))).toBe('notes/todo.md');
    expect(tellingArgument(done(1, { expression: '6*7' }))).toBe('6*7');
    expect(tellingArgument(done(1, { url: 'https://example.com/a', maxBytes: 10 }))).toBe('https://example.com/a');
    expect(tellingArgument(done(1, { code: 'const a = 1;\nreturn a;' }))).toBe('const a = 1; …');
  });

  it('shortens long values, falls back to any string or number, and shows the edited arguments', () => {
    expect(tellingArgument(done(1, { query: 'a'.repeat(100) }))).toHaveLength(60);
    expect(tellingArgument(done(1, { topic: 'birds' }))).toBe('birds');
    expect(tellingArgument(done(1, { count: 12 }))).toBe('12');
    expect(tellingArgument({ ...done(1, { path: 'a' }), editedArgs: { path: 'b' } })).toBe('b');
    expect(tellingArgument(done(1, undefined))).toBeUndefined();
  });
});

describe('resultPreview', () => {
  it('reads numbers, counts and text from common result shapes', () => {
    expect(resultPreview(done({ expression: '6*7', result: 42 }))).toEqual({ type: 'value', text: '42' });
    expect(resultPreview(done({ count: 3, files: [1, 2, 3] }))).toEqual({ type: 'count', count: 3, noun: 'files' });
    expect(resultPreview(done([1, 2]))).toEqual({ type: 'count', count: 2, noun: 'items' });
    expect(resultPreview(done({ name: 'a', text: 'one\ntwo\nthree' }))).toEqual({ type: 'count', count: 3, noun: 'lines' });
    expect(resultPreview(done('hello world'))).toEqual({ type: 'text', text: 'hello world' });
    expect(resultPreview(done({ name: 'a', bytes: 120 }))).toEqual({ type: 'count', count: 120, noun: 'bytes' });
  });

  it('gives the first words of an error, and how far a cancelled call got', () => {
    const failed = call({ status: 'failed', resultText: '', outcome: { status: 'failed', error: { message: 'File not found: notes/missing-file-with-a-long-name.md' }, text: '', truncated: false } });
    expect(resultPreview(failed)).toEqual({ type: 'error', text: 'File not found: notes/missing-file-with…' });
    expect(resultPreview(call({ status: 'cancelled', progress: { current: 4, total: 12 } }))).toEqual({ type: 'cancelled', current: 4, total: 12 });
    expect(resultPreview(call({ status: 'cancelled' }))).toEqual({ type: 'cancelled' });
    expect(resultPreview(call({ status: 'invalid', resultText: '', validationError: 'Unknown tool "x".' }))).toEqual({ type: 'error', text: 'Unknown tool "x".' });
    expect(resultPreview(call({ status: 'invalid', resultText: '', validationError: 'Invalid arguments for "t": /count must be integer' }))).toEqual({ type: 'error', text: '/count must be integer' });
  });
});

describe('groupCounts', () => {
  it('counts done, waiting and running calls', () => {
    const counts = groupCounts([done(1), done(2), call({ status: 'pending_approval' })]);
    expect(counts).toMatchObject({ total: 3, done: 2, waiting: 1, running: 0 });
  });
});
