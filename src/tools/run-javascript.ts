import type { ToolDefinition } from '../core/tools/types';
import { runInSandbox, type SandboxRunner } from './sandbox';

export const DEFAULT_JS_TIMEOUT_MS = 5_000;
const MAX_JS_TIMEOUT_MS = 30_000;

/** run_javascript: model-written code in an isolated worker, with logs and a value back. */
export function createRunJavaScriptTool(runner: SandboxRunner = runInSandbox): ToolDefinition {
  return {
    name: 'run_javascript',
    description:
      "Runs JavaScript in an isolated sandbox (a Web Worker in the user's browser) and returns {logs, value, error?}. " +
      'Use it for computation, data processing, parsing and checking code. The sandbox has no network (fetch, ' +
      'XMLHttpRequest and WebSocket throw), no DOM, no storage and no access to this app; each run starts fresh. ' +
      'console.log/info/warn/error output is returned in logs. value is the value of the last expression statement; ' +
      'if the code uses top-level await it runs as an async function body, so end it with `return result;`. Values are ' +
      'converted to JSON (Map, Set, Date, BigInt and functions in readable form). Unresolved timers are dropped when ' +
      'the code finishes. The user approves each run.',
    parameters: {
      type: 'object',
      properties: {
        code: { type: 'string', minLength: 1, maxLength: 100_000, description: 'The JavaScript source to run.' },
        timeoutMs: {
          type: 'integer',
          minimum: 100,
          maximum: MAX_JS_TIMEOUT_MS,
          description: `Time limit in milliseconds (default ${DEFAULT_JS_TIMEOUT_MS}, at most ${MAX_JS_TIMEOUT_MS}).`,
        },
      },
      required: ['code'],
      additionalProperties: false,
    },
    policy: 'ask',
    // Above the largest sandbox limit, so the sandbox's own "Timed out" result (with its logs) wins.
    timeoutMs: MAX_JS_TIMEOUT_MS + 5_000,
    run(args: { code: string; timeoutMs?: number }, { signal }) {
      return runner(args.code, { timeoutMs: args.timeoutMs ?? DEFAULT_JS_TIMEOUT_MS, signal });
    },
  };
}
