import { estimateTokens } from '../conversation/token-estimate';
import type { RecordedRound, RecordedRun } from './types';

/** What a round and a whole run both report. */
interface Timings {
  /** From the start (retries included) to the first text, reasoning or tool call. */
  ttftMs?: number;
  durationMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** The output count is (partly) our estimate from the text: the provider sent no usage. */
  estimated: boolean;
  tokensPerSecond?: number;
}

export interface RoundTimings extends Timings {
  /** 0-based round index within the turn. */
  index: number;
}

export interface ToolTiming {
  callId: string;
  name: string;
  status: string;
  durationMs?: number;
}

/** A run's timings: time to first token is the first round's (what the user waited for); tokens per second exclude tool time. */
export interface RunTimings extends Timings {
  rounds: RoundTimings[];
  tools: ToolTiming[];
}

// Below this a rate is noise (a whole answer in one chunk): measure from the request instead.
const MIN_STREAM_MS = 20;

/** Timings and usage of one round; `now` stands in for the end of a round still streaming. */
export function roundTimings(round: RecordedRound, now: number): RoundTimings {
  const end = round.endedAt ?? now;
  const fromUsage = round.usage?.outputTokens;
  const estimated = fromUsage === undefined && round.outputText.length > 0;
  const outputTokens = fromUsage ?? (estimated ? estimateTokens(round.outputText) : undefined);
  const genMs = generationMs(round, end);
  return {
    index: round.index,
    ttftMs: round.firstTokenAt !== undefined ? round.firstTokenAt - round.startedAt : undefined,
    durationMs: end - round.startedAt,
    inputTokens: round.usage?.inputTokens,
    outputTokens,
    estimated,
    tokensPerSecond: outputTokens !== undefined && genMs > 0 ? (outputTokens * 1000) / genMs : undefined,
  };
}

function generationMs(round: RecordedRound, end: number): number {
  const streamed = round.firstTokenAt !== undefined ? end - round.firstTokenAt : 0;
  return streamed >= MIN_STREAM_MS ? streamed : end - round.startedAt;
}

/** Timings and usage of a run, its rounds and its tool calls. */
export function runTimings(run: RecordedRun, now: number): RunTimings {
  const rounds = run.rounds.map((r) => roundTimings(r, now));
  const sum = (pick: (r: RoundTimings) => number | undefined) =>
    rounds.reduce<number | undefined>((acc, r) => (pick(r) === undefined ? acc : (acc ?? 0) + pick(r)!), undefined);
  const outputTokens = sum((r) => r.outputTokens);
  const genMs = run.rounds.reduce((acc, r) => acc + generationMs(r, r.endedAt ?? now), 0);
  return {
    ttftMs: rounds[0]?.ttftMs,
    durationMs: (run.endedAt ?? now) - run.startedAt,
    inputTokens: sum((r) => r.inputTokens),
    outputTokens,
    estimated: rounds.some((r) => r.estimated),
    tokensPerSecond: outputTokens !== undefined && genMs > 0 ? (outputTokens * 1000) / genMs : undefined,
    rounds,
    tools: run.calls.map((c) => ({
      callId: c.callId,
      name: c.name,
      status: c.status,
      durationMs: c.endedAt !== undefined ? c.endedAt - c.startedAt : undefined,
    })),
  };
}
