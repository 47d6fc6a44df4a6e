import type { ModelClient, ModelEvent, ModelMessage, ModelRequest, ToolSpec } from './types';
import { ModelError } from './types';
import { createOpenAIChatAssembler, type ChatChunk } from './openai-chat-assembler';
import { readSse } from './read-sse';
import { toModelError } from './openai-errors';

export interface OpenAIChatOptions {
  baseURL: string;
  apiKey: string;
  model: string;
  streaming: boolean;
  /** No bytes for this long while streaming means the stream stalled (the SDK's own timeout stops at headers). */
  idleTimeoutMs?: number;
}

/**
 * An OpenAI-compatible chat-completions endpoint, called through the `openai` SDK (loaded on first
 * use so it stays out of the initial bundle). The SDK sends the request and classifies HTTP errors;
 * the streamed body is decoded by our own SSE decoder and assembler — the same code the replay tool uses.
 */
export function createOpenAIChatClient(opts: OpenAIChatOptions): ModelClient {
  return {
    label: opts.model,
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      const { default: OpenAI } = await import('openai');
      const client = new OpenAI({
        apiKey: opts.apiKey || 'unused',
        baseURL: opts.baseURL,
        dangerouslyAllowBrowser: true,
        maxRetries: 0,
        timeout: 120_000,
        // A keyless local server (Ollama, llama.cpp) gets no Authorization header at all.
        defaultHeaders: opts.apiKey ? undefined : { Authorization: null },
      });
      const body = {
        model: opts.model,
        messages: toOpenAIMessages(request.messages),
        ...(request.tools.length ? { tools: toOpenAITools(request.tools) } : {}),
      };
      if (!opts.streaming) {
        let completion: any;
        try {
          completion = await client.chat.completions.create({ ...body, stream: false } as any, { signal: request.signal });
        } catch (e) {
          throw toModelError(e, opts.apiKey);
        }
        yield* completionEvents(completion);
        return;
      }
      let response: Response;
      try {
        response = await client.chat.completions
          .create({ ...body, stream: true } as any, { signal: request.signal })
          .asResponse();
      } catch (e) {
        throw toModelError(e, opts.apiKey);
      }
      yield* chunkEvents(readSse(response, request.signal, opts.idleTimeoutMs ?? 60_000));
    },
  };
}

/** Turns decoded SSE data lines into normalized events; shared with the replay tool. */
export async function* chunkEvents(lines: AsyncIterable<string>): AsyncIterable<ModelEvent> {
  const assembler = createOpenAIChatAssembler();
  let done = false;
  for await (const data of lines) {
    if (data.trim() === '[DONE]') {
      done = true;
      break;
    }
    let chunk: ChatChunk;
    try {
      chunk = JSON.parse(data);
    } catch {
      throw new ModelError('stream', `The server sent a malformed stream line: ${preview(data)}`);
    }
    yield* assembler.push(chunk);
  }
  if (!assembler.finished && !done) {
    throw new ModelError('stream', 'The connection closed before the answer finished.');
  }
  yield* assembler.end();
}

function* completionEvents(completion: any): Iterable<ModelEvent> {
  const choice = completion?.choices?.[0];
  if (!choice) throw new ModelError('stream', 'The server answered without any choices.');
  const message = choice.message ?? {};
  const assembler = createOpenAIChatAssembler();
  yield* assembler.push({
    choices: [
      {
        delta: {
          content: message.content,
          reasoning_content: message.reasoning_content ?? message.reasoning,
          tool_calls: (message.tool_calls ?? []).map((tc: any, index: number) => ({ index, ...tc })),
          function_call: message.function_call,
        },
        finish_reason: choice.finish_reason ?? 'stop',
      },
    ],
    usage: completion.usage,
  });
  yield* assembler.end();
}

/** Provider-neutral transcript to OpenAI chat messages. */
export function toOpenAIMessages(messages: ModelMessage[]): unknown[] {
  return messages.map((m) => {
    switch (m.role) {
      case 'assistant':
        return {
          role: 'assistant',
          content: m.content || (m.toolCalls?.length ? null : ''),
          ...(m.toolCalls?.length
            ? {
                tool_calls: m.toolCalls.map((c) => ({
                  id: c.id,
                  type: 'function',
                  function: { name: c.name, arguments: c.argsText.trim() === '' ? '{}' : c.argsText },
                })),
              }
            : {}),
        };
      case 'tool':
        return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
      default:
        return { role: m.role, content: m.content };
    }
  });
}

function toOpenAITools(tools: ToolSpec[]): unknown[] {
  return tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
}

function preview(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
