// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ChatController } from './chat-controller';
import { createToolRegistry } from '../tools/registry';
import { scripted, text, waitFor } from './controller-test-kit.testing';
import type { RunObserver } from './run-observer';

describe('RunObserver', () => {
  it('is told, in order, about the round start, every event, the round end and the transitions', async () => {
    const seen: string[] = [];
    const observer: RunObserver = {
      roundStart: ({ round }) => seen.push(`start ${round}`),
      modelEvent: (_t, _r, e) => seen.push(e.type),
      roundEnd: ({ outcome }) => seen.push(`end ${outcome}`),
      transition: (entry, context) => seen.push(`${entry.event}${context.outcome ? ` ${context.outcome}` : ''}`),
    };
    const model = scripted([text('Hi')]);
    const controller = new ChatController({ model: () => model.client, tools: createToolRegistry([]), observer });
    controller.send('hi');
    await waitFor(controller, (s) => s.run.phase === 'idle' && s.log.length > 1);
    expect(seen).toEqual(['start', 'start 0', 'text-delta', 'finish', 'end ok', 'round-finished completed']);
  });
});
