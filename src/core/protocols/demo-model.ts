import type { ModelClient, ModelEvent, ModelRequest } from './types';
import { ModelError } from './types';
import { planDemoRound } from './demo-script';

export const DEMO_LABEL = 'Demo (offline)';

/**
 * The embedded offline demo model: streams scripted answers and tool calls at a realistic pace,
 * so a new user can try everything without a key.
 */
export function createDemoModel(opts: { delayMs?: number } = {}): ModelClient {
  const delayMs = opts.delayMs ?? 30;
  return {
    label: DEMO_LABEL,
    async *stream({ messages, tools, signal }: ModelRequest): AsyncIterable<ModelEvent> {
      const plan = planDemoRound(messages);
      const available = new Set(tools.map((t) => t.name));
      const calls = plan.calls.filter((c) => available.has(c.name));
      for (const piece of pieces(plan.text, 4, 9)) {
        await sleep(delayMs, signal);
        yield { type: 'text-delta', text: piece };
      }
      for (const [index, call] of calls.entries()) {
        const id = `demo_${Date.now().toString(36)}_${index}`;
        yield { type: 'tool-call-start', index, id, name: call.name };
        const argsText = JSON.stringify(call.args);
        for (const piece of pieces(argsText, 3, 7)) {
          await sleep(delayMs, signal);
          yield { type: 'tool-call-delta', index, argsText: piece };
        }
        yield { type: 'tool-call-end', index, id, name: call.name, args: call.args, argsText };
      }
      yield { type: 'finish', reason: calls.length ? 'tool_calls' : 'stop', rawReason: calls.length ? 'tool_calls' : 'stop' };
    },
  };
}

/** Splits text into pseudo-random pieces of min..max characters (deterministic, so tests are stable). */
function pieces(text: string, min: number, max: number): string[] {
  const out: string[] = [];
  let seed = text.length;
  for (let i = 0; i < text.length; ) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const size = min + (seed % (max - min + 1));
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new ModelError('aborted', 'Stopped.'));
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new ModelError('aborted', 'Stopped.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
