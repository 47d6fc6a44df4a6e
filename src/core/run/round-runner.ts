import type { AssistantMessage, TurnNotice } from '../conversation/types';
import { buildTranscript } from '../conversation/transcript';
import type { ModelEvent } from '../protocols/types';
import { ModelError } from '../protocols/types';
import { createTimeSlicer } from './time-slicer';
import { loadValidator, validatorReady } from '../tools/validate';
import { findTurn, roundCalls, updateTurn } from './turn-updates';
import { addSibling, appendToPath, pathTo } from '../conversation/tree';
import { createLiveRound } from './live-round';
import { CallRunner } from './call-runner';
import { fitToBudget } from '../conversation/context-budget';
import type { WireEvent } from '../protocols/types';

/**
 * The agent loop itself: streams a round, settles its tool calls (validate, ask, run in parallel),
 * and streams the next round until the model answers, the user stops, or the round limit is hit.
 */
export abstract class RoundRunner extends CallRunner {
  protected streamAbort: AbortController | null = null;

  /** Starts a new assistant turn at the end of the path, or as a sibling of `siblingOf` (regenerate). */
  protected startTurn(siblingOf?: string) {
    const turn: Omit<AssistantMessage, 'parentId'> = {
      id: this.newId(),
      role: 'assistant',
      createdAt: Date.now(),
      model: this.opts.model().label,
      rounds: [],
      calls: {},
    };
    const conv = this.snap.conversation;
    this.snap = { ...this.snap, turnId: turn.id };
    this.setConversation(siblingOf ? addSibling(conv, siblingOf, turn) : appendToPath(conv, turn));
    if (!this.dispatch({ type: 'start' })) return;
    void this.loop(turn.id);
  }

  protected async loop(turnId: string) {
    while (this.phase() === 'generating') {
      const round = await this.streamRound(turnId);
      if (round === null) return;
      if (!validatorReady() && roundCalls(findTurn(this.snap.conversation, turnId)!, round).length > 0) {
        // The schema engine is a lazy chunk, normally loaded long before; a failed load leaves
        // validateArgs failing closed, which marks the calls invalid rather than running them.
        await loadValidator().catch(() => undefined);
        if (this.phase() !== 'generating') return;
      }
      const turn = findTurn(this.snap.conversation, turnId)!;
      const calls = roundCalls(turn, round);
      const limit = this.opts.maxCallsPerRound ?? 16;
      calls.forEach((call, i) =>
        i < limit ? this.completeArgs(turnId, call, turn.rounds[round].finishReason) : this.refuseOverLimit(turnId, call, limit),
      );
      const after = findTurn(this.snap.conversation, turnId)!;
      const needsApproval = roundCalls(after, round).some((c) => c.status === 'pending_approval');
      if (!this.dispatch({ type: 'round-finished', hasCalls: calls.length > 0, needsApproval })) return;
      if (this.phase() === 'idle') return this.finish(null, turnId, {});
      for (const call of roundCalls(after, round)) if (call.status === 'queued') void this.execute(turnId, call.id);
      if (!(await this.awaitRoundThenContinue(turnId))) return;
    }
  }

