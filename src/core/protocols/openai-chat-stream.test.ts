import { describe, expect, it } from 'vitest';
import { createOpenAIChatStreamDecoder, openAIChatCompletionEvents } from './openai-chat-stream';
import { StreamError } from './stream-error';
import type { SseEvent } from './sse-decoder';
import type { ModelEvent } from './types';

const data = (payload: unknown, event?: string): SseEvent => ({ event, data: typeof payload === 'string' ? payload : JSON.stringify(payload) });
const text = (t: string) => data({ choices: [{ index: 0, delta: { content: t } }] });
const visible = (events: ModelEvent[]) => events.filter((e) => e.type !== 'raw');

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('OpenAI chat stream decoder', () => {
  it('stops at [DONE] and ignores anything after it', () => {
    const d = createOpenAIChatStreamDecoder();
    expect(visible(d.push(text('hi')))).toEqual([{ type: 'text-delta', text: 'hi' }]);
    d.push(data('[DONE]'));
    expect(d.done).toBe(true);
    expect(d.push(text('late'))).toEqual([]);
    expect(d.end().at(-1)).toEqual({ type: 'finish', reason: null, rawReason: null, usage: undefined });
  });

  it('keeps reading after finish_reason for the usage chunk, and is finished without [DONE]', () => {
    const d = createOpenAIChatStreamDecoder();
    d.push(data({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
    expect(d.done).toBe(false);
    expect(d.finished).toBe(true);
    d.push(data({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 2 } }));
    expect(d.end().at(-1)).toMatchObject({ reason: 'stop', usage: { inputTokens: 5, outputTokens: 2 } });
  });

  it('turns an `event: error` frame into a StreamError with the provider’s type and code', () => {
    const d = createOpenAIChatStreamDecoder();
    const err = caught(() => d.push(data({ error: { message: 'bad call', type: 'invalid_request_error', code: 'tool_use_failed' } }, 'error')));
    expect(err).toBeInstanceOf(StreamError);
    expect(err).toMatchObject({ kind: 'stream', detail: { message: 'bad call', type: 'invalid_request_error', code: 'tool_use_failed' } });
    expect((err as Error).message).toMatch(/mid-stream: bad call/);
  });

  it('reads an error object inside a chunk, a string error, and a non-JSON error frame', () => {
    expect(caught(() => createOpenAIChatStreamDecoder().push(data({ choices: [{ finish_reason: 'error' }], error: { message: 'upstream', code: 502 } }))))
      .toMatchObject({ detail: { message: 'upstream', type: null, code: '502' } });
    expect(caught(() => createOpenAIChatStreamDecoder().push(data({ error: 'quota' })))).toMatchObject({ detail: { message: 'quota' } });
    expect(caught(() => createOpenAIChatStreamDecoder().push(data('overloaded', 'error')))).toMatchObject({ detail: { message: 'overloaded' } });
  });

  it('refuses a malformed line instead of skipping it', () => {
    const err = caught(() => createOpenAIChatStreamDecoder().push(data('{not json')));
    expect(err).toMatchObject({ detail: { type: 'invalid_stream', message: 'malformed stream line: {not json' } });
    expect((err as Error).message).toMatch(/malformed stream line/);
  });

  it('warns about JSON that is not an object, empty data and non-JSON named events, and goes on', () => {
    const d = createOpenAIChatStreamDecoder();
    expect(d.push(data('42'))).toEqual([]);
    expect(d.push(data(''))).toEqual([]);
    expect(d.push(data('keep-alive', 'ping'))).toEqual([]);
    expect(visible(d.push(text('still here')))).toEqual([{ type: 'text-delta', text: 'still here' }]);
    expect(d.warnings).toEqual([
      'Ignored a data line that is not a JSON object: 42',
      'Ignored a non-JSON event: (empty)',
      'Ignored a non-JSON "ping" event: keep-alive',
    ]);
  });

  it('throws when the stream ends before any finish', () => {
    const d = createOpenAIChatStreamDecoder();
    d.push(text('cut'));
    expect(d.finished).toBe(false);
    expect(() => d.end()).toThrow(/closed before the answer finished/);
  });
});

describe('non-streaming chat.completion', () => {
  it('gives the same events as a stream, with the body as the raw event', () => {
    const body = {
      choices: [
        {
          message: { content: 'ok', reasoning_content: 'why', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 2 },
    };
    const events = openAIChatCompletionEvents(body);
    expect(events[0]).toEqual({ type: 'raw', data: body });
    expect(visible(events)).toEqual([
      { type: 'reasoning-delta', text: 'why' },
      { type: 'text-delta', text: 'ok' },
      { type: 'tool-call-start', index: 0, id: 'c1', name: 'f' },
      { type: 'tool-call-delta', index: 0, argsText: '{"a":1}' },
      { type: 'tool-call-end', index: 0, id: 'c1', name: 'f', args: { a: 1 }, argsText: '{"a":1}' },
      { type: 'finish', reason: 'tool_calls', rawReason: 'tool_calls', usage: { inputTokens: 1, outputTokens: 2 } },
    ]);
  });

  it('reports an error body sent with status 200', () => {
    expect(() => openAIChatCompletionEvents({ error: { message: 'overloaded' } })).toThrow(/overloaded/);
    expect(() => openAIChatCompletionEvents({ choices: [] })).toThrow(/without any choices/);
  });
});
