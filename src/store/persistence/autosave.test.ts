import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../core/conversation/types';
import { emptyConversation } from '../../core/conversation/tree';
import { setup, text } from '../../core/run/controller-test-kit.testing';
import { createAutosave } from './autosave';
import { manualClock } from './manual-clock.testing';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function withMessages(id: string, n: number, updatedAt = n): Conversation {
  const conv = emptyConversation(id, 0);
  const messages = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, parentId: i ? `m${i - 1}` : null, role: 'user' as const, text: `t${i}`, createdAt: i }));
  return { ...conv, messages, updatedAt };
}

function fakeSource(conversation: Conversation, phase = 'idle') {
  let snap = { conversation, run: { phase } };
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => snap,
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(patch: Partial<{ conversation: Conversation; phase: string }>) {
      snap = { conversation: patch.conversation ?? snap.conversation, run: { phase: patch.phase ?? snap.run.phase } };
      for (const l of listeners) l();
    },
  };
}

function harness(phase = 'generating') {
  const source = fakeSource(withMessages('c', 1), phase);
  const { clock, advance } = manualClock();
  const saved: Conversation[] = [];
  const autosave = createAutosave({ source, clock, save: async (c) => void saved.push(c) });
  return { source, advance, saved, autosave };
}

describe('autosave', () => {
  it('saves a streaming conversation at most every 500 ms, and the final state at once when the run ends', async () => {
    const { source, advance, saved } = harness();
    for (let i = 2; i <= 12; i++) {
      source.set({ conversation: withMessages('c', i) });
      await tick();
      advance(100);
      await tick();
    }
    // A change every 100 ms for 1.1 s: saved at 0, 500 and 1000 ms (the state of each moment) only.
    expect(saved.map((c) => c.messages.length)).toEqual([2, 6, 11]);
    source.set({ conversation: withMessages('c', 13), phase: 'idle' });
    await tick();
    expect(saved.at(-1)?.messages.length).toBe(13);
    advance(2000);
    await tick();
    expect(saved).toHaveLength(4);
  });

  it('before the page goes away: saves the run as it stands, not the failure that leaving causes', async () => {
    const { source, advance, saved, autosave } = harness();
    source.set({ conversation: withMessages('c', 2) });
    await tick();
    advance(100);
    source.set({ conversation: withMessages('c', 3) }); // within the interval: not written yet
    await tick();
    autosave.holdForUnload(3000);
    await tick();
    expect(saved.map((c) => c.messages.length)).toEqual([2, 3]);
    // The aborted stream fails the run: a phase change, which would save at once.
    source.set({ conversation: withMessages('c', 4), phase: 'idle' });
    await tick();
    advance(2000);
    await tick();
    expect(saved.map((c) => c.messages.length)).toEqual([2, 3]);
    // Still here after the hold: the navigation did not happen, so the latest state is saved.
    advance(1000);
    await tick();
    expect(saved.map((c) => c.messages.length)).toEqual([2, 3, 4]);
  });

  it('saves at once on a phase change, even inside the interval', async () => {
    const { source, advance, saved } = harness();
    source.set({ conversation: withMessages('c', 2) });
    await tick();
    advance(50);
    source.set({ conversation: withMessages('c', 3), phase: 'awaiting_confirmation' });
    await tick();
    expect(saved.map((c) => c.messages.length)).toEqual([2, 3]);
  });

  it('never writes an unchanged object, an empty conversation, or one marked as just loaded', async () => {
    const { source, saved, autosave } = harness('idle');
    source.set({});
    source.set({ conversation: emptyConversation('new', 0) });
    await tick();
    const loaded = withMessages('from-disk', 4);
    autosave.markSaved(loaded);
    source.set({ conversation: loaded });
    await tick();
    await autosave.flush();
    expect(saved).toEqual([]);
  });

  it('writes one at a time and skips to the newest state while a write is in flight', async () => {
    const source = fakeSource(withMessages('c', 1), 'idle');
    const started: number[] = [];
    let finish: () => void = () => {};
    const autosave = createAutosave({
      source,
      save: (c) => {
        started.push(c.messages.length);
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    for (let i = 2; i <= 5; i++) {
      source.set({ conversation: withMessages('c', i) });
      await tick();
    }
    expect(started).toEqual([2]);
    const done = autosave.flush();
    finish();
    await tick();
    expect(started).toEqual([2, 5]);
    finish();
    await done;
  });

  it('writes nothing while paused, and reports results and errors without stopping', async () => {
    const source = fakeSource(withMessages('c', 1), 'idle');
    const results: string[] = [];
    let fail = true;
    const autosave = createAutosave({
      source,
      save: async (c) => {
        if (fail) throw new Error('disk');
        return `ok ${c.messages.length}`;
      },
      onSaved: (_c, r) => results.push(r),
      onError: (e) => results.push(`error ${(e as Error).message}`),
    });
    autosave.setPaused(true);
    source.set({ conversation: withMessages('c', 2) });
    await autosave.flush();
    expect(results).toEqual([]);
    autosave.setPaused(false);
    await autosave.flush();
    fail = false;
    source.set({ conversation: withMessages('c', 3) });
    await autosave.flush();
    expect(results).toEqual(['error disk', 'ok 3']);
  });

  it('stores what the chat controller streamed, folded in, and the finished turn', async () => {
    const { controller, idle } = setup([text('Hello from the model')]);
    const saved: Conversation[] = [];
    createAutosave({ source: controller, save: async (c) => void saved.push(c) });
    controller.send('Hi');
    await idle();
    await tick();
    const last = saved.at(-1)!;
    expect(last.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    const turn = last.messages[1];
    expect(turn.role === 'assistant' && turn.outcome).toBe('completed');
    expect(turn.role === 'assistant' && turn.rounds[0].parts).toEqual([{ type: 'text', text: 'Hello from the model' }]);
    // The first save happened as the run started, before any answer.
    expect(saved[0].messages).toHaveLength(2);
  });
});
