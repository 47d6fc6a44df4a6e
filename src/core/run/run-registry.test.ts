import { describe, expect, it } from 'vitest';
import { ChatController } from './chat-controller';
import { createToolRegistry } from '../tools/registry';
import { emptyConversation } from '../conversation/tree';
import type { ModelClient } from '../protocols/types';
import { ModelError } from '../protocols/types';
import { activePath } from '../conversation/tree';
import type { AssistantMessage } from '../conversation/types';
import { call, calls, danger, echo, text, waitFor, type Step } from './controller-test-kit.testing';
import { createRunRegistry, liveStateOf } from './run-registry';

/** A model that plays the step, then (for `hold`) streams nothing more until its signal aborts. */
function model(steps: Step[], hold = false): ModelClient {
  return {
    label: 'scripted',
    async *stream(req) {
      const step = steps.shift();
      const events = !step || step instanceof Error ? [] : typeof step === 'function' ? step(req) : step;
      for (const e of events) {
        await Promise.resolve();
        yield e;
      }
      if (step instanceof Error) throw step;
      if (hold)
        await new Promise((_, reject) => {
          if (req.signal.aborted) reject(new ModelError('aborted', 'Stopped.'));
          req.signal.addEventListener('abort', () => reject(new ModelError('aborted', 'Stopped.')));
        });
    },
  };
}

/** A registry whose n-th created controller plays scripts[n]. */
function rig(scripts: { steps: Step[]; hold?: boolean }[], maxRuns = 4) {
  let n = 0;
  const closed: string[] = [];
  let limit = maxRuns;
  const registry = createRunRegistry({
    create: () => {
      const script = scripts[n++] ?? { steps: [] };
      return new ChatController({ model: () => model(script.steps, script.hold), tools: createToolRegistry([echo, danger]) });
    },
    maxRuns: () => limit,
    onClose: (id) => closed.push(id),
  });
  const open = (id: string) => registry.open(emptyConversation(id, 0));
  return { registry, open, closed, setLimit: (value: number) => (limit = value) };
}

const lastTurn = (c: ChatController) => activePath(c.getSnapshot().conversation).at(-1) as AssistantMessage;

