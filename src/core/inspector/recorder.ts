import type { ModelEvent, WireEvent } from '../protocols/types';
import type { RunObserver, TransitionContext } from '../run/run-observer';
import type { TransitionLogEntry } from '../run/run-store';
import type { RecordedRound, RecordedRun, WireExchange } from './types';
import { redactHeaders, redactValue, scrubText } from './redact';
import { buildCapture, type Capture } from './capture';

export interface RunRecorderOptions {
  /** Runs kept; the oldest is dropped first (default 20). */
  maxRuns?: number;
  /** Wire text kept per HTTP exchange, in characters (default 512 000); the rest is marked truncated. */
  maxRawChars?: number;
  /** Streamed deltas kept per round (default 5 000); starts, ends and finishes are always kept. */
  maxEventsPerRound?: number;
  /** Transitions kept per run (default 1 000). */
  maxTransitions?: number;
  /** Secrets (the API key) to scrub from everything recorded; read when a request starts. */
  secrets?: () => readonly string[];
}

/** Records what the controller does, run by run, for the inspector panel and the raw-stream export. */
export interface RunRecorder {
  /** Pass as `observer` in ChatControllerOptions. */
  readonly observer: RunObserver;
  /** The kept runs, oldest first. Objects are mutated while a run records; `version()` tells when. */
  runs(): readonly RecordedRun[];
  /** Grows on every recorded change, so a reader can tell whether to look again. */
  version(): number;
  /** Called synchronously after every change: a listener must only schedule its work. */
  subscribe(listener: () => void): () => void;
  /** The latest run that wrote to this turn. */
  runForTurn(turnId: string): RecordedRun | undefined;
  /** The run's raw-stream capture (the "Export raw stream" file), scrubbed of the current secrets too. */
  capture(run: RecordedRun): Capture;
  clear(): void;
}

const DELTAS = new Set<ModelEvent['type']>(['text-delta', 'reasoning-delta', 'tool-call-delta']);
const FIRST_OUTPUT = new Set<ModelEvent['type']>(['text-delta', 'reasoning-delta', 'tool-call-start']);
const PROMPT_PREVIEW = 80;

