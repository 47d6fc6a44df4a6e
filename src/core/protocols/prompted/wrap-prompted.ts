import type { FinishReason, ModelClient, ModelEvent, ModelRequest } from '../types';
import { toPromptedMessages } from './prompted-transcript';
import { createToolCallTagParser, type TagParserOptions } from './tag-parser';

// Native calls still arriving from the inner client keep indices clear of the prompted ones.
const NATIVE_INDEX_OFFSET = 1000;

/**
 * Prompted tool calling over any client: the tools are described in the system prompt, the inner
 * client is called without native tools, and `<tool_call>` blocks in its text become tool-call events.
 */
export function wrapPrompted(inner: ModelClient, opts: TagParserOptions = {}): ModelClient {
  return {
    label: inner.label,
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      const parser = createToolCallTagParser(opts);
      const messages = toPromptedMessages(request.messages, request.tools);
      let finished = false;
      for await (const event of inner.stream({ messages, tools: [], signal: request.signal, onWire: request.onWire })) {
        switch (event.type) {
          case 'text-delta':
            yield* parser.push(event.text);
            break;
          case 'finish':
            yield* parser.end();
            finished = true;
            yield { ...event, reason: promptedReason(event.reason, parser.callCount) };
            break;
          case 'tool-call-start':
          case 'tool-call-delta':
          case 'tool-call-end':
            yield { ...event, index: event.index + NATIVE_INDEX_OFFSET };
            break;
          default:
            yield event;
        }
      }
      if (!finished) yield* parser.end();
    },
  };
}

/** A prompted round that produced blocks ends in tool calls, unless the model was cut off. */
function promptedReason(reason: FinishReason, calls: number): FinishReason {
  if (calls === 0) return reason;
  return reason === 'stop' || reason === null ? 'tool_calls' : reason;
}
