import { describe, expect, it } from 'vitest';
import { createSseDecoder, type SseEvent } from './sse-decoder';
import { decodeStream } from './stream-decoder';
import { createOpenAIChatStreamDecoder } from './openai-chat-stream';
import type { ModelEvent } from './types';

async function* wire(text: string): AsyncIterable<SseEvent> {
  const d = createSseDecoder({ keepRaw: true });
  yield* [...d.push(text), ...d.end()];
}

async function collect(text: string): Promise<{ events: ModelEvent[]; error?: Error }> {
  const events: ModelEvent[] = [];
  try {
    for await (const e of decodeStream(wire(text), createOpenAIChatStreamDecoder())) events.push(e);
    return { events };
  } catch (error) {
    return { events, error: error as Error };
  }
}

const chunk = (content: string) => `data: {"choices":[{"index":0,"delta":{"content":"${content}"}}]}\n\n`;

describe('decodeStream wire text', () => {
  it('yields one raw event per SSE event with its text, [DONE] included, and the decoded events unchanged', async () => {
    const { events, error } = await collect(`${chunk('Hi')}data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n`);
    expect(error).toBeUndefined();
    const raws = events.filter((e) => e.type === 'raw');
    expect(raws.map((e) => e.text)).toEqual([chunk('Hi').trim(), 'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}', 'data: [DONE]']);
    // The decoder's own raw copy keeps its parsed payload; only the text is added.
    expect(raws[0].data).toMatchObject({ choices: [{ delta: { content: 'Hi' } }] });
    expect(events.filter((e) => e.type !== 'raw')).toEqual([
      { type: 'text-delta', text: 'Hi' },
      { type: 'finish', reason: 'stop', rawReason: 'stop', usage: undefined },
    ]);
  });

  it('yields the failing line before the error, so the inspector shows what broke the stream', async () => {
    const { events, error } = await collect(`${chunk('a')}data: {not json\n\n`);
    expect(error?.message).toMatch(/malformed stream line/);
    expect(events.at(-1)).toEqual({ type: 'raw', data: '{not json', text: 'data: {not json' });
  });
});
