import { describe, expect, it } from 'vitest';
import { createOpenAIChatAssembler, type ChatChunk } from './openai-chat-assembler';
import type { ModelEvent } from './types';

function run(chunks: ChatChunk[]): ModelEvent[] {
  const a = createOpenAIChatAssembler(() => 'generated');
  return [...chunks.flatMap((c) => a.push(c)), ...a.end()].filter((e) => e.type !== 'raw');
}
const ends = (events: ModelEvent[]) => events.filter((e) => e.type === 'tool-call-end');
const tc = (o: object, finish: string | null = null): ChatChunk => ({ choices: [{ delta: { tool_calls: [o as never] }, finish_reason: finish }] });

describe('OpenAI chat assembler', () => {
  it('joins fragments when the id and name come only on the first one', () => {
    const events = run([
      tc({ index: 0, id: 'a', function: { name: 'get_weather', arguments: '' } }),
      tc({ index: 0, function: { arguments: '{"ci' } }),
      tc({ index: 0, function: { arguments: 'ty":"Paris"}' } }, 'tool_calls'),
    ]);
    expect(ends(events)).toEqual([{ type: 'tool-call-end', index: 0, id: 'a', name: 'get_weather', args: { city: 'Paris' }, argsText: '{"city":"Paris"}' }]);
    expect(events.filter((e) => e.type === 'tool-call-delta').map((e) => (e as { argsText: string }).argsText)).toEqual(['{"ci', 'ty":"Paris"}']);
  });

  it('does not double names or ids repeated on every fragment', () => {
    const events = run([
      tc({ index: 0, id: 'a', function: { name: 'f', arguments: '{"x":' } }),
      tc({ index: 0, id: 'a', function: { name: 'f', arguments: '1}' } }, 'tool_calls'),
    ]);
    expect(ends(events)).toMatchObject([{ name: 'f', id: 'a', args: { x: 1 } }]);
  });

  it('treats a new id on a reused index 0 as a new call (Ollama)', () => {
    const events = run([
      tc({ index: 0, id: 'a', function: { name: 'f', arguments: '{"n":1}' } }),
      tc({ index: 0, id: 'b', function: { name: 'f', arguments: '{"n":2}' } }, 'tool_calls'),
    ]);
    expect(ends(events).map((e) => (e as { args: unknown }).args)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('continues the last call when index and id are missing', () => {
    const events = run([
      tc({ id: 'a', function: { name: 'f', arguments: '{"a"' } }),
      tc({ function: { arguments: ':true}' } }, 'tool_calls'),
    ]);
    expect(ends(events)).toMatchObject([{ args: { a: true } }]);
  });

  it('keeps interleaved parallel calls apart', () => {
    const events = run([
      tc({ index: 0, id: 'a', function: { name: 'f', arguments: '' } }),
      tc({ index: 1, id: 'b', function: { name: 'g', arguments: '' } }),
      tc({ index: 0, function: { arguments: '{"x":1}' } }),
      tc({ index: 1, function: { arguments: '{"y":2}' } }, 'tool_calls'),
    ]);
    expect(ends(events)).toMatchObject([{ name: 'f', args: { x: 1 } }, { name: 'g', args: { y: 2 } }]);
  });

  it('reads "" as {} and object arguments as JSON, and runs calls that end with "stop"', () => {
    const events = run([
      tc({ index: 0, id: 'a', function: { name: 'f', arguments: '' } }),
      tc({ index: 1, id: 'b', function: { name: 'g', arguments: { q: 'x' } } }, 'stop'),
    ]);
    expect(ends(events)).toMatchObject([{ args: {} }, { args: { q: 'x' }, argsText: '{"q":"x"}' }]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'tool_calls', rawReason: 'stop' });
  });

  it('handles usage-only chunks, reasoning and legacy function_call', () => {
    const events = run([
      { choices: [{ delta: { reasoning_content: 'think' } }] },
      { choices: [{ delta: { function_call: { name: 'legacy', arguments: '{"a":1}' } }, finish_reason: 'function_call' }] },
      { choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } },
    ]);
    expect(events[0]).toEqual({ type: 'reasoning-delta', text: 'think' });
    expect(ends(events)).toMatchObject([{ name: 'legacy', id: 'generated', args: { a: 1 } }]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'tool_calls', usage: { inputTokens: 3, outputTokens: 4 } });
  });

  it('reports unparseable arguments instead of guessing', () => {
    const events = run([tc({ index: 0, id: 'a', function: { name: 'f', arguments: '{"x":' } }, 'length')]);
    expect(ends(events)[0]).toMatchObject({ args: undefined, parseError: expect.stringMatching(/not valid JSON/) });
    expect(events.at(-1)).toMatchObject({ reason: 'length', rawReason: 'length' });
  });

  it('starts a new call for a different name on an index that already has one, even without ids', () => {
    const events = run([
      tc({ index: 0, function: { name: 'f', arguments: '{"a":1}' } }),
      tc({ index: 0, function: { name: 'g', arguments: '{"b":2}' } }, 'tool_calls'),
    ]);
    expect(ends(events)).toMatchObject([{ name: 'f', args: { a: 1 } }, { name: 'g', args: { b: 2 } }]);
  });

  it('keeps one call when a gateway mints a fresh id on every nameless fragment', () => {
    const events = run([
      tc({ index: 0, id: 'a1', function: { name: 'f', arguments: '{"a"' } }),
      tc({ index: 0, id: 'a2', function: { arguments: ':1}' } }, 'tool_calls'),
    ]);
    expect(ends(events)).toMatchObject([{ id: 'a1', name: 'f', args: { a: 1 } }]);
  });

  it('marks a made-up id and reads only the first choice', () => {
    const events = run([
      { choices: [{ index: 1, delta: { content: 'other choice' } }] },
      { choices: [{ index: 0, delta: { content: 'mine', function_call: { name: 'legacy', arguments: '{}' } }, finish_reason: 'function_call' }] },
    ]);
    expect(events.filter((e) => e.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'mine' }]);
    expect(events.find((e) => e.type === 'tool-call-start')).toMatchObject({ id: 'generated', syntheticId: true });
  });
});
