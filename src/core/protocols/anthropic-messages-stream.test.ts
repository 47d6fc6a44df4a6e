import { describe, expect, it } from 'vitest';
import { anthropicMessageEvents, createAnthropicStreamDecoder } from './anthropic-messages-stream';
import type { StreamDecoder } from './stream-decoder';
import type { ModelEvent } from './types';

const ev = (payload: Record<string, unknown>) => ({ event: String(payload.type), data: JSON.stringify(payload) });
const start = (id = 'msg_1') => ev({ type: 'message_start', message: { id, usage: { input_tokens: 10, cache_read_input_tokens: 5, output_tokens: 1 } } });
const blockStart = (index: number, content_block: object) => ev({ type: 'content_block_start', index, content_block });
const delta = (index: number, d: object) => ev({ type: 'content_block_delta', index, delta: d });
const stop = (index: number) => ev({ type: 'content_block_stop', index });
const messageDelta = (stop_reason: string) => ev({ type: 'message_delta', delta: { stop_reason }, usage: { output_tokens: 42 } });
const messageStop = ev({ type: 'message_stop' });

function run(events: { event: string; data: string }[], decoder: StreamDecoder = createAnthropicStreamDecoder()): ModelEvent[] {
  const out = events.flatMap((e) => decoder.push(e));
  return [...out, ...decoder.end()].filter((e) => e.type !== 'raw');
}

describe('Anthropic stream decoder', () => {
  it('decodes text, then two tool_use blocks whose input_json_delta pieces interleave by index', () => {
    const events = run([
      start(),
      blockStart(0, { type: 'text', text: '' }),
      delta(0, { type: 'text_delta', text: 'Checking ' }),
      delta(0, { type: 'text_delta', text: 'both.' }),
      stop(0),
      blockStart(1, { type: 'tool_use', id: 'toolu_a', name: 'weather', input: {} }),
      blockStart(2, { type: 'tool_use', id: 'toolu_b', name: 'weather', input: {} }),
      delta(1, { type: 'input_json_delta', partial_json: '' }),
      delta(1, { type: 'input_json_delta', partial_json: '{"city":"Pa' }),
      delta(2, { type: 'input_json_delta', partial_json: '{"city":"Li' }),
      ev({ type: 'ping' }),
      delta(1, { type: 'input_json_delta', partial_json: 'ris"}' }),
      delta(2, { type: 'input_json_delta', partial_json: 'ma"}' }),
      stop(1),
      stop(2),
      messageDelta('tool_use'),
      messageStop,
    ]);
    expect(events.filter((e) => e.type === 'text-delta').map((e) => (e as { text: string }).text).join('')).toBe('Checking both.');
    expect(events.filter((e) => e.type === 'tool-call-start')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'toolu_a', name: 'weather' },
      { type: 'tool-call-start', index: 1, id: 'toolu_b', name: 'weather' },
    ]);
    expect(events.filter((e) => e.type === 'tool-call-end')).toEqual([
      { type: 'tool-call-end', index: 0, id: 'toolu_a', name: 'weather', args: { city: 'Paris' }, argsText: '{"city":"Paris"}' },
      { type: 'tool-call-end', index: 1, id: 'toolu_b', name: 'weather', args: { city: 'Lima' }, argsText: '{"city":"Lima"}' },
    ]);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool_calls', rawReason: 'tool_use', usage: { inputTokens: 15, outputTokens: 42 } });
  });

  it('streams thinking as reasoning and hands back the signed block; redacted blocks too', () => {
    const events = run([
      start(),
      blockStart(0, { type: 'thinking', thinking: '' }),
      delta(0, { type: 'thinking_delta', thinking: 'Let me ' }),
      delta(0, { type: 'thinking_delta', thinking: '' }),
      delta(0, { type: 'thinking_delta', thinking: 'think.' }),
      delta(0, { type: 'signature_delta', signature: 'sig' }),
      delta(0, { type: 'signature_delta', signature: 'ned' }),
      stop(0),
      blockStart(1, { type: 'redacted_thinking', data: 'opaque' }),
      stop(1),
      blockStart(2, { type: 'text', text: '' }),
      delta(2, { type: 'text_delta', text: 'Done.' }),
      stop(2),
      messageDelta('end_turn'),
      messageStop,
    ]);
    expect(events).toEqual([
      { type: 'reasoning-delta', text: 'Let me ' },
      { type: 'reasoning-delta', text: 'think.' },
      { type: 'reasoning-block', block: { type: 'thinking', thinking: 'Let me think.', signature: 'signed' } },
      { type: 'reasoning-block', block: { type: 'redacted_thinking', data: 'opaque' } },
      { type: 'text-delta', text: 'Done.' },
      { type: 'finish', reason: 'stop', rawReason: 'end_turn', usage: { inputTokens: 15, outputTokens: 42 } },
    ]);
  });

  it('ignores ping and unknown events and block types, with warnings, and stops at message_stop', () => {
    const d = createAnthropicStreamDecoder();
    const events = run(
      [
        start(),
        ev({ type: 'ping' }),
        ev({ type: 'future_event', x: 1 }),
        blockStart(0, { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search' }),
        delta(0, { type: 'input_json_delta', partial_json: '{"q":1}' }),
        stop(0),
        blockStart(1, { type: 'text', text: 'Hi' }),
        delta(1, { type: 'citations_delta', citation: {} }),
        stop(1),
        messageDelta('end_turn'),
        messageStop,
        blockStart(2, { type: 'text', text: 'after the end' }),
      ],
      d,
    );
    expect(events.filter((e) => e.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'Hi' }]);
    expect(events.some((e) => e.type.startsWith('tool-call'))).toBe(false);
    expect(d.done).toBe(true);
    expect(d.warnings).toEqual([
      'Ignored an event of type future_event.',
      // A server tool's input belongs to the block Anthropic runs: listed for the inspector, never shown.
      'Ignored a server_tool_use block (a tool Anthropic runs itself).',
      'Ignored the deltas of a block Anthropic runs itself (block 0).',
    ]);
    expect(events.filter((e) => e.type === 'warning').map((e) => (e as { visible: boolean }).visible)).toEqual([false, false, false]);
  });

  it('reports an unknown block and an unknown delta that carry words as visible warnings', () => {
    const d = createAnthropicStreamDecoder();
    const events = run([start(), blockStart(0, { type: 'future_text', body: 'Hello' }), delta(0, { type: 'future_delta', body: 'more' }), stop(0), messageDelta('end_turn'), messageStop], d);
    expect(events.filter((e) => e.type === 'warning')).toMatchObject([
      { code: 'unknown_block', visible: true, data: { type: 'future_text', body: 'Hello' } },
      { code: 'unknown_event', visible: true, data: { type: 'future_delta', body: 'more' } },
    ]);
  });

  it('turns an error event into a StreamError carrying Anthropic’s error type', () => {
    const d = createAnthropicStreamDecoder();
    d.push(start());
    expect(() => d.push(ev({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }))).toThrow(
      expect.objectContaining({ kind: 'stream', detail: { message: 'Overloaded', type: 'overloaded_error', code: null } }),
    );
  });

  it('tolerates a repeated message_start for the same message but not a spliced second message', () => {
    const same = createAnthropicStreamDecoder();
    same.push(start('msg_1'));
    expect(same.push(start('msg_1')).filter((e) => e.type !== 'raw')).toMatchObject([{ type: 'warning', code: 'ignored_event', visible: false }]);
    const spliced = createAnthropicStreamDecoder();
    spliced.push(start('msg_1'));
    expect(() => spliced.push(start('msg_2'))).toThrow(/second message_start \(msg_2\) arrived while msg_1 was still open/);
  });

  it('uses input from content_block_start when no deltas follow, and closes blocks a max_tokens cut left open', () => {
    const events = run([
      start(),
      blockStart(0, { type: 'tool_use', id: 'toolu_a', name: 'f', input: { x: 1 } }),
      stop(0),
      blockStart(1, { type: 'tool_use', id: 'toolu_b', name: 'g', input: {} }),
      delta(1, { type: 'input_json_delta', partial_json: '{"y": "unfinish' }),
      messageDelta('max_tokens'),
      messageStop,
    ]);
    const ends = events.filter((e) => e.type === 'tool-call-end');
    expect(ends[0]).toMatchObject({ id: 'toolu_a', args: { x: 1 }, argsText: '{"x":1}' });
    expect(ends[1]).toMatchObject({ id: 'toolu_b', args: undefined, argsText: '{"y": "unfinish', parseError: expect.any(String) });
    expect(events.at(-1)).toMatchObject({ reason: 'length', rawReason: 'max_tokens' });
  });

  it('throws when the stream ends before a stop reason, and on a malformed line', () => {
    const d = createAnthropicStreamDecoder();
    d.push(start());
    expect(d.finished).toBe(false);
    expect(() => d.end()).toThrow(/closed before the answer finished/);
    expect(() => createAnthropicStreamDecoder().push({ data: '{"type":' })).toThrow(/malformed stream line/);
  });
});

