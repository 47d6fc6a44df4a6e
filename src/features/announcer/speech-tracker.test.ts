import { describe, expect, it } from 'vitest';
import type { AssistantMessage, Conversation, Part, ToolCallState, ToolCallStatus, TurnOutcome, UserMessage } from '../../core/conversation/types';
import type { ChatSnapshot } from '../../core/run/chat-controller';
import type { RunPhase } from '../../core/run/machine';
import { SpeechTracker, lastSentenceEnd, type Announcement } from './speech-tracker';

const USER: UserMessage = { id: 'u1', parentId: null, role: 'user', text: 'Hi', createdAt: 0 };

function turn(id: string, rounds: Part[][], calls: ToolCallState[] = [], outcome?: TurnOutcome): AssistantMessage {
  return {
    id,
    parentId: 'u1',
    role: 'assistant',
    createdAt: 0,
    model: 'mock',
    rounds: rounds.map((parts) => ({ parts })),
    calls: Object.fromEntries(calls.map((c) => [c.id, c])),
    ...(outcome ? { outcome } : {}),
  };
}

function call(id: string, name: string, status: ToolCallStatus): ToolCallState {
  return { id, name, round: 0, argsText: '{}', status } as ToolCallState;
}

function snap(phase: RunPhase, assistant?: AssistantMessage, conversationId = 'c1'): ChatSnapshot {
  const conversation: Conversation = {
    id: conversationId,
    title: 'Test',
    messages: assistant ? [USER, assistant] : [USER],
    activeChild: {},
    createdAt: 0,
    updatedAt: 0,
  };
  return { conversation, run: { phase, round: 1, maxRounds: 8, stopAfterRound: false }, turnId: assistant?.id ?? null, log: [] };
}

const text = (t: string): Part => ({ type: 'text', text: t });
const texts = (say: Announcement[]) => say.filter((a) => a.kind === 'text').map((a) => (a.kind === 'text' ? a.text : ''));

/** A tracker that has seen an idle page with the user's message only. */
function idleTracker(intervalMs = 1000) {
  const tracker = new SpeechTracker({ intervalMs });
  tracker.baseline(snap('idle'));
  return tracker;
}

describe('lastSentenceEnd', () => {
  it('finds the end of the last complete sentence', () => {
    expect(lastSentenceEnd('One. Two! Thr')).toBe(10);
    expect(lastSentenceEnd('No end yet')).toBe(0);
  });

  it('does not split a decimal number still streaming', () => {
    expect(lastSentenceEnd('Pi is 3.')).toBe(0);
    expect(lastSentenceEnd('Pi is 3.14')).toBe(0);
  });

  it('ends at CJK full stops and line breaks without a following space', () => {
    expect(lastSentenceEnd('你好。世界')).toBe(3);
    expect(lastSentenceEnd('- item one\n- item')).toBe(11);
  });
});

