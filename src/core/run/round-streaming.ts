import type { AssistantMessage, TurnNotice } from '../conversation/types';
import { buildTranscript, continuationTranscript } from '../conversation/transcript';
import { fitToBudget } from '../conversation/context-budget';
import { addSibling, appendToPath, pathTo } from '../conversation/tree';
import type { ModelClient, ModelEvent, WireEvent } from '../protocols/types';
import { ModelError } from '../protocols/types';
import { loadValidator, validatorReady } from '../tools/validate';
import { createTimeSlicer } from './time-slicer';
import { findTurn, roundCalls, updateTurn } from './turn-updates';
import type { CallExecution } from './call-execution';
import type { RunStore } from './run-store';
import type { RunObserver } from './run-observer';
import { roundNotice, type RoundSignals } from './round-notice';

export interface RoundStreamingDeps {
  store: RunStore;
  calls: CallExecution;
  /** The model to use for the next round (settings may change between runs). */
  model: () => ModelClient;
  maxCallsPerRound?: number;
  systemPrompt?: () => string | undefined;
  contextTokens?: () => number;
  observer?: RunObserver;
  newId: () => string;
}

/**
 * The agent loop: streams a round into the turn, has its tool calls decided and run, waits until
 * they settled, and streams the next round until the model answers, the user stops, or the round
 * limit is hit.
 */
export class RoundStreaming {
  private streamAbort: AbortController | null = null;
  /** What the streaming round said beyond text and calls: a refusal, parts it could not show. */
  private signals: RoundSignals = { rawReason: null, refusal: '', notShown: 0 };
  /** When the current round's stream last said anything (its start counts); read by the "server is quiet" notice. */
  private lastHeardAt: number | null = null;

  constructor(private readonly deps: RoundStreamingDeps) {}

  /** Starts a new assistant turn at the end of the path, or as a sibling of `siblingOf` (regenerate). */
  startTurn(siblingOf?: string) {
    const { store, newId, model } = this.deps;
    const turn: Omit<AssistantMessage, 'parentId'> = { id: newId(), role: 'assistant', createdAt: Date.now(), model: model().label, rounds: [], calls: {} };
    const conv = store.state.conversation;
    store.update({ turnId: turn.id, conversation: siblingOf ? addSibling(conv, siblingOf, turn) : appendToPath(conv, turn) });
    if (!store.dispatch({ type: 'start' })) return;
    void this.loop(turn.id);
  }

  /** While a round streams: when the server last sent something (ms since the epoch); null otherwise. */
  quietSince(): number | null {
    return this.phase() === 'generating' && this.streamAbort ? this.lastHeardAt : null;
  }

  /** A method, not a property read, so TypeScript does not narrow the phase across awaits. */
  private phase() {
    return this.deps.store.state.run.phase;
  }

  /** `extendLast`: the first round continues the turn's last round (cut at the output limit) in place. */
  async loop(turnId: string, extendLast = false) {
    const { store, calls } = this.deps;
    while (this.phase() === 'generating') {
      const round = await this.streamRound(turnId, extendLast);
      extendLast = false;
      if (round === null) return;
      if (!validatorReady() && roundCalls(findTurn(store.state.conversation, turnId)!, round).length > 0) {
        // The schema engine is a lazy chunk, normally loaded long before; a failed load leaves
        // validateArgs failing closed, which marks the calls invalid rather than running them.
        await loadValidator().catch(() => undefined);
        if (this.phase() !== 'generating') return;
      }
      const turn = findTurn(store.state.conversation, turnId)!;
      const streamed = roundCalls(turn, round);
      const limit = this.deps.maxCallsPerRound ?? 16;
      streamed.forEach((call, i) => (i < limit ? calls.completeArgs(turnId, call, turn.rounds[round].finishReason) : calls.refuseOverLimit(turnId, call, limit)));
      const decided = roundCalls(findTurn(store.state.conversation, turnId)!, round);
      const needsApproval = decided.some((c) => c.status === 'pending_approval');
      // A round cut at the output limit whose calls were all cut too ends the run: the user decides
      // whether to Continue (sending the model round after round of cut calls would only burn tokens).
      const cutOff = turn.rounds[round].finishReason === 'length' && !decided.some((c) => c.status === 'queued' || c.status === 'pending_approval');
      if (!store.dispatch({ type: 'round-finished', hasCalls: streamed.length > 0 && !cutOff, needsApproval })) return;
      if (this.phase() === 'idle') return this.finish(null, turnId, {});
      for (const call of decided) if (call.status === 'queued') void calls.execute(turnId, call.id);
      if (!(await this.awaitRoundThenContinue(turnId))) return;
    }
  }

