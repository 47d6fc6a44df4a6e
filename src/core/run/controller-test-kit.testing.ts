import { ChatController } from './chat-controller';
import { createToolRegistry } from '../tools/registry';
import type { ToolDefinition } from '../tools/types';
import type { ModelClient, ModelEvent, ModelRequest } from '../protocols/types';
import { ModelError } from '../protocols/types';
import type { AssistantMessage } from '../conversation/types';
import { activePath } from '../conversation/tree';

// Shared by the controller's tests: scripted models, sample tools and waiting helpers.
export type Step = ModelEvent[] | ((req: ModelRequest) => ModelEvent[]) | Error;

/** A model that plays one scripted round per request and records what it was sent. */
export function scripted(steps: Step[]) {
  const requests: ModelRequest[] = [];
  const client: ModelClient = {
    label: 'scripted',
    async *stream(req) {
      requests.push(structuredClone({ messages: req.messages, tools: req.tools }) as ModelRequest);
      const step = steps.shift();
      if (!step) throw new Error('no more scripted rounds');
      const events = step instanceof Error ? [] : typeof step === 'function' ? step(req) : step;
      for (const e of events) {
        await Promise.resolve();
        if (req.signal.aborted) throw new ModelError('aborted', 'Stopped.');
        yield e;
      }
      if (step instanceof Error) throw step;
    },
  };
  return { client, requests };
}

export const text = (t: string, reason: 'stop' | 'length' = 'stop'): ModelEvent[] => [
  { type: 'text-delta', text: t },
  { type: 'finish', reason },
];

export function call(name: string, args: unknown, id = `call_${name}`, index = 0): ModelEvent[] {
  const argsText = JSON.stringify(args);
  return [
    { type: 'tool-call-start', index, id, name },
    { type: 'tool-call-delta', index, argsText },
    { type: 'tool-call-end', index, id, name, args, argsText },
  ];
}
export const calls = (...events: ModelEvent[][]): ModelEvent[] => [...events.flat(), { type: 'finish', reason: 'tool_calls' }];

export const echo: ToolDefinition = {
  name: 'echo',
  description: 'echo',
  policy: 'auto',
  parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false },
  run: (args: { text: string }) => ({ echoed: args.text }),
};
export const danger: ToolDefinition = { ...echo, name: 'danger', policy: 'ask', run: (a: { text: string }) => `did ${a.text}` };
export const slow: ToolDefinition = {
  ...echo,
  name: 'slow',
  run: (_a: unknown, { signal }: { signal: AbortSignal }) =>
    new Promise((resolve) => {
      const t = setTimeout(() => resolve('slow done'), 200);
      signal.addEventListener('abort', () => clearTimeout(t));
    }),
};
export const boom: ToolDefinition = { ...echo, name: 'boom', run: () => { throw new Error('kaboom'); } };

export function setup(steps: Step[], tools: ToolDefinition[] = [echo, danger, slow, boom], maxRounds?: number) {
  const model = scripted(steps);
  const controller = new ChatController({ model: () => model.client, tools: createToolRegistry(tools), maxRounds });
  const idle = () => waitFor(controller, (s) => s.run.phase === 'idle');
  const turn = () => activePath(controller.getSnapshot().conversation).at(-1) as AssistantMessage;
  const callOf = (id: string) => turn().calls[id];
  return { controller, requests: model.requests, idle, turn, callOf };
}

export function waitFor(controller: ChatController, pred: (s: ReturnType<ChatController['getSnapshot']>) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; phase ${controller.getSnapshot().run.phase}`)), 2000);
    const check = () => {
      if (pred(controller.getSnapshot())) {
        clearTimeout(timer);
        unsub();
        resolve();
      }
    };
    const unsub = controller.subscribe(check);
    check();
  });
}

export const toolMessages = (req: ModelRequest) => req.messages.filter((m) => m.role === 'tool');

