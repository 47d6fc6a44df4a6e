import { describe, expect, it } from 'vitest';
import { ChatController } from './chat-controller';
import { createToolRegistry } from '../tools/registry';
import { activePath } from '../conversation/tree';
import type { AssistantMessage } from '../conversation/types';
import { scripted, text, waitFor } from './controller-test-kit.testing';

describe('ChatController with a context budget', () => {
  it('leaves the oldest turns out of the request and records where the model’s view begins', async () => {
    const long = 'lorem ipsum dolor sit amet '.repeat(200); // ~1,350 tokens each way
    const model = scripted([text(long), text(long), text(long), text('short')]);
    const controller = new ChatController({ model: () => model.client, tools: createToolRegistry([]), contextTokens: () => 4_096 });
    for (const q of ['one', 'two', 'three', 'four']) {
      controller.send(`${q} ${long}`);
      await waitFor(controller, (s) => s.run.phase === 'idle');
    }
    const last = model.requests[3].messages;
    expect(last[0]).toMatchObject({ role: 'user' });
    expect(last.at(-1)).toEqual({ role: 'user', content: `four ${long}` });
    expect(last.length).toBeLessThan(7);
    const path = activePath(controller.getSnapshot().conversation);
    const turn = path.at(-1) as AssistantMessage;
    const firstSent = path.find((m) => m.role === 'user' && last[0].content === m.text)!;
    expect(turn.contextStartId).toBe(firstSent.id);
    expect((path[1] as AssistantMessage).contextStartId).toBeUndefined();
  });
});

describe('per-conversation instructions', () => {
  it('go to the model as the system prompt, ahead of the app-wide one, and only between runs', async () => {
    const model = scripted([text('oui'), text('ok')]);
    const controller = new ChatController({ model: () => model.client, tools: createToolRegistry([]), systemPrompt: () => 'app default' });
    expect(controller.setSystemPrompt('Answer in French.')).toBe(true);
    controller.send('hello');
    expect(controller.setSystemPrompt('changed mid-run')).toBe(false);
    await waitFor(controller, (s) => s.run.phase === 'idle');
    expect(model.requests[0].messages[0]).toEqual({ role: 'system', content: 'Answer in French.' });
    controller.setSystemPrompt('   ');
    controller.send('again');
    await waitFor(controller, (s) => s.run.phase === 'idle');
    expect(model.requests[1].messages[0]).toEqual({ role: 'system', content: 'app default' });
    expect(controller.getSnapshot().conversation.systemPrompt).toBeUndefined();
  });
});