describe('run registry', () => {
  it('keeps one controller per conversation: opening again returns the same one, run and all', async () => {
    const { registry, open } = rig([{ steps: [text('partial')], hold: true }]);
    const a = open('a');
    a.send('Hi');
    await waitFor(a, (s) => s.run.phase === 'generating');
    expect(open('a')).toBe(a);
    expect(registry.get('a')).toBe(a);
    expect(registry.running()).toEqual(['a']);
    expect(registry.release('a')).toBe(false); // a running conversation is never dropped
    a.stop();
    expect(registry.release('a')).toBe(true);
    expect(registry.get('a')).toBeUndefined();
  });

  it('admits up to the limit; the next one is refused with a code, and admitted again when a slot frees', async () => {
    const { registry, open, setLimit } = rig([0, 1, 2, 3, 4].map(() => ({ steps: [text('x')], hold: true })));
    const running = ['a', 'b', 'c', 'd'].map((id) => {
      expect(registry.admit(id)).toBeNull();
      const c = open(id);
      c.send('go');
      return c;
    });
    await Promise.all(running.map((c) => waitFor(c, (s) => s.run.phase === 'generating')));
    expect(registry.admit('e')).toEqual({ code: 'run-limit', limit: 4 });
    expect(registry.admit('a')).toBeNull(); // a running one is not counted against itself
    setLimit(5);
    expect(registry.admit('e')).toBeNull();
    setLimit(4);
    registry.stop('b');
    expect(registry.admit('e')).toBeNull();
    expect(registry.running()).toEqual(['a', 'c', 'd']);
  });

  it('stop in one conversation stops only that one', async () => {
    const { registry, open } = rig([
      { steps: [text('A streams')], hold: true },
      { steps: [text('B streams')], hold: true },
    ]);
    const a = open('a');
    const b = open('b');
    a.send('one');
    b.send('two');
    await waitFor(a, (s) => s.run.phase === 'generating');
    await waitFor(b, (s) => s.run.phase === 'generating');
    registry.stop('b');
    expect(b.getSnapshot().run.phase).toBe('idle');
    expect(lastTurn(b).outcome).toBe('stopped');
    expect(a.getSnapshot().run.phase).toBe('generating');
    expect(lastTurn(a).outcome).toBeUndefined();
  });

  it('deleting a running conversation stops it first, then forgets it; the others run on', async () => {
    const { registry, open, closed } = rig([
      { steps: [text('A')], hold: true },
      { steps: [text('B')], hold: true },
    ]);
    const a = open('a');
    const b = open('b');
    a.send('one');
    b.send('two');
    await waitFor(b, (s) => s.run.phase === 'generating');
    expect(registry.remove('a')).toBe(true);
    expect(a.getSnapshot().run.phase).toBe('idle');
    expect(closed).toEqual(['a']);
    expect(registry.ids()).toEqual(['b']);
    expect(registry.isRunning('b')).toBe(true);
    expect(registry.remove('missing')).toBe(false);
  });

  it('approving in one conversation never touches a call waiting in another', async () => {
    const { open } = rig([
      { steps: [calls(call('danger', { text: 'a' }, 'same-id')), text('A done')] },
      { steps: [calls(call('danger', { text: 'b' }, 'same-id')), text('B done')] },
    ]);
    const a = open('a');
    const b = open('b');
    a.send('one');
    b.send('two');
    await waitFor(a, (s) => s.run.phase === 'awaiting_confirmation');
    await waitFor(b, (s) => s.run.phase === 'awaiting_confirmation');
    expect(liveStateOf(a.getSnapshot())).toEqual({ kind: 'approval', count: 1 });
    a.approve('same-id');
    await waitFor(a, (s) => s.run.phase === 'idle');
    expect(lastTurn(a).calls['same-id'].status).toBe('succeeded');
    expect(b.getSnapshot().run.phase).toBe('awaiting_confirmation');
    expect(lastTurn(b).calls['same-id'].status).toBe('pending_approval');
    b.reject('same-id');
    await waitFor(b, (s) => s.run.phase === 'idle');
    expect(lastTurn(a).calls['same-id'].status).toBe('succeeded');
  });
});

describe('live state', () => {
  it('names streaming, the running tool, approvals, failures and cut-off answers', async () => {
    const { open } = rig([
      { steps: [text('streaming')], hold: true },
      { steps: [calls(call('danger', { text: 'x' }, 'd1'), call('danger', { text: 'y' }, 'd2', 1))] },
      { steps: [new Error('boom')] },
      { steps: [text('half an answer', 'length')] },
    ]);
    const streaming = open('s');
    streaming.send('go');
    await waitFor(streaming, (s) => s.run.phase === 'generating');
    expect(liveStateOf(streaming.getSnapshot())).toEqual({ kind: 'streaming' });

    const waiting = open('w');
    waiting.send('go');
    await waitFor(waiting, (s) => s.run.phase === 'awaiting_confirmation');
    expect(liveStateOf(waiting.getSnapshot())).toEqual({ kind: 'approval', count: 2 });

    const failing = open('f');
    failing.send('go');
    await waitFor(failing, (s) => s.run.phase === 'idle' && s.run.outcome !== undefined);
    expect(liveStateOf(failing.getSnapshot()).kind).toBe('failed');

    const cut = open('c');
    cut.send('go');
    await waitFor(cut, (s) => s.run.phase === 'idle' && s.run.outcome !== undefined);
    expect(liveStateOf(cut.getSnapshot())).toEqual({ kind: 'cut-off' });
    expect(liveStateOf(open('fresh').getSnapshot())).toEqual({ kind: 'idle' });
  });
});
