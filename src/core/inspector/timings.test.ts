import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../conversation/token-estimate';
import { roundTimings, runTimings } from './timings';
import type { RecordedRound, RecordedRun } from './types';

function round(patch: Partial<RecordedRound>): RecordedRound {
  return { index: 0, model: 'm', startedAt: 1_000, request: { messages: [], tools: [] }, exchanges: [], events: [], droppedEvents: 0, outputText: '', order: { start: 0 }, ...patch };
}

describe('inspector timings', () => {
  it('uses the provider usage when it came: time to first token and tokens per second over the streaming time', () => {
    const t = roundTimings(round({ firstTokenAt: 1_250, endedAt: 3_250, usage: { inputTokens: 12, outputTokens: 100 }, outputText: 'x' }), 9_999);
    expect(t).toEqual({ index: 0, ttftMs: 250, durationMs: 2_250, inputTokens: 12, outputTokens: 100, estimated: false, tokensPerSecond: 50 });
  });

  it('estimates output tokens from the text when no usage came, and says so', () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    const t = roundTimings(round({ firstTokenAt: 1_100, endedAt: 2_100, outputText: text }), 0);
    expect(t.estimated).toBe(true);
    expect(t.outputTokens).toBe(estimateTokens(text));
    expect(t.tokensPerSecond).toBeCloseTo(estimateTokens(text));
  });

  it('measures a whole answer that arrived at once from the request, and a running round up to now', () => {
    expect(roundTimings(round({ firstTokenAt: 1_995, endedAt: 2_000, usage: { outputTokens: 10 } }), 0).tokensPerSecond).toBe(10);
    const running = roundTimings(round({ firstTokenAt: 1_500 }), 1_800);
    expect(running).toMatchObject({ durationMs: 800, ttftMs: 500, outputTokens: undefined, estimated: false, tokensPerSecond: undefined });
  });

  it('sums a run: first round TTFT, usage totals, generation time without tool time, tool durations', () => {
    const run: RecordedRun = {
      id: 'run-1',
      seq: 1,
      turnId: 't',
      startedAt: 1_000,
      endedAt: 6_000,
      transitions: [],
      droppedTransitions: 0,
      rounds: [
        round({ firstTokenAt: 1_200, endedAt: 2_200, usage: { inputTokens: 10, outputTokens: 20 } }),
        round({ index: 1, startedAt: 4_000, firstTokenAt: 4_100, endedAt: 5_100, usage: { inputTokens: 30, outputTokens: 40 } }),
      ],
      calls: [
        { callId: 'c1', name: 'slow', startedAt: 2_300, endedAt: 3_900, status: 'succeeded' },
        { callId: 'c2', name: 'pending', startedAt: 3_000, status: 'running' },
      ],
    };
    const t = runTimings(run, 0);
    expect(t).toMatchObject({ ttftMs: 200, durationMs: 5_000, inputTokens: 40, outputTokens: 60, estimated: false, tokensPerSecond: 30 });
    expect(t.tools).toEqual([
      { callId: 'c1', name: 'slow', status: 'succeeded', durationMs: 1_600 },
      { callId: 'c2', name: 'pending', status: 'running', durationMs: undefined },
    ]);
  });
});
