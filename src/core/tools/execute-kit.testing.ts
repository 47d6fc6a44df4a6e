import { executeTool } from './execute';
import type { ToolDefinition } from './types';

// Shared by the executor's tests.
export const makeTool = (run: ToolDefinition['run'], extra: Partial<ToolDefinition> = {}): ToolDefinition => ({
  name: 'test_tool',
  description: 'A tool under test',
  parameters: { type: 'object' },
  policy: 'auto',
  run,
  ...extra,
});

export const never = () => new Promise<never>(() => undefined);

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const run = (tool: ToolDefinition, opts: Partial<Parameters<typeof executeTool>[2]> = {}) =>
  executeTool(tool, {}, { signal: new AbortController().signal, ...opts });

