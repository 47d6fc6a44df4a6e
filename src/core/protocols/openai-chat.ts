import type { ModelClient, ModelEvent, ModelRequest } from './types';
import type { SseEvent } from './sse-decoder';
import { readSse } from './read-sse';
import { openAISdk, parseBody, readBody, sendReported } from './openai-sdk';
import { decodeStream, withWireText } from './stream-decoder';
import { createOpenAIChatStreamDecoder, openAIChatCompletionEvents } from './openai-chat-stream';
import { asksForReasoningContent, toOpenAIMessages, toOpenAITools } from './openai-chat-request';

export { toOpenAIMessages } from './openai-chat-request';

export interface OpenAIChatOptions {
  baseURL: string;
  apiKey: string;
  model: string;
  streaming: boolean;
  /** No bytes for this long while streaming means the stream stalled (the SDK's own timeout stops at headers). */
  idleTimeoutMs?: number;
  /** No response headers (first byte) for this long fails the request as a timeout (default 120 s). */
  timeoutMs?: number;
  /**
   * Echo assistant reasoning as `reasoning_content`. `true` always (DeepSeek thinking mode), `false`
   * never. `'auto'` (default) sends it only after the server answered 400 naming `reasoning_content`,
   * then retries once and remembers the endpoint: strict servers (OpenAI, Mistral) reject unknown
   * message fields, so echoing it everywhere would break them.
   */
  sendReasoning?: boolean | 'auto';
}

// Endpoints (base URL + model) that asked for reasoning_content; the client is rebuilt every round.
const wantsReasoning = new Set<string>();

/**
 * An OpenAI-compatible chat-completions endpoint, called through the `openai` SDK (loaded on first
 * use so it stays out of the initial bundle). The SDK sends the request and classifies HTTP errors;
 * the streamed body is decoded by our own SSE decoder and assembler — the same code the replay tool uses.
 */
export function createOpenAIChatClient(opts: OpenAIChatOptions): ModelClient {
  const endpoint = `${opts.baseURL}|${opts.model}`;
  return {
    label: opts.model,
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      const { client, classify } = await openAISdk(opts);
      const mode = opts.sendReasoning ?? 'auto';
      const send = async (echo: boolean) => {
        const body = {
          model: opts.model,
          messages: toOpenAIMessages(request.messages, { reasoningContent: echo }),
          ...(request.tools.length ? { tools: toOpenAITools(request.tools) } : {}),
          stream: opts.streaming,
        };
        return sendReported(request, 'openai-chat', endpointUrl(opts.baseURL), opts.apiKey, body, () => client.chat.completions.create(body as any, { signal: request.signal }));
      };
      let sent: Response;
      const echo = mode === true || (mode === 'auto' && wantsReasoning.has(endpoint));
      try {
        sent = await send(echo);
      } catch (e) {
        const err = classify(e);
        if (mode !== 'auto' || echo || !asksForReasoningContent(err.status, err.message)) throw err;
        wantsReasoning.add(endpoint);
        try {
          sent = await send(true);
        } catch (e2) {
          throw classify(e2);
        }
      }
      if (opts.streaming) yield* decodeStream(readSse(sent, request.signal, opts.idleTimeoutMs ?? 60_000), createOpenAIChatStreamDecoder());
      else yield* completionEvents(await readBody(sent, request.signal));
    },
  };
}

function completionEvents(text: string): ModelEvent[] {
  const completion = parseBody(text);
  return withWireText(openAIChatCompletionEvents(completion), text, completion);
}

function endpointUrl(baseURL: string): string {
  return `${baseURL.replace(/\/+$/, '')}/chat/completions`;
}

/** Turns decoded SSE data lines (or whole SSE events) into normalized events: the OpenAI streaming path. */
export function chunkEvents(lines: AsyncIterable<string | SseEvent>): AsyncIterable<ModelEvent> {
  return decodeStream(asEvents(lines), createOpenAIChatStreamDecoder());
}

async function* asEvents(lines: AsyncIterable<string | SseEvent>): AsyncIterable<SseEvent> {
  for await (const line of lines) yield typeof line === 'string' ? { data: line } : line;
}
