import type { ModelEvent } from './types';
import type { ProtocolId } from './protocol-id';
import type { StreamDecoder } from './stream-decoder';
import { createOpenAIChatStreamDecoder, openAIChatCompletionEvents } from './openai-chat-stream';
import { createOpenAIResponsesStreamDecoder, openAIResponseEvents } from './openai-responses-stream';
import { anthropicMessageEvents, createAnthropicStreamDecoder } from './anthropic-messages-stream';

/** The streaming decoder of a protocol: the one the app's client uses, for replay and captures too. */
export function streamDecoderFor(protocol: ProtocolId): StreamDecoder {
  switch (protocol) {
    case 'anthropic-messages':
      return createAnthropicStreamDecoder();
    case 'openai-responses':
      return createOpenAIResponsesStreamDecoder();
    case 'openai-chat':
      return createOpenAIChatStreamDecoder();
  }
}

/** The events of a protocol's non-streaming JSON body. */
export function bodyEventsFor(protocol: ProtocolId, body: unknown): ModelEvent[] {
  switch (protocol) {
    case 'anthropic-messages':
      return anthropicMessageEvents(body);
    case 'openai-responses':
      return openAIResponseEvents(body);
    case 'openai-chat':
      return openAIChatCompletionEvents(body);
  }
}

/** Whether a JSON value looks like a protocol's response body (or an error body). */
export function looksLikeBody(protocol: ProtocolId, body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const b = body as { choices?: unknown; content?: unknown; output?: unknown; error?: unknown };
  if (b.error) return true;
  if (protocol === 'anthropic-messages') return Array.isArray(b.content);
  if (protocol === 'openai-responses') return Array.isArray(b.output);
  return Array.isArray(b.choices);
}
