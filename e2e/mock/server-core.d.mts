// Types for server-core.mjs, so TypeScript tests can import it.

export interface MockServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:8787 (the OpenAI base URL adds /v1). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface MockToolCall {
  id?: string;
  name: string;
  arguments: string | Record<string, unknown>;
}

export type MockFault =
  | { type: 'http'; status: number; message?: string; code?: string; retryAfter?: number }
  | { type: 'drop'; afterChunks: number }
  | { type: 'malformed'; afterChunks: number }
  | { type: 'stall'; afterChunks: number; ms?: number }
  | { type: 'error-event'; afterChunks: number; message: string };

export interface MockScript {
  text?: string;
  reasoning?: string;
  toolCalls?: MockToolCall[];
  /**
   * Write the calls as `<tool_call>` blocks in the text (finish: stop). Unset: automatic when the
   * request sends no `tools` and its system prompt mentions `<tool_call>`.
   */
  promptedTools?: boolean;
  /** Anthropic answers map these to end_turn / tool_use / max_tokens. */
  finishReason?: 'stop' | 'tool_calls' | 'length';
  chunkSize?: number;
  delayMs?: number;
  interleaveToolCalls?: boolean;
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
  fault?: MockFault;
}

export interface MockRequestRecord {
  id: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  startedAt: number;
  endedAt: number | null;
  closedEarly: boolean;
  completed: boolean;
  dropped: boolean;
  source: string | null;
}

export function startMockServer(options?: { port?: number; host?: string }): Promise<MockServer>;
