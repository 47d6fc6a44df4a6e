import { describe, expect, it } from 'vitest';
import type { ModelMessage } from '../protocols/types';
import { toOpenAIMessages } from '../protocols/openai-chat-request';
import { toAnthropicMessages } from '../protocols/anthropic-messages-request';
import { toPromptedMessages } from '../protocols/prompted';
import { fitToBudget } from '../conversation/context-budget';
import { activePath } from '../conversation/tree';
import type { AssistantMessage } from '../conversation/types';
import { echo, setup, text } from './controller-test-kit.testing';

// What each wire format makes of the history after direct tool runs: the command as the user's
// message, the call as the assistant's, its result where that protocol wants results.

/** Two direct runs (one rejected), then a question: the model request that question produces. */
async function historyAfterDirectRuns(): Promise<{ messages: ModelMessage[]; ids: string[] }> {
  const t = setup([text('Noted.')]);
  await t.controller.runTool('echo', { text: '42' }, '/echo {"text":"42"}');
  await t.idle();
  const first = Object.keys(t.turn().calls)[0];
  await t.controller.runTool('danger', { text: 'rm' }, '/danger {"text":"rm"}');
  const second = Object.keys(t.turn().calls)[0];
  t.controller.reject(second);
  await t.idle();
  t.controller.send('What happened?');
  await t.idle();
  return { messages: t.requests[0].messages, ids: [first, second] };
}

describe('history after a direct tool run', () => {
  it('OpenAI chat: an assistant message with tool_calls and null content, then role tool', async () => {
    const { messages, ids } = await historyAfterDirectRuns();
    expect(toOpenAIMessages(messages)).toEqual([
      { role: 'user', content: '/echo {"text":"42"}' },
      { role: 'assistant', content: null, tool_calls: [{ id: ids[0], type: 'function', function: { name: 'echo', arguments: '{"text":"42"}' } }] },
      { role: 'tool', tool_call_id: ids[0], content: '{"echoed":"42"}' },
      { role: 'user', content: '/danger {"text":"rm"}' },
      { role: 'assistant', content: null, tool_calls: [{ id: ids[1], type: 'function', function: { name: 'danger', arguments: '{"text":"rm"}' } }] },
      { role: 'tool', tool_call_id: ids[1], content: 'The user rejected this call and gave no reason. Do not retry it unchanged.' },
      { role: 'user', content: 'What happened?' },
    ]);
  });

  it('Anthropic: tool_use, then one user message opening with the tool_result and merging the next text', async () => {
    const { messages, ids } = await historyAfterDirectRuns();
    expect(toAnthropicMessages(messages)).toEqual([
      { role: 'user', content: [{ type: 'text', text: '/echo {"text":"42"}' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: ids[0], name: 'echo', input: { text: '42' } }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: ids[0], content: '{"echoed":"42"}' },
          { type: 'text', text: '/danger {"text":"rm"}' },
        ],
      },
      { role: 'assistant', content: [{ type: 'tool_use', id: ids[1], name: 'danger', input: { text: 'rm' } }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: ids[1], content: 'The user rejected this call and gave no reason. Do not retry it unchanged.' },
          { type: 'text', text: 'What happened?' },
        ],
      },
    ]);
    // Call ids must fit Anthropic's pattern (and Mistral's nine characters).
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{9}$/);
  });

  it('prompted tools: the call as a <tool_call> block, the result as a <tool_result> block before the next text', async () => {
    const { messages, ids } = await historyAfterDirectRuns();
    const prompted = toPromptedMessages(messages, [{ name: 'echo', description: 'echo', parameters: echo.parameters }]);
    expect(prompted.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(prompted[1]).toEqual({ role: 'user', content: '/echo {"text":"42"}' });
    expect(prompted[2]).toEqual({ role: 'assistant', content: '<tool_call>\n{"name": "echo", "arguments": {"text":"42"}}\n</tool_call>' });
    expect(prompted[3]).toEqual({ role: 'user', content: `<tool_result name="echo" id="${ids[0]}">\n{"echoed":"42"}\n</tool_result>\n\n/danger {"text":"rm"}` });
    expect(prompted[5].content).toMatch(/^<tool_result name="danger"[\s\S]*<\/tool_result>\n\nWhat happened\?$/);
  });
});

describe('context budget with a direct run', () => {
  it('drops the command, its call and its result together, never the call alone', async () => {
    const t = setup([]);
    await t.controller.runTool('echo', { text: 'x'.repeat(2000) }, `/echo {"text":"${'x'.repeat(2000)}"}`);
    await t.idle();
    const path = [...activePath(t.controller.getSnapshot().conversation)];
    path.push({ id: 'q', parentId: path[1].id, role: 'user', text: 'And now?', createdAt: 0 });
    const fit = fitToBudget(path, { contextTokens: 800, reserveTokens: 100 });
    expect(fit.dropped).toBe(2);
    expect(fit.transcript).toEqual([{ role: 'user', content: 'And now?' }]);
    const roomy = fitToBudget(path, { contextTokens: 100_000 });
    expect(roomy.transcript.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'user']);
    expect((path[1] as AssistantMessage).direct).toBe(true);
  });
});
