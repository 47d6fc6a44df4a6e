import type { SseEvent } from './sse-decoder';
import type { StreamDecoder } from './stream-decoder';
import type { ModelEvent } from './types';
import { ModelError } from './types';
import { createOpenAIChatAssembler, type ChatChunk } from './openai-chat-assembler';
import { cutOff } from './shared';
import { invalidStreamError, providerStreamError } from './stream-error';

/**
 * Decodes an OpenAI chat-completions SSE stream: `data: {chunk}` lines until `data: [DONE]`.
 * An `event: error` frame (Groq) or a chunk carrying `error` (OpenRouter, vLLM, the mock) ends the
 * stream with a StreamError; a line that is not JSON is an error too, never silently skipped.
 */
export function createOpenAIChatStreamDecoder(newId?: () => string): StreamDecoder {
  const assembler = createOpenAIChatAssembler(newId);
  const warnings: string[] = [];
  let done = false;
  return {
    push(event: SseEvent): ModelEvent[] {
      if (done) return [];
      const data = event.data.trim();
      if (data === '[DONE]') {
        done = true;
        return [];
      }
      let chunk: (ChatChunk & { error?: unknown }) | null;
      try {
        chunk = JSON.parse(data);
      } catch {
        if (event.event === 'error') throw providerStreamError(data || 'unknown error');
        if (event.unterminated) return cutOff(warnings);
        // Keep-alives some proxies add (`data:` with nothing, `event: ping`) are not answer data.
        if (!data || (event.event && event.event !== 'message')) {
          warnings.push(`Ignored a non-JSON ${event.event ? `"${event.event}" ` : ''}event: ${preview(data) || '(empty)'}`);
          return [];
        }
        throw invalidStreamError(`The server sent a malformed stream line: ${preview(data)}`, `malformed stream line: ${preview(data)}`);
      }
      if (event.event === 'error' || (chunk && typeof chunk === 'object' && chunk.error)) throw providerStreamError(chunk);
      if (!chunk || typeof chunk !== 'object') {
        warnings.push(`Ignored a data line that is not a JSON object: ${preview(data)}`);
        return [];
      }
      return collect(assembler.push(chunk), warnings);
    },
    end(): ModelEvent[] {
      if (!assembler.finished && !done) throw new ModelError('stream', 'The connection closed before the answer finished.');
      return collect(assembler.end(), warnings);
    },
    get finished() {
      return done || assembler.finished;
    },
    get done() {
      return done;
    },
    warnings,
  };
}

/** Events of a non-streaming `chat.completion` body: the same assembler, fed one synthetic chunk. */
export function openAIChatCompletionEvents(completion: unknown, newId?: () => string): ModelEvent[] {
  const body = completion as { error?: unknown; choices?: any[]; usage?: ChatChunk['usage'] } | null;
  if (body && typeof body === 'object' && body.error) throw providerStreamError(body);
  const choice = body?.choices?.[0];
  if (!choice) throw new ModelError('stream', 'The server answered without any choices.');
  const message = choice.message ?? {};
  const toolCalls = Array.isArray(message.tool_calls) ? message.tool_calls.map((tc: object, index: number) => ({ index, ...tc })) : message.tool_calls;
  const assembler = createOpenAIChatAssembler(newId);
  // Fed as one chunk whose choice holds the whole message: every rule of the streaming path applies.
  const events = assembler.push({
    ...body,
    choices: [{ ...choice, index: 0, message: { ...message, tool_calls: toolCalls }, finish_reason: choice.finish_reason ?? 'stop' }],
    usage: body?.usage,
  });
  // The inspector should see the body as sent, not the synthetic chunk.
  return [{ type: 'raw', data: completion }, ...events.filter((e) => e.type !== 'raw'), ...assembler.end()];
}

/** Keeps the assembler's warnings in the decoder's list too (the replay tool prints that list). */
function collect(events: ModelEvent[], warnings: string[]): ModelEvent[] {
  // The same oddity on every chunk (a field we do not read) is listed once.
  for (const e of events) if (e.type === 'warning' && !warnings.includes(e.message)) warnings.push(e.message);
  return events;
}

function preview(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

