import type { ToolRegistry } from './registry';
import { errorMessage, serialiseResult, truncateText } from './result-text';
import type { ToolDefinition, ToolEvent, ToolOutcome } from './types';
import { validateArgs } from './validate';

export const DEFAULT_TOOL_TIMEOUT_MS = 30_000;
export const DEFAULT_RESULT_BUDGET = 16_000;
export const CANCELLED_MESSAGE = 'Cancelled by the user';
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ExecuteOptions {
  /** The caller's signal: aborting it settles the call as cancelled at once. */
  signal: AbortSignal;
  /** Defaults to the tool's own timeoutMs, then 30 s. */
  timeoutMs?: number;
  /** Most characters of result text the model gets; defaults to 16 000. */
  resultBudget?: number;
  /** Every event the tool emits, in order, until the call settles; a listener that throws fails the call. */
  onEvent?: (event: ToolEvent) => void;
}

type Settlement =
  | { status: 'succeeded'; value: unknown }
  | { status: 'failed'; message: string; code?: string }
  | { status: 'cancelled' };

/** Runs one tool call to an outcome; never throws, and honours the caller's abort immediately. */
export function executeTool(tool: ToolDefinition, args: unknown, opts: ExecuteOptions): Promise<ToolOutcome> {
  const budget = opts.resultBudget ?? DEFAULT_RESULT_BUDGET;
  if (opts.signal.aborted) return Promise.resolve(toOutcome({ status: 'cancelled' }, budget));

  const timeoutMs = opts.timeoutMs ?? tool.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  const controller = new AbortController();
  let settled = false;
  let iterator: AsyncIterator<ToolEvent> | undefined;

  return new Promise<Settlement>((resolve) => {
    const finish = (settlement: Settlement) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal.removeEventListener('abort', onAbort);
      resolve(settlement);
    };
    // Settle first, then tell the tool: whatever it does on abort can no longer change the outcome.
    const halt = (reason: unknown) => {
      controller.abort(reason);
      if (iterator) close(iterator);
    };
    const onAbort = () => {
      finish({ status: 'cancelled' });
      halt(opts.signal.reason);
    };
    // Timers fire at once past 2^31-1 ms, so a longer (or infinite) timeout means none at all.
    const timer =
      timeoutMs <= MAX_TIMER_MS
        ? setTimeout(() => {
            const message = `Timed out after ${formatDuration(timeoutMs)}`;
            finish({ status: 'failed', message, code: 'timeout' });
            halt(Object.assign(new Error(message), { name: 'TimeoutError' }));
          }, timeoutMs)
        : undefined;
    opts.signal.addEventListener('abort', onAbort, { once: true });

    const emit = (event: ToolEvent) => opts.onEvent?.(event);
    const drive = async (): Promise<Settlement> => {
      const result = tool.run(args, { signal: controller.signal });
      if (!isAsyncIterable(result)) return { status: 'succeeded', value: await result };
      iterator = result[Symbol.asyncIterator]();
      return consume(iterator, emit, () => settled);
    };
    drive().then(finish, (error: unknown) => finish(failure(error)));
  }).then((settlement) => toOutcome(settlement, budget));
}

async function consume(
  iterator: AsyncIterator<ToolEvent>,
  emit: (event: ToolEvent) => void,
  isSettled: () => boolean,
): Promise<Settlement> {
  let content = '';
  let sawContent = false;
  for (;;) {
    const step = await iterator.next();
    if (isSettled()) return { status: 'cancelled' }; // the race is already decided; just stop pulling
    if (step.done) return { status: 'succeeded', value: sawContent ? content : undefined };
    const event = step.value as ToolEvent | null | undefined;
    switch (event?.type) {
      case 'start':
      case 'progress':
        emit(event);
        break;
      case 'content':
        emit(event);
        content += event.text;
        sawContent = true;
        break;
      case 'done':
        emit(event);
        close(iterator);
        return { status: 'succeeded', value: event.result };
      case 'error':
        emit(event);
        close(iterator);
        return { status: 'failed', message: event.message, code: event.code };
      default:
        close(iterator);
        return { status: 'failed', message: `The tool emitted an unknown event: ${describeEvent(event)}`, code: 'bad_event' };
    }
  }
}

/** Checks a call before anyone is asked or anything runs: the tool must exist and the arguments fit its schema. */
export function validateCall(
  registry: ToolRegistry,
  name: string,
  args: unknown,
): { ok: true; tool: ToolDefinition } | { ok: false; error: string } {
  const tool = registry.get(name);
  if (!tool) {
    const names = registry.list().map((t) => t.name);
    const available = names.length > 0 ? `Available tools: ${names.join(', ')}` : 'No tools are available.';
    return { ok: false, error: `Unknown tool "${name}". ${available}` };
  }
  const result = validateArgs(tool.parameters, args);
  if (!result.ok) return { ok: false, error: `Invalid arguments for "${name}": ${result.errors.join('; ')}` };
  return { ok: true, tool };
}

function toOutcome(settlement: Settlement, budget: number): ToolOutcome {
  if (settlement.status === 'succeeded') {
    const serialised = serialiseResult(settlement.value);
    if (!serialised.ok) return failed(serialised.message, 'unserialisable', budget);
    return { status: 'succeeded', value: settlement.value, ...truncateText(serialised.text, budget) };
  }
  if (settlement.status === 'failed') return failed(settlement.message, settlement.code, budget);
  return {
    status: 'cancelled',
    error: { message: CANCELLED_MESSAGE, code: 'cancelled' },
    ...truncateText(`Error: ${CANCELLED_MESSAGE}`, budget),
  };
}

function failed(message: string, code: string | undefined, budget: number): ToolOutcome {
  return {
    status: 'failed',
    error: code === undefined ? { message } : { message, code },
    ...truncateText(`Error: ${message}`, budget),
  };
}

function failure(error: unknown): Settlement {
  const code = (error as { code?: unknown } | null)?.code;
  return { status: 'failed', message: errorMessage(error), code: typeof code === 'string' ? code : undefined };
}

/** Lets a generator run its `finally` blocks; never waits for it, since a stuck one must not hold the call. */
function close(iterator: AsyncIterator<ToolEvent>) {
  try {
    Promise.resolve(iterator.return?.()).catch(() => undefined);
  } catch {
    // A hand-written iterator whose return() throws has nothing more to clean up.
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ToolEvent> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
  );
}

function describeEvent(event: unknown): string {
  try {
    return JSON.stringify(event) ?? String(event);
  } catch {
    return String(event);
  }
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}