/** A recorder with memory caps; everything it keeps is already free of the secrets it was given. */
export function createRunRecorder(opts: RunRecorderOptions = {}): RunRecorder {
  const maxRuns = opts.maxRuns ?? 20;
  const maxRawChars = opts.maxRawChars ?? 512_000;
  const maxEvents = opts.maxEventsPerRound ?? 5_000;
  const maxTransitions = opts.maxTransitions ?? 1_000;
  const secrets = () => opts.secrets?.().filter(Boolean) ?? [];
  let runs: RecordedRun[] = [];
  let active: RecordedRun | null = null;
  // The run began with a call's transition (re-run) and its run-level start is still to come.
  let awaitingPhase = false;
  let seq = 0;
  let version = 0;
  // One counter for transitions and round milestones, so the timeline can interleave them exactly.
  let order = 0;
  const listeners = new Set<() => void>();

  const changed = () => {
    version++;
    for (const l of listeners) l();
  };

  function startRun(turnId: string | null, at: number): RecordedRun {
    const run: RecordedRun = { id: `run-${++seq}`, seq, turnId, startedAt: at, transitions: [], droppedTransitions: 0, rounds: [], calls: [] };
    runs = runs.length >= maxRuns ? [...runs.slice(runs.length - maxRuns + 1), run] : [...runs, run];
    active = run;
    return run;
  }

  function latestFor(turnId: string | null): RecordedRun | undefined {
    if (active && active.turnId === turnId) return active;
    for (let i = runs.length - 1; i >= 0; i--) if (runs[i].turnId === turnId) return runs[i];
    return undefined;
  }

  function roundOf(turnId: string, index: number): RecordedRound | undefined {
    const rounds = latestFor(turnId)?.rounds;
    if (!rounds) return undefined;
    for (let i = rounds.length - 1; i >= 0; i--) if (rounds[i].index === index) return rounds[i];
    return undefined;
  }

  function transition(entry: TransitionLogEntry, ctx: TransitionContext) {
    const runLevel = !ctx.call;
    const starts = entry.ok && entry.from === 'idle' && entry.to !== 'idle';
    let run: RecordedRun | undefined;
    if (runLevel && starts && !(active && awaitingPhase && active.turnId === ctx.turnId)) {
      run = startRun(ctx.turnId, entry.at);
    } else if (!active && ctx.call && entry.ok) {
      // A call moving while idle belongs to the run about to start (a re-run queues its call first).
      run = startRun(ctx.turnId, entry.at);
      awaitingPhase = true;
    } else run = active ?? latestFor(ctx.turnId);
    if (!run) return;
    if (runLevel && starts) awaitingPhase = false;
    if (run.transitions.length < maxTransitions) run.transitions.push({ ...entry, order: ++order, ...(ctx.call ? { call: ctx.call } : {}) });
    else run.droppedTransitions++;
    if (ctx.call && entry.ok) trackCall(run, ctx.call, entry);
    if (runLevel && entry.ok && entry.to === 'idle' && run === active) {
      run.endedAt = entry.at;
      run.outcome = ctx.outcome;
      active = null;
    }
    changed();
  }

  function trackCall(run: RecordedRun, call: { id: string; name: string }, entry: TransitionLogEntry) {
    if (entry.to === 'running') run.calls.push({ callId: call.id, name: call.name, startedAt: entry.at, status: 'running' });
    else if (entry.from === 'running') {
      const timing = run.calls.findLast((c) => c.callId === call.id && c.endedAt === undefined);
      if (timing) Object.assign(timing, { endedAt: entry.at, status: entry.to });
    }
  }

  function wire(turnId: string, index: number, event: WireEvent, at: number) {
    const round = roundOf(turnId, index);
    if (!round) return;
    if (event.type === 'request') {
      const keys = secrets();
      round.exchanges.push({
        protocol: event.protocol,
        method: event.method,
        url: scrubText(event.url, keys),
        headers: redactHeaders(event.headers, keys),
        body: redactValue(event.body, keys),
        startedAt: at,
        raw: [],
        rawChars: 0,
        truncated: false,
      });
    } else {
      const exchange = round.exchanges.at(-1);
      if (!exchange) return;
      Object.assign(exchange, { status: event.status, contentType: event.contentType, respondedAt: at });
    }
    changed();
  }

  function rawText(round: RecordedRound, text: string, at: number) {
    let exchange: WireExchange | undefined = round.exchanges.at(-1);
    if (!exchange) {
      exchange = { protocol: null, method: '', url: '', headers: {}, body: null, startedAt: at, raw: [], rawChars: 0, truncated: false };
      round.exchanges.push(exchange);
    }
    if (exchange.truncated) return;
    if (exchange.rawChars + text.length > maxRawChars) {
      exchange.truncated = true;
      return;
    }
    exchange.raw.push({ at, text: scrubText(text, secrets()) });
    exchange.rawChars += text.length;
  }

  function modelEvent(turnId: string, index: number, event: ModelEvent, at: number) {
    const round = roundOf(turnId, index);
    if (!round) return;
    if (event.type === 'raw') {
      if (event.text !== undefined) rawText(round, event.text, at);
    } else {
      if (round.firstTokenAt === undefined && FIRST_OUTPUT.has(event.type)) {
        round.firstTokenAt = at;
        round.order.firstToken = ++order;
      }
      if (event.type === 'text-delta' || event.type === 'reasoning-delta') round.outputText += event.text;
      else if (event.type === 'tool-call-delta') round.outputText += event.argsText;
      else if (event.type === 'finish') {
        round.finishReason = event.reason;
        if (event.usage) round.usage = event.usage;
      }
      if (DELTAS.has(event.type) && round.events.length >= maxEvents) round.droppedEvents++;
      else round.events.push({ at, event });
    }
    changed();
  }

  const observer: RunObserver = {
    transition,
    roundStart(info) {
      const run = active?.turnId === info.turnId ? active : startRun(info.turnId, info.at);
      if (run.prompt === undefined) {
        const user = info.messages.findLast((m) => m.role === 'user');
        if (user) run.prompt = scrubText(user.content.slice(0, PROMPT_PREVIEW), secrets());
      }
      run.rounds.push({
        index: info.round,
        model: info.model,
        startedAt: info.at,
        request: { messages: info.messages, tools: info.tools },
        exchanges: [],
        events: [],
        droppedEvents: 0,
        outputText: '',
        order: { start: ++order },
      });
      changed();
    },
    wire,
    modelEvent,
    roundEnd(info) {
      const round = roundOf(info.turnId, info.round);
      if (!round) return;
      Object.assign(round, { endedAt: info.at, outcome: info.outcome }, info.error ? { error: { ...info.error, message: scrubText(info.error.message, secrets()) } } : {});
      round.order.end = ++order;
      changed();
    },
  };

  return {
    observer,
    runs: () => runs,
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    runForTurn: (turnId) => latestFor(turnId),
    capture: (run) => buildCapture(run, { secrets: secrets() }),
    clear() {
      runs = [];
      active = null;
      awaitingPhase = false;
      changed();
    },
  };
}
