import { describe, expect, it } from 'vitest';
import { createOpenAIChatAssembler, UNNAMED_CALL, type ChatChunk } from './openai-chat-assembler';
import { openAIChatCompletionEvents } from './openai-chat-stream';
import type { ModelEvent } from './types';

function run(chunks: ChatChunk[]): ModelEvent[] {
  let n = 0;
  const a = createOpenAIChatAssembler(() => `gen_${++n}`);
  return [...chunks.flatMap((c) => a.push(c)), ...a.end()].filter((e) => e.type !== 'raw');
}
const delta = (d: object, finish: string | null = null): ChatChunk => ({ choices: [{ index: 0, delta: d as never, finish_reason: finish }] });
const joined = (events: ModelEvent[], type: 'text-delta' | 'reasoning-delta' | 'refusal-delta') =>
  events.filter((e): e is Extract<ModelEvent, { text: string }> => e.type === type).map((e) => e.text).join('');
const warnings = (events: ModelEvent[]) => events.filter((e): e is Extract<ModelEvent, { type: 'warning' }> => e.type === 'warning');

describe('content as a list of typed parts', () => {
  it('reads Mistral reasoning: streamed thinking parts nesting text parts, then text parts', () => {
    const events = run([
      delta({ role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'Add 2 ' }] }] }),
      delta({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'and 2.' }] }] }),
      delta({ content: [{ type: 'text', text: '2 + 2 = 4' }] }, 'stop'),
    ]);
    expect(joined(events, 'reasoning-delta')).toBe('Add 2 and 2.');
    expect(joined(events, 'text-delta')).toBe('2 + 2 = 4');
    expect(warnings(events)).toEqual([]);
  });

  it('reads refusal parts and delta.refusal as a refusal', () => {
    const events = run([delta({ refusal: "I can't " }), delta({ content: [{ type: 'refusal', refusal: 'help with that.' }] }, 'stop')]);
    expect(joined(events, 'refusal-delta')).toBe("I can't help with that.");
    expect(joined(events, 'text-delta')).toBe('');
  });

  it('reports an unknown part type as a visible warning with the part itself', () => {
    const part = { type: 'image_url', image_url: { url: 'https://example.com/a.png' } };
    const events = run([delta({ content: [{ type: 'text', text: 'Here: ' }, part] }, 'stop')]);
    expect(joined(events, 'text-delta')).toBe('Here: ');
    expect(warnings(events)).toMatchObject([{ code: 'unknown_part', visible: true, data: part }]);
  });

  it('reports a delta field nobody reads, with its data', () => {
    const events = run([delta({ content: 'ok', speech: 'said aloud' }, 'stop')]);
    expect(warnings(events)).toMatchObject([{ code: 'unknown_field', visible: true, data: { speech: 'said aloud' } }]);
  });

  it('reads the same parts in a non-streamed message, refusal included', () => {
    const events = openAIChatCompletionEvents({
      choices: [
        {
          message: { role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'hmm' }] }, { type: 'text', text: '4' }], refusal: null },
          finish_reason: 'stop',
        },
      ],
    });
    expect(joined(events, 'reasoning-delta')).toBe('hmm');
    expect(joined(events, 'text-delta')).toBe('4');
    const refused = openAIChatCompletionEvents({ choices: [{ message: { role: 'assistant', content: null, refusal: 'No.' }, finish_reason: 'stop' }] });
    expect(joined(refused, 'refusal-delta')).toBe('No.');
  });
});

describe('tool calls that would have vanished', () => {
  it('surfaces a call that never receives a name as an unnamed call the model is told about', () => {
    const events = run([
      delta({ tool_calls: [{ index: 0, id: 'call_x', function: { arguments: '{"q":' } }] }),
      delta({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }, 'tool_calls'),
    ]);
    expect(events.filter((e) => e.type === 'tool-call-end')).toMatchObject([{ id: 'call_x', name: UNNAMED_CALL, args: { q: 1 }, argsText: '{"q":1}' }]);
    expect(warnings(events)).toMatchObject([{ code: 'unnamed_call', visible: true }]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'tool_calls' });
  });

  it('keeps two calls that share one id at different indexes apart, the second with a fresh id', () => {
    const events = run([
      delta({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }] }),
      delta({ tool_calls: [{ index: 0, id: 'call_1', function: { arguments: '{"n":1}' } }] }),
      delta({ tool_calls: [{ index: 1, id: 'call_1', type: 'function', function: { name: 'g', arguments: '' } }] }),
      delta({ tool_calls: [{ index: 1, id: 'call_1', function: { arguments: '{"n":2}' } }] }, 'tool_calls'),
    ]);
    expect(events.filter((e) => e.type === 'tool-call-end')).toMatchObject([
      { id: 'call_1', name: 'f', args: { n: 1 } },
      { id: 'gen_1', name: 'g', args: { n: 2 } },
    ]);
    expect(warnings(events)).toMatchObject([{ code: 'shared_call_id' }]);
  });
});
