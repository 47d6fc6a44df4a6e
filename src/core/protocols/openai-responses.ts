import type { ModelClient, ModelEvent, ModelRequest } from './types';
import { readSse } from './read-sse';
import { decodeStream, withWireText } from './stream-decoder';
import { createOpenAIResponsesStreamDecoder, openAIResponseEvents } from './openai-responses-stream';
import { refusesEncryptedReasoning, toResponsesInput, toResponsesTools } from './openai-responses-request';
import { openAISdk, parseBody, readBody, sendReported } from './openai-sdk';

export interface OpenAIResponsesOptions {
  baseURL: string;
  apiKey: string;
  model: string;
  streaming: boolean;
  idleTimeoutMs?: number;
  timeoutMs?: number;
}

// Endpoints (base URL + model) that refused `include: ["reasoning.encrypted_content"]`.
const noEncryptedReasoning = new Set<string>();

/**
 * An OpenAI Responses API endpoint (`POST /responses`), through the `openai` SDK's request path
 * like the chat client. Requests are stateless (`store: false`): the whole transcript goes every
 * round, reasoning items included as encrypted content so a tool loop keeps the model's reasoning.
 * A model that cannot return encrypted reasoning (400 naming it) is asked again once without, and
 * the endpoint remembered.
 */
export function createOpenAIResponsesClient(opts: OpenAIResponsesOptions): ModelClient {
  const endpoint = `${opts.baseURL}|${opts.model}`;
  return {
    label: opts.model,
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      const { client, classify } = await openAISdk(opts);
      const send = (encrypted: boolean) => {
        const body = {
          model: opts.model,
          input: toResponsesInput(request.messages),
          ...(request.tools.length ? { tools: toResponsesTools(request.tools) } : {}),
          store: false,
          ...(encrypted ? { include: ['reasoning.encrypted_content'] } : {}),
          stream: opts.streaming,
        };
        const url = `${opts.baseURL.replace(/\/+$/, '')}/responses`;
        return sendReported(request, 'openai-responses', url, opts.apiKey, body, () => client.responses.create(body as any, { signal: request.signal }) as never);
      };
      let sent: Response;
      const encrypted = !noEncryptedReasoning.has(endpoint);
      try {
        sent = await send(encrypted);
      } catch (e) {
        const err = classify(e);
        if (!encrypted || !refusesEncryptedReasoning(err.status, err.message)) throw err;
        noEncryptedReasoning.add(endpoint);
        try {
          sent = await send(false);
        } catch (e2) {
          throw classify(e2);
        }
      }
      if (opts.streaming) yield* decodeStream(readSse(sent, request.signal, opts.idleTimeoutMs ?? 60_000), createOpenAIResponsesStreamDecoder());
      else {
        const text = await readBody(sent, request.signal);
        const body = parseBody(text);
        yield* withWireText(openAIResponseEvents(body), text, body);
      }
    },
  };
}