  /** Waits until every call of the current round settled, then hands the results to the next round. */
  async awaitRoundThenContinue(turnId: string): Promise<boolean> {
    const { store } = this.deps;
    await store.whenRoundSettled();
    if (store.state.run.phase === 'idle') return false;
    const direct = store.state.run.direct;
    if (!store.dispatch({ type: 'calls-settled' })) return false;
    const run = store.state.run;
    if (run.phase === 'idle' && direct) {
      // The user's own tool run is simply done; there is nothing to explain.
      this.finish(null, turnId, {});
      return false;
    }
    if (run.phase === 'idle') {
      // The code lets the interface word the notice in its own language; the text is for exports.
      const maxRounds = run.outcome === 'max_rounds';
      const notice = maxRounds
        ? `Stopped after ${run.maxRounds} rounds of tool calls (the limit). Send a message to let the model continue.`
        : 'Stopped after this round, as you asked. The tool results are kept.';
      const noticeCode: TurnNotice = maxRounds ? { code: 'max_rounds', rounds: run.maxRounds } : { code: 'stopped_after_round' };
      this.finish(null, turnId, { notice, noticeCode });
      return false;
    }
    return true;
  }

  /** Runs the loop on once the round's calls settled (a resumed run, a re-run after the end). */
  continueAfterRound(turnId: string) {
    void this.awaitRoundThenContinue(turnId).then((go) => {
      if (go) void this.loop(turnId);
    });
  }

  /**
   * Streams one round into the turn; returns its index, or null when it failed or was stopped.
   * `extendLast` continues the last round (a text answer cut at the output limit): the model sees the
   * cut answer and a request to go on, and its reply is appended to the same text part.
   */
  private async streamRound(turnId: string, extendLast = false): Promise<number | null> {
    const { store, calls, observer } = this.deps;
    const turn = findTurn(store.state.conversation, turnId)!;
    const round = extendLast ? turn.rounds.length - 1 : turn.rounds.length;
    const seed = extendLast ? turn.rounds[round].parts : [];
    store.setConversation(
      updateTurn(store.state.conversation, turnId, (t) => ({
        ...t,
        rounds: extendLast ? t.rounds.map((r, i) => (i === round ? { ...r, finishReason: undefined } : r)) : [...t.rounds, { parts: [] }],
      })),
    );
    const transcript = extendLast ? continuationTranscript(this.transcriptFor(turnId)) : this.transcriptFor(turnId);
    const abort = new AbortController();
    this.streamAbort = abort;
    store.startLive(turnId, round, seed);
    this.signals = { rawReason: null, refusal: '', notShown: 0 };
    try {
      const model = this.deps.model();
      const tools = calls.offeredSpecs();
      observer?.roundStart?.({ turnId, round, at: Date.now(), model: model.label, messages: transcript, tools });
      const wire = observer?.wire?.bind(observer);
      const onWire = wire && ((event: WireEvent) => wire(turnId, round, event, Date.now()));
      // A burst of events is folded in slices, so a fast stream never blocks painting or input.
      const slicer = createTimeSlicer();
      this.lastHeardAt = Date.now();
      for await (const event of model.stream({ messages: transcript, tools, signal: abort.signal, onWire })) {
        if (abort.signal.aborted) break;
        this.lastHeardAt = Date.now();
        observer?.modelEvent?.(turnId, round, event, Date.now());
        this.apply(event, round);
        if (slicer.due()) await slicer.yieldNow();
      }
      if (abort.signal.aborted) return this.roundEnded(turnId, round, 'aborted');
      store.endLive();
      this.roundEnded(turnId, round, 'ok');
      return round;
    } catch (e) {
      if (abort.signal.aborted || store.state.run.phase === 'idle') return this.roundEnded(turnId, round, 'aborted');
      store.endLive();
      const error = e instanceof ModelError ? e : new ModelError('stream', (e as Error)?.message || String(e));
      this.roundEnded(turnId, round, 'error', error);
      if (extendLast)
        // The answer is still unfinished (with whatever of the continuation arrived): Retry continues it again.
        store.setConversation(updateTurn(store.state.conversation, turnId, (t) => ({ ...t, rounds: t.rounds.map((r, i) => (i === round ? { ...r, finishReason: 'length' } : r)) })));
      for (const call of roundCalls(findTurn(store.state.conversation, turnId)!, round))
        if (call.status === 'streaming_args') store.settleCall(turnId, call.id, { type: 'args-cut' }, { status: 'incomplete' });
      this.finish('error', turnId, { error: { message: error.message, kind: error.kind, status: error.status } });
      return null;
    } finally {
      if (this.streamAbort === abort) this.streamAbort = null;
      if (store.state.retrying) store.update({ retrying: undefined });
    }
  }

