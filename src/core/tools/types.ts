/** The tool contract (DESIGN.md "Tools"). */
export type ToolPolicy = 'auto' | 'ask';

export interface ToolProgress {
  current?: number;
  total?: number;
  percentage?: number;
  message?: string;
}

export type ToolEvent =
  | { type: 'start'; message?: string; total?: number }
  | ({ type: 'progress' } & ToolProgress)
  | { type: 'content'; text: string }
  | { type: 'done'; result: unknown }
  | { type: 'error'; message: string; code?: string };

export interface ToolContext {
  signal: AbortSignal;
}

export type ToolRunResult = unknown | Promise<unknown> | AsyncIterable<ToolEvent>;

export interface ToolDefinition {
  name: string;
  /** A human-readable name (an MCP tool's `title`), shown on its cards instead of `name`. */
  title?: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
  policy: ToolPolicy;
  /** Per-tool timeout; the executor's default (30 s) applies when absent. */
  timeoutMs?: number;
  run(args: any, ctx: ToolContext): ToolRunResult;
}

/** What running a tool came to; `text` is what the model sees next round. */
export interface ToolOutcome {
  status: 'succeeded' | 'failed' | 'cancelled';
  /** The tool's value (succeeded) — kept for the card. */
  value?: unknown;
  error?: { message: string; code?: string };
  /** Serialized result for the model, truncated to the budget with a marker. */
  text: string;
  truncated: boolean;
}