describe('non-streaming Anthropic message', () => {
  it('decodes content blocks exactly like the stream', () => {
    const message = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'hmm', signature: 's1' },
        { type: 'text', text: 'Sure.' },
        { type: 'tool_use', id: 'toolu_1', name: 'calc', input: { expression: '1+2' } },
      ],
      stop_reason: 'tool_use',
      usage: { input_tokens: 3, output_tokens: 4 },
    };
    const events = anthropicMessageEvents(message);
    expect(events[0]).toEqual({ type: 'raw', data: message });
    expect(events.filter((e) => e.type !== 'raw')).toEqual([
      { type: 'reasoning-delta', text: 'hmm' },
      { type: 'reasoning-block', block: { type: 'thinking', thinking: 'hmm', signature: 's1' } },
      { type: 'text-delta', text: 'Sure.' },
      { type: 'tool-call-start', index: 0, id: 'toolu_1', name: 'calc' },
      { type: 'tool-call-delta', index: 0, argsText: '{"expression":"1+2"}' },
      { type: 'tool-call-end', index: 0, id: 'toolu_1', name: 'calc', args: { expression: '1+2' }, argsText: '{"expression":"1+2"}' },
      { type: 'finish', reason: 'tool_calls', rawReason: 'tool_use', usage: { inputTokens: 3, outputTokens: 4 } },
    ]);
  });

  it('reports an error body and a body without content', () => {
    expect(() => anthropicMessageEvents({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })).toThrow(/Overloaded/);
    expect(() => anthropicMessageEvents({ type: 'message' })).toThrow(/without any content/);
  });
});