  /** Tells the observer (the inspector) how a round's stream ended; null, for `return`. */
  private roundEnded(turnId: string, round: number, outcome: 'ok' | 'aborted' | 'error', error?: ModelError): null {
    const detail = error && { kind: error.kind, message: error.message, status: error.status };
    this.deps.observer?.roundEnd?.({ turnId, round, at: Date.now(), outcome, ...(detail ? { error: detail } : {}) });
    return null;
  }

  private apply(event: ModelEvent, round: number) {
    const { store } = this.deps;
    if (event.type === 'raw') return;
    if (event.type === 'retrying') {
      const { type: _t, ...retrying } = event;
      return store.update({ retrying: { ...retrying, since: Date.now() } });
    }
    if (store.state.retrying) store.update({ retrying: undefined }, false);
    if (event.type === 'refusal-delta') this.signals.refusal += event.text;
    if (event.type === 'warning' && event.visible) this.signals.notShown++;
    if (event.type === 'finish') {
      const turnId = store.liveRound!.turnId;
      store.flushLive();
      // A refusal, an unusual stop reason or words the decoder could not show are told on the turn.
      const notice = roundNotice({ ...this.signals, rawReason: event.rawReason });
      store.setConversation(
        updateTurn(store.state.conversation, turnId, (t) => ({
          ...t,
          ...(notice ?? {}),
          rounds: t.rounds.map((r, i) => (i === round ? { ...r, finishReason: event.reason } : r)),
        })),
      );
      return;
    }
    store.applyLive(event);
  }

  /** The active path up to this turn, trimmed to the context window; records where the model's view begins. */
  private transcriptFor(turnId: string) {
    const { store, calls } = this.deps;
    const conv = store.state.conversation;
    const path = pathTo(conv, turnId);
    const systemPrompt = conv.systemPrompt?.trim() || this.deps.systemPrompt?.();
    const contextTokens = this.deps.contextTokens?.();
    if (!contextTokens) return buildTranscript(path, systemPrompt);
    const fit = fitToBudget(path, { systemPrompt, contextTokens, tools: calls.offeredSpecs() });
    const contextStartId = fit.firstKeptId ?? undefined;
    if (findTurn(conv, turnId)?.contextStartId !== contextStartId) store.setConversation(updateTurn(conv, turnId, (t) => ({ ...t, contextStartId })));
    return fit.transcript;
  }

  /** Stops the stream of the current round, if one is streaming. */
  abortStream() {
    this.streamAbort?.abort();
  }

  /** Ends the run (after `event`, if given): the loop is released and the turn gets its outcome. */
  finish(event: 'stop' | 'error' | null, turnId: string | null, patch: Partial<AssistantMessage>) {
    const { store } = this.deps;
    if (event) store.dispatch({ type: event });
    store.releaseWaiter();
    if (!turnId) return;
    const outcome = store.state.run.outcome ?? 'completed';
    store.setConversation(updateTurn(store.state.conversation, turnId, (t) => ({ ...t, ...patch, outcome })));
  }
}