describe('SpeechTracker text', () => {
  it('says complete sentences only, once each, and nothing per token', () => {
    const tracker = idleTracker();
    expect(tracker.update(snap('generating', turn('a1', [[text('Hel')]])), 0).say).toEqual([]);
    expect(tracker.update(snap('generating', turn('a1', [[text('Hello there. How a')]])), 10).say).toEqual([{ kind: 'text', text: 'Hello there.' }]);
    // Throttled: the next sentence is complete but comes too soon; the caller is told when to come back.
    const held = tracker.update(snap('generating', turn('a1', [[text('Hello there. How are you? I am')]])), 500);
    expect(held).toEqual({ say: [], wakeAt: 1010 });
    expect(texts(tracker.update(snap('generating', turn('a1', [[text('Hello there. How are you? I am')]])), 1010).say)).toEqual(['How are you?']);
    // The same snapshot again says nothing.
    expect(tracker.update(snap('generating', turn('a1', [[text('Hello there. How are you? I am')]])), 5000).say).toEqual([]);
  });

  it('gathers every sentence that arrived during the pause into one announcement', () => {
    const tracker = idleTracker();
    tracker.update(snap('generating', turn('a1', [[text('One. ')]])), 0);
    tracker.update(snap('generating', turn('a1', [[text('One. Two. ')]])), 100);
    tracker.update(snap('generating', turn('a1', [[text('One. Two. Three. Fo')]])), 200);
    expect(texts(tracker.update(snap('generating', turn('a1', [[text('One. Two. Three. Fou')]])), 1000).say)).toEqual(['Two. Three.']);
  });

  it('finishes the last sentence and says the answer is complete when the run ends', () => {
    const tracker = idleTracker();
    tracker.update(snap('generating', turn('a1', [[text('First. Sec')]])), 0);
    const end = tracker.update(snap('idle', turn('a1', [[text('First. Second without a stop')]], [], 'completed')), 100);
    expect(end.say).toEqual([
      { kind: 'text', text: 'Second without a stop' },
      { kind: 'end', outcome: 'completed' },
    ]);
  });

  it('says "stopped" and drops the unfinished sentence when the user stops', () => {
    const tracker = idleTracker();
    tracker.update(snap('generating', turn('a1', [[text('First. Sec')]])), 0);
    expect(tracker.update(snap('idle', turn('a1', [[text('First. Second')]], [], 'stopped')), 100).say).toEqual([{ kind: 'end', outcome: 'stopped' }]);
  });

  it('leaves a failed run to the error alert', () => {
    const tracker = idleTracker();
    tracker.update(snap('generating', turn('a1', [[text('Half')]])), 0);
    expect(tracker.update(snap('idle', turn('a1', [[text('Half')]], [], 'failed')), 100).say).toEqual([]);
  });

  it('says at most maxSpoken characters at once; what piled up beyond is left to the page', () => {
    const tracker = new SpeechTracker({ intervalMs: 1000, maxSpoken: 40 });
    tracker.baseline(snap('idle'));
    const long = 'First one here. Second one here. Third one here. Fourth one here. ';
    expect(texts(tracker.update(snap('generating', turn('a1', [[text(long)]])), 0).say)).toEqual(['First one here. Second one here.']);
    expect(texts(tracker.update(snap('generating', turn('a1', [[text(long + 'Fifth. ')]])), 5000).say)).toEqual(['Fifth.']);
  });

  it('cuts a long stretch without sentence ends at a space', () => {
    const tracker = new SpeechTracker({ intervalMs: 1000, maxChunk: 20 });
    tracker.baseline(snap('idle'));
    const say = tracker.update(snap('generating', turn('a1', [[text('aaaa bbbb cccc dddd eeee ffff')]])), 0).say;
    expect(texts(say)).toEqual(['aaaa bbbb cccc dddd']);
  });

  it('reads text of later rounds and parts after tool calls, without repeating earlier text', () => {
    const tracker = idleTracker(0);
    expect(texts(tracker.update(snap('generating', turn('a1', [[text('Let me check. ')]])), 0).say)).toEqual(['Let me check.']);
    const calc = call('c1', 'calculate', 'succeeded');
    const later = turn('a1', [[text('Let me check. '), { type: 'tool-call', callId: 'c1' }], [text('It is 42. '), text('Anything else? ')]], [calc]);
    const say = tracker.update(snap('generating', later), 10).say;
    expect(texts(say)).toEqual(['It is 42. Anything else?']);
    expect(say).toContainEqual({ kind: 'tool', name: 'calculate', status: 'succeeded' });
    expect(tracker.update(snap('generating', later), 20).say).toEqual([]);
  });

  it('keeps the order things happened in when a call settles and the next round speaks within one frame', () => {
    const tracker = idleTracker(0);
    expect(tracker.update(snap('generating', turn('a1', [[text('Saving')]])), 0).say).toEqual([]);
    const waiting = turn('a1', [[text('Saving it. '), { type: 'tool-call', callId: 'w' }]], [call('w', 'write_file', 'pending_approval')]);
    expect(tracker.update(snap('awaiting_confirmation', waiting), 5).say).toEqual([
      { kind: 'text', text: 'Saving it.' },
      { kind: 'tool', name: 'write_file', status: 'pending_approval' },
    ]);
    const done = turn('a1', [[text('Saving it. '), { type: 'tool-call', callId: 'w' }], [text('Saved.')]], [call('w', 'write_file', 'succeeded')], 'completed');
    expect(tracker.update(snap('idle', done), 10).say).toEqual([
      { kind: 'tool', name: 'write_file', status: 'succeeded' },
      { kind: 'text', text: 'Saved.' },
      { kind: 'end', outcome: 'completed' },
    ]);
  });

  it('does not read what was on screen before: the baseline, an opened conversation, a resumed turn', () => {
    const old = turn('a0', [[text('An old answer. Long done.')]], [], 'completed');
    const tracker = new SpeechTracker({ intervalMs: 0 });
    tracker.baseline(snap('idle', old));
    // Opening another conversation brings a finished turn with it: not news.
    expect(tracker.update(snap('idle', turn('b0', [[text('Other chat. Done.')]], [], 'completed'), 'c2'), 0).say).toEqual([]);
    // Retrying / resuming the same turn: only what it says from now on.
    const resumed = turn('b0', [[text('Other chat. Done.')]]);
    expect(tracker.update(snap('generating', resumed, 'c2'), 10).say).toEqual([]);
    expect(texts(tracker.update(snap('generating', turn('b0', [[text('Other chat. Done.'), text('New words. ')]]), 'c2'), 20).say)).toEqual(['New words.']);
  });

  it('announces a run that began and ended between two snapshots', () => {
    const tracker = idleTracker();
    const say = tracker.update(snap('idle', turn('a1', [[text('Quick answer.')]], [], 'completed')), 0).say;
    expect(say).toEqual([
      { kind: 'text', text: 'Quick answer.' },
      { kind: 'end', outcome: 'completed' },
    ]);
  });
});

