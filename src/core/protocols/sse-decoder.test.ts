import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSseDecoder, type SseEvent } from './sse-decoder';

function decodeAll(chunks: (Uint8Array | string)[]): SseEvent[] {
  const d = createSseDecoder();
  return [...chunks.flatMap((c) => d.push(c)), ...d.end()];
}

describe('sse decoder', () => {
  it('reads data and event lines, skips comments, joins multi-line data', () => {
    const events = decodeAll([': keep-alive\n\nevent: ping\ndata: {"a":1}\n\ndata: one\ndata: two\n\n']);
    expect(events).toEqual([
      { event: 'ping', data: '{"a":1}' },
      { event: undefined, data: 'one\ntwo' },
    ]);
  });

  it('treats CRLF and lone CR as line ends, even when CR and LF arrive apart', () => {
    expect(decodeAll(['data: a\r', '\n\r\n', 'data: b\r\r'])).toEqual([
      { event: undefined, data: 'a' },
      { event: undefined, data: 'b' },
    ]);
  });

  it('keeps a final event that lacks its blank line', () => {
    expect(decodeAll(['data: [DONE]'])).toEqual([{ event: undefined, data: '[DONE]', unterminated: true }]);
    expect(decodeAll(['data: x\n\n'])).toEqual([{ event: undefined, data: 'x' }]);
  });

  it('gives the same events however the bytes are split, multi-byte characters included', () => {
    const text = 'data: {"t":"héllo 世界 🙂"}\r\n\r\n: c\n\nevent: x\ndata: ü\n\n';
    const bytes = new TextEncoder().encode(text);
    const whole = decodeAll([bytes]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.slice(points[i], end));
        expect(decodeAll(chunks)).toEqual(whole);
      }),
    );
    expect(whole[0].data).toBe('{"t":"héllo 世界 🙂"}');
  });
});

describe('sse decoder wire text (keepRaw)', () => {
  function rawAll(chunks: string[]) {
    const d = createSseDecoder({ keepRaw: true });
    return [...chunks.flatMap((c) => d.push(c)), ...d.end()];
  }

  it('gives each event its lines as they arrived, comments and event names included', () => {
    const events = rawAll([': keep-alive\n\nevent: ping\ndata: {"a":1}\n\ndata: one\r\ndata: two\r\n\r\n', 'data: [DONE]']);
    expect(events.map((e) => e.raw)).toEqual([': keep-alive\n\nevent: ping\ndata: {"a":1}', 'data: one\ndata: two', 'data: [DONE]']);
  });

  it('decoding the wire texts again gives the same events, however the stream was split', () => {
    const text = 'event: a\n\ndata: x\n\n: c\nevent: b\ndata: {"t":"héllo"}\n\nid: 7\ndata: y\ndata: z\n\n';
    const events = rawAll([text.slice(0, 9), text.slice(9, 30), text.slice(30)]);
    const again = createSseDecoder();
    const replayed = [...again.push(events.map((e) => `${e.raw}\n\n`).join('')), ...again.end()];
    expect(replayed).toEqual(events.map(({ raw: _raw, ...e }) => e));
    expect(events.map((e) => e.event)).toEqual([undefined, 'b', undefined]);
  });
});
