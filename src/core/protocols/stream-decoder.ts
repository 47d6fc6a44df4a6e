import type { SseEvent } from './sse-decoder';
import type { ModelEvent } from './types';

/**
 * One protocol's SSE-event → normalized-event decoder. The app's clients and the replay tool drive
 * the same implementation, so a capture replays exactly as the app saw it.
 */
export interface StreamDecoder {
  /** Decodes one SSE event; throws a ModelError (usually StreamError) when the stream reports or is an error. */
  push(event: SseEvent): ModelEvent[];
  /** Closes open calls and emits `finish`; throws when the stream ended before the provider finished. */
  end(): ModelEvent[];
  /** The provider ended the answer properly (finish reason, `[DONE]` or `message_stop`). */
  readonly finished: boolean;
  /** Nothing more is expected: stop reading (`[DONE]`, `message_stop`). */
  readonly done: boolean;
  /** Oddities that did not stop decoding (ignored events, duplicates), for the replay tool. */
  readonly warnings: readonly string[];
}

/**
 * Runs decoded SSE events through a protocol decoder: the streaming path of every client. Every
 * event that carries its wire text yields exactly one `raw` event with it (before the decoder's
 * error, if the event was one), so the inspector sees `[DONE]`, pings and the failing line too.
 */
export async function* decodeStream(events: AsyncIterable<SseEvent>, decoder: StreamDecoder): AsyncIterable<ModelEvent> {
  for await (const event of events) {
    let out: ModelEvent[];
    try {
      out = decoder.push(event);
    } catch (e) {
      if (event.raw !== undefined) yield { type: 'raw', data: event.data, text: event.raw };
      throw e;
    }
    yield* event.raw === undefined ? out : withWireText(out, event.raw, event.data);
    if (decoder.done) break;
  }
  yield* decoder.end();
}

/** Puts the wire text on the decoder's own raw event, or adds one when the decoder made none. */
export function withWireText(events: ModelEvent[], text: string, data: unknown): ModelEvent[] {
  const at = events.findIndex((e) => e.type === 'raw');
  if (at === -1) return [{ type: 'raw', data, text }, ...events];
  const copy = events.slice();
  copy[at] = { ...(events[at] as Extract<ModelEvent, { type: 'raw' }>), text };
  return copy;
}
