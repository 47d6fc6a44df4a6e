import { createSseDecoder, type SseEvent } from './sse-decoder';
import { ModelError } from './types';

/** Reads a fetch Response body as SSE events (each with its wire text), with an idle watchdog for stalled streams. */
export async function* readSse(response: Response, signal: AbortSignal, idleTimeoutMs: number): AsyncIterable<SseEvent> {
  if (!response.body) throw new ModelError('stream', 'The server sent an empty response body.');
  const reader = response.body.getReader();
  const decoder = createSseDecoder({ keepRaw: true });
  try {
    while (true) {
      const { done, value } = await readWithIdleTimeout(reader, signal, idleTimeoutMs);
      yield* done ? decoder.end() : decoder.push(value);
      if (done) return;
    }
  } finally {
    // Closing the reader closes the connection when we stop early (stop, error, watchdog).
    reader.cancel().catch(() => {});
  }
}

async function readWithIdleTimeout(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal,
  ms: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      reader.read().catch((e) => {
        if (signal.aborted) throw new ModelError('aborted', 'Stopped.');
        throw new ModelError('network', `The connection dropped while the answer was streaming (${(e as Error).message}).`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ModelError('timeout', `The server stopped sending for ${Math.round(ms / 1000)} s; the stream was closed.`)),
          ms,
        );
        onAbort = () => reject(new ModelError('aborted', 'Stopped.'));
        if (signal.aborted) onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
