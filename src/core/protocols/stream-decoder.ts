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

/** Runs decoded SSE events through a protocol decoder: the streaming path of every client. */
export async function* decodeStream(events: AsyncIterable<SseEvent>, decoder: StreamDecoder): AsyncIterable<ModelEvent> {
  for await (const event of events) {
    yield* decoder.push(event);
    if (decoder.done) break;
  }
  yield* decoder.end();
}
