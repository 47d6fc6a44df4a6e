import type { ModelClient, ModelEvent, ModelRequest } from '../types';
import { ModelError } from '../types';

// What servers say when they refuse the `tools` parameter: Ollama "does not support tools",
// vLLM "auto" tool choice requires --enable-auto-tool-choice, llama.cpp "tools param requires --jinja",
// OpenRouter "No endpoints found that support tool use", others "function calling is not supported".
const TOOLS_REFUSED = /\btools\b|tool[ _-]?choice|tool[ _-]?use|function[ _-]?call/i;
const REFUSAL_STATUSES = new Set([400, 404, 422]);

/** True for an error that says the endpoint refuses native tool calling (so prompted mode may work). */
export function isToolsUnsupportedError(e: unknown): boolean {
  if (!(e instanceof ModelError) || e.status === undefined || !REFUSAL_STATUSES.has(e.status)) return false;
  return TOOLS_REFUSED.test(e.message);
}

/** Endpoints (base URL + model) known to refuse native tools; kept for the page's lifetime. */
export type ToolSupportMemory = Set<string>;

const sharedMemory: ToolSupportMemory = new Set();

export interface ToolFallbackOptions {
  /** Identifies the endpoint, e.g. `${baseURL} ${model}`. */
  key: string;
  memory?: ToolSupportMemory;
}

/**
 * "Auto" tool mode: native tool calling first; when the endpoint rejects the tools with a 400-style
 * error before anything streamed, remember that for this endpoint and retry the round prompted.
 */
export function withToolFallback(native: ModelClient, prompted: ModelClient, opts: ToolFallbackOptions): ModelClient {
  const memory = opts.memory ?? sharedMemory;
  return {
    label: native.label,
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      if (memory.has(opts.key)) {
        yield* prompted.stream(request);
        return;
      }
      if (!request.tools.length) {
        yield* native.stream(request);
        return;
      }
      let yielded = false;
      try {
        for await (const event of native.stream(request)) {
          // A raw event is only a copy for the inspector; the round has not started for the user.
          if (event.type !== 'raw') yielded = true;
          yield event;
        }
        return;
      } catch (e) {
        if (yielded || request.signal.aborted || !isToolsUnsupportedError(e)) throw e;
        memory.add(opts.key);
      }
      yield* prompted.stream(request);
    },
  };
}
