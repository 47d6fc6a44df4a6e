import { describe, expect, it } from 'vitest';
import type { ModelClient, ModelEvent, ModelRequest, ToolSpec } from '../types';
import { wrapPrompted } from './wrap-prompted';

const TOOLS: ToolSpec[] = [{ name: 'calculate', description: 'Math.', parameters: { type: 'object' } }];

/** An inner client that streams fixed events and records the request it got. */
function inner(events: ModelEvent[]) {
  const seen: ModelRequest[] = [];
  const client: ModelClient = {
    label: 'plain-model',
    async *stream(req) {
      seen.push(req);
      for (const e of events) yield e;
    },
  };
  return { client, seen };
}

async function collect(client: ModelClient, req: Partial<ModelRequest> = {}): Promise<ModelEvent[]> {
  const out: ModelEvent[] = [];
  const request = { messages: [{ role: 'user' as const, content: 'hi' }], tools: TOOLS, signal: new AbortController().signal, ...req };
  for await (const e of client.stream(request)) out.push(e);
  return out;
}

let n = 0;
const ids = () => `id${n++}`;

describe('wrapPrompted', () => {
  it('calls the inner client without native tools, with the tools in the system prompt', async () => {
    const { client, seen } = inner([{ type: 'finish', reason: 'stop' }]);
    const wrapped = wrapPrompted(client);
    expect(wrapped.label).toBe('plain-model');
    await collect(wrapped);
    expect(seen[0].tools).toEqual([]);
    expect(seen[0].messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('### calculate\nMath.') });
  });

  it('turns blocks split across deltas into tool calls and the finish reason into tool_calls', async () => {
    const { client } = inner([
      { type: 'reasoning-delta', text: 'thinking' },
      { type: 'text-delta', text: 'Let me <tool_' },
      { type: 'text-delta', text: 'call>{"name":"calculate","argu' },
      { type: 'text-delta', text: 'ments":{"expression":"2+2"}}</tool_call' },
      { type: 'text-delta', text: '>' },
      { type: 'finish', reason: 'stop', rawReason: 'stop', usage: { outputTokens: 9 } },
    ]);
    n = 0;
    const events = await collect(wrapPrompted(client, { newId: ids }));
    expect(events.filter((e) => e.type !== 'tool-call-delta')).toEqual([
      { type: 'reasoning-delta', text: 'thinking' },
      { type: 'text-delta', text: 'Let me' },
      { type: 'tool-call-start', index: 0, id: 'id0', name: 'calculate' },
      { type: 'tool-call-end', index: 0, id: 'id0', name: 'calculate', args: { expression: '2+2' }, argsText: '{"expression":"2+2"}' },
      { type: 'finish', reason: 'tool_calls', rawReason: 'stop', usage: { outputTokens: 9 } },
    ]);
  });

  it('keeps stop without blocks, keeps length for a block cut off by the token limit', async () => {
    expect((await collect(wrapPrompted(inner([{ type: 'text-delta', text: 'a < b' }, { type: 'finish', reason: 'stop' }]).client))).at(-1)).toEqual({
      type: 'finish',
      reason: 'stop',
    });
    const cut = await collect(
      wrapPrompted(inner([{ type: 'text-delta', text: '<tool_call>{"name":"calculate","arguments":{"ex' }, { type: 'finish', reason: 'length' }]).client),
    );
    expect(cut.at(-2)).toMatchObject({ type: 'tool-call-end', parseError: expect.stringMatching(/cut off/) });
    expect(cut.at(-1)).toEqual({ type: 'finish', reason: 'length' });
  });

  it('flushes an unclosed block when the inner stream ends without a finish event', async () => {
    const events = await collect(wrapPrompted(inner([{ type: 'text-delta', text: '<tool_call>{"name":"calculate"}' }]).client));
    expect(events.at(-1)).toMatchObject({ type: 'tool-call-end', name: 'calculate', args: {} });
  });

  it('keeps native calls from the inner client apart from prompted ones', async () => {
    const events = await collect(
      wrapPrompted(
        inner([
          { type: 'tool-call-start', index: 0, id: 'n', name: 'calculate' },
          { type: 'text-delta', text: '<tool_call>{"name":"calculate"}</tool_call>' },
          { type: 'finish', reason: 'tool_calls' },
        ]).client,
      ),
    );
    const starts = events.filter((e) => e.type === 'tool-call-start').map((e) => e.type === 'tool-call-start' && e.index);
    expect(new Set(starts).size).toBe(2);
  });
});

describe('wrapPrompted in the agent loop', () => {
  it('runs a prompted call, sends its result as <tool_result>, and shows a malformed block as an error the model sees', async () => {
    const { ChatController } = await import('../../run/chat-controller');
    const { createToolRegistry } = await import('../../tools/registry');
    const rounds = [
      'I will add. <tool_call>{"name": "add", "arguments": {"a": 2, "b": 3}}</tool_call><tool_call>{"name": "add", "arguments": {a: 1}}</tool_call>',
      'The sum is 5.',
    ];
    const seen: ModelRequest[] = [];
    const plain: ModelClient = {
      label: 'plain',
      async *stream(req) {
        seen.push(req);
        const text = rounds.shift() ?? '';
        for (let i = 0; i < text.length; i += 7) yield { type: 'text-delta', text: text.slice(i, i + 7) };
        yield { type: 'finish', reason: 'stop' };
      },
    };
    const tools = createToolRegistry([
      {
        name: 'add',
        description: 'Adds two numbers.',
        policy: 'auto',
        parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
        run: (args: { a: number; b: number }) => ({ sum: args.a + args.b }),
      },
    ]);
    const controller = new ChatController({ model: () => wrapPrompted(plain), tools });
    controller.send('2+3?');
    await new Promise<void>((resolve) => {
      const check = () => {
        const s = controller.getSnapshot();
        if (s.run.phase === 'idle' && seen.length === 2) resolve();
      };
      controller.subscribe(check);
      check();
    });
    const second = seen[1].messages;
    expect(seen[1].tools).toEqual([]);
    expect(second.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    const results = second[3].content;
    expect(results).toMatch(/^<tool_result name="add" id="[^"]+">\n\{"sum":5\}\n<\/tool_result>/);
    expect(results).toContain('Error: The <tool_call> block is not valid JSON');
    const turn = controller.getSnapshot().conversation.messages.at(-1);
    expect(turn?.role === 'assistant' && Object.values(turn.calls).map((c) => c.status)).toEqual(['succeeded', 'invalid']);
  });
});
