import type { ToolDefinition, ToolEvent } from '../core/tools/types';

interface ProcessItemsArgs {
  count?: number;
  delayMs?: number;
  label?: string;
}

const MAX_COUNT = 500;
const MAX_DELAY_MS = 2000;

/** Resolves true after `ms`, or false as soon as the signal aborts (the timer is cleared). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** process_items: a long-running batch job that reports progress per item and stops when aborted. */
export function createProcessItemsTool(): ToolDefinition {
  return {
    name: 'process_items',
    description:
      'Runs a simulated long batch job that works through a number of items one after another, reporting progress as ' +
      'it goes, and returns a summary. Use it when the user wants to see or test a long-running task; it does no real ' +
      `work. Takes about count × delayMs milliseconds (up to ${MAX_COUNT} items of up to ${MAX_DELAY_MS} ms each). ` +
      'The user can stop it at any time.',
    parameters: {
      type: 'object',
      properties: {
        count: { type: 'integer', minimum: 1, maximum: MAX_COUNT, description: 'Number of items to process (default 20).' },
        delayMs: {
          type: 'integer',
          minimum: 10,
          maximum: MAX_DELAY_MS,
          description: 'Time spent on each item in milliseconds (default 250).',
        },
        label: { type: 'string', maxLength: 100, description: 'Optional name of the job, shown in the summary.' },
      },
      additionalProperties: false,
    },
    policy: 'auto',
    // The longest allowed job (500 items × 2 s) must not be cut off by the executor's default deadline.
    timeoutMs: MAX_COUNT * MAX_DELAY_MS + 60_000,
    run(args: ProcessItemsArgs, { signal }) {
      return processItems(args, signal);
    },
  };
}

async function* processItems(args: ProcessItemsArgs, signal: AbortSignal): AsyncGenerator<ToolEvent> {
  const total = args.count ?? 20;
  const delayMs = args.delayMs ?? 250;
  const label = args.label?.trim() || undefined;
  if (signal.aborted) return;
  const started = Date.now();
  yield { type: 'start', total, message: `${label ?? 'Processing'}: ${total} items` };
  for (let current = 1; current <= total; current++) {
    if (!(await sleep(delayMs, signal))) return;
    yield {
      type: 'progress',
      current,
      total,
      percentage: Math.round((current / total) * 100),
      message: `Processing item ${current} of ${total}`,
    };
  }
  yield {
    type: 'done',
    result: {
      ...(label ? { label } : {}),
      processed: total,
      elapsedMs: Date.now() - started,
      summary: `Processed ${total} item${total === 1 ? '' : 's'}${label ? ` for ${label}` : ''}.`,
    },
  };
}