describe('SpeechTracker tool calls', () => {
  it('says each announced status change once, with the finished text first', () => {
    const tracker = idleTracker(60_000);
    tracker.update(snap('generating', turn('a1', [[text('Sure. I will calc')]])), 0);
    const parts: Part[] = [text('Sure. I will calculate it'), { type: 'tool-call', callId: 'k' }];
    const waiting = tracker.update(snap('awaiting_confirmation', turn('a1', [parts], [call('k', 'calculate', 'pending_approval')])), 10);
    expect(waiting.say).toEqual([
      { kind: 'text', text: 'I will calculate it' },
      { kind: 'tool', name: 'calculate', status: 'pending_approval' },
    ]);
    expect(tracker.update(snap('awaiting_confirmation', turn('a1', [parts], [call('k', 'calculate', 'pending_approval')])), 20).say).toEqual([]);
    // Running is in the composer's status line already.
    expect(tracker.update(snap('executing_function', turn('a1', [parts], [call('k', 'calculate', 'running')])), 30).say).toEqual([]);
    expect(tracker.update(snap('executing_function', turn('a1', [parts], [call('k', 'calculate', 'failed')])), 40).say).toEqual([
      { kind: 'tool', name: 'calculate', status: 'failed' },
    ]);
  });

  it('ends a directly run tool call with its status, not with "answer complete"', () => {
    const tracker = idleTracker();
    const running = snap('executing_function', turn('d1', [[{ type: 'tool-call', callId: 'k' }]], [call('k', 'calculate', 'running')]));
    running.run.direct = true;
    expect(tracker.update(running, 0).say).toEqual([]);
    const done = snap('idle', turn('d1', [[{ type: 'tool-call', callId: 'k' }]], [call('k', 'calculate', 'succeeded')], 'completed'));
    expect(tracker.update(done, 10).say).toEqual([{ kind: 'tool', name: 'calculate', status: 'succeeded' }]);
  });

  it('says nothing about calls that were already decided before the run', () => {
    const done = turn('a0', [[{ type: 'tool-call', callId: 'k' }]], [call('k', 'write_file', 'pending_approval')]);
    const tracker = new SpeechTracker();
    tracker.baseline(snap('awaiting_confirmation', done));
    expect(tracker.update(snap('awaiting_confirmation', done), 0).say).toEqual([]);
    const approved = turn('a0', [[{ type: 'tool-call', callId: 'k' }]], [call('k', 'write_file', 'succeeded')]);
    expect(tracker.update(snap('executing_function', approved), 10).say).toEqual([{ kind: 'tool', name: 'write_file', status: 'succeeded' }]);
  });
});