  /** Waits until every call of the current round settled, then hands the results to the next round. */
  protected async awaitRoundThenContinue(turnId: string): Promise<boolean> {
    await new Promise<void>((resolve) => {
      this.roundWaiter = resolve;
      this.checkRound();
    });
    if (this.snap.run.phase === 'idle') return false;
    const direct = this.snap.run.direct;
    if (!this.dispatch({ type: 'calls-settled' })) return false;
    const run = this.snap.run;
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

  /** Streams one round into the turn; returns its index, or null when it failed or was stopped. */
  protected async streamRound(turnId: string): Promise<number | null> {
    const conv = this.snap.conversation;
    const turn = findTurn(conv, turnId)!;
    const round = turn.rounds.length;
    this.setConversation(updateTurn(conv, turnId, (t) => ({ ...t, rounds: [...t.rounds, { parts: [] }] })));
    const transcript = this.transcriptFor(turnId);
    const abort = new AbortController();
    this.streamAbort = abort;
    this.live = createLiveRound(turnId, round, this.newId);
    try {
      const model = this.opts.model();
      const tools = this.offeredSpecs();
      const observer = this.opts.observer;
      observer?.roundStart?.({ turnId, round, at: Date.now(), model: model.label, messages: transcript, tools });
      const wire = observer?.wire?.bind(observer);
      const onWire = wire && ((event: WireEvent) => wire(turnId, round, event, Date.now()));
      // A burst of events is folded in slices, so a fast stream never blocks painting or input.
      const slicer = createTimeSlicer();
      for await (const event of model.stream({ messages: transcript, tools, signal: abort.signal, onWire })) {
        if (abort.signal.aborted) break;
        observer?.modelEvent?.(turnId, round, event, Date.now());
        this.apply(event);
        if (slicer.due()) await slicer.yieldNow();
      }
      if (abort.signal.aborted) return this.roundEnded(turnId, round, 'aborted');
      this.getSnapshot();
      this.live = null;
      this.roundEnded(turnId, round, 'ok');
      return round;
    } catch (e) {
      if (abort.signal.aborted || this.snap.run.phase === 'idle') return this.roundEnded(turnId, round, 'aborted');
      this.getSnapshot();
      this.live = null;
      const error = e instanceof ModelError ? e : new ModelError('stream', (e as Error)?.message || String(e));
      this.roundEnded(turnId, round, 'error', error);
      const now = findTurn(this.snap.conversation, turnId)!;
      for (const call of roundCalls(now, round))
        if (call.status === 'streaming_args') this.settleCall(turnId, call.id, { type: 'args-cut' }, { status: 'incomplete' });
      this.finish('error', turnId, { error: { message: error.message, kind: error.kind, status: error.status } });
      return null;
    } finally {
      if (this.streamAbort === abort) this.streamAbort = null;
      if (this.snap.retrying) {
        this.snap = { ...this.snap, retrying: undefined };
        this.emit();
      }
    }
  }

  /** Tells the observer (the inspector) how a round's stream ended; null, for `return`. */
  private roundEnded(turnId: string, round: number, outcome: 'ok' | 'aborted' | 'error', error?: ModelError): null {
    const detail = error && { kind: error.kind, message: error.message, status: error.status };
    this.opts.observer?.roundEnd?.({ turnId, round, at: Date.now(), outcome, ...(detail ? { error: detail } : {}) });
    return null;
  }

  protected apply(event: ModelEvent) {
    const live = this.live!;
    if (event.type === 'raw') return;
    if (event.type === 'retrying') {
      const { type: _t, ...retrying } = event;
      this.snap = { ...this.snap, retrying: { ...retrying, since: Date.now() } };
      return this.emit();
    }
    if (this.snap.retrying) this.snap = { ...this.snap, retrying: undefined };
    if (event.type === 'finish') {
      this.getSnapshot();
      this.setConversation(
        updateTurn(this.snap.conversation, live.turnId, (t) => ({
          ...t,
          rounds: t.rounds.map((r, i) => (i === live.round ? { ...r, finishReason: event.reason } : r)),
        })),
      );
      return;
    }
    live.apply(event);
    this.emit();
  }

  /** The active path up to this turn, trimmed to the context window; records where the model's view begins. */
  protected transcriptFor(turnId: string) {
    const path = pathTo(this.snap.conversation, turnId);
    const systemPrompt = this.snap.conversation.systemPrompt?.trim() || this.opts.systemPrompt?.();
    const contextTokens = this.opts.contextTokens?.();
    if (!contextTokens) return buildTranscript(path, systemPrompt);
    const fit = fitToBudget(path, { systemPrompt, contextTokens, tools: this.offeredSpecs() });
    const contextStartId = fit.firstKeptId ?? undefined;
    if (findTurn(this.snap.conversation, turnId)?.contextStartId !== contextStartId)
      this.setConversation(updateTurn(this.snap.conversation, turnId, (t) => ({ ...t, contextStartId })));
    return fit.transcript;
  }

  protected finish(event: 'stop' | 'error' | null, turnId: string | null, patch: Partial<AssistantMessage>) {
    if (event) this.dispatch({ type: event });
    this.roundWaiter?.();
    this.roundWaiter = null;
    if (!turnId) return;
    const outcome = this.snap.run.outcome ?? 'completed';
    this.setConversation(updateTurn(this.snap.conversation, turnId, (t) => ({ ...t, ...patch, outcome })));
  }

}
