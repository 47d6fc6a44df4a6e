import type { AssistantMessage, ToolCallState, TurnNotice } from '../conversation/types';
import { buildTranscript, editedResultText } from '../conversation/transcript';
import type { ModelEvent } from '../protocols/types';
import { ModelError } from '../protocols/types';
import { executeTool, validateCall } from '../tools/execute';
import { createTimeSlicer } from './time-slicer';
import { loadValidator, validatorReady } from '../tools/validate';
import { isSettled } from './call-machine';
import { findTurn, roundCalls, updateCall, updateTurn } from './turn-updates';
import { addSibling, appendToPath, pathTo } from '../conversation/tree';
import { createLiveRound } from './live-round';
import { ControllerState } from './controller-state';
import { fitToBudget } from '../conversation/context-budget';
import { decide, deniedResultText, type Permission } from '../permissions';
import type { ToolDefinition } from '../tools/types';
import type { ToolSpec, WireEvent } from '../protocols/types';

/**
 * The agent loop itself: streams a round, settles its tool calls (validate, ask, run in parallel),
 * and streams the next round until the model answers, the user stops, or the round limit is hit.
 */
export abstract class RoundRunner extends ControllerState {
  protected streamAbort: AbortController | null = null;
  protected readonly callAborts = new Map<string, AbortController>();
  protected roundWaiter: (() => void) | null = null;

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
        if (call.status === 'streaming_args') this.settleCall(turnId, call.id, { type: 'args-cut' }, {});
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

  /** Arguments are complete and the stream finished properly: decide invalid / ask / auto. */
  protected completeArgs(turnId: string, call: ToolCallState, finishReason: string | null | undefined) {
    if (call.status !== 'streaming_args') return;
    if (call.parseError && finishReason === 'length') {
      // Cut off by the token limit: incomplete, never run with guessed arguments.
      this.settleCall(turnId, call.id, { type: 'args-cut' }, {});
      return;
    }
    const known = this.opts.tools.get(call.name);
    const permission = known && this.permissionOf(known);
    if (permission === 'deny') {
      // Refused before validation: the model must not learn to fix the arguments of a tool it may not use.
      this.settleCall(turnId, call.id, { type: 'args-complete', valid: false, needsApproval: false }, {
        denied: true,
        resultText: deniedResultText(call.name),
      });
      return;
    }
    const check = call.parseError ? { ok: false as const, error: call.parseError } : validateCall(this.opts.tools, call.name, call.args);
    if (!check.ok) {
      this.settleCall(turnId, call.id, { type: 'args-complete', valid: false, needsApproval: false }, {
        validationError: check.error,
        resultText: `Error: ${check.error}. The call was not run; fix the arguments and call again.`,
      });
      return;
    }
    // The user's rules replace the tool's own policy; `policy` records how this call was decided.
    const policy = permission === 'allow' ? 'auto' : 'ask';
    this.patchCall(turnId, call.id, { type: 'args-complete', valid: true, needsApproval: policy === 'ask' }, { policy });
  }

  /** The user's permission for a tool in this conversation, read now so the newest rules apply. */
  protected permissionOf(tool: Pick<ToolDefinition, 'name' | 'policy'>): Permission {
    return decide(tool, this.opts.permissions?.() ?? [], this.snap.conversation.id).permission;
  }

  /** The tools the model is told about: a tool set to Never is not offered at all. */
  protected offeredSpecs(): ToolSpec[] {
    const specs = this.opts.tools.specs();
    if (!this.opts.permissions) return specs;
    return specs.filter((spec) => {
      const tool = this.opts.tools.get(spec.name);
      return !tool || this.permissionOf(tool) !== 'deny';
    });
  }

  /** A runaway model asking for dozens of calls at once gets an error for the excess, not a flood of tools. */
  protected refuseOverLimit(turnId: string, call: ToolCallState, limit: number) {
    const error = `Too many tool calls in one round (the limit is ${limit}); this call was not run`;
    this.settleCall(turnId, call.id, { type: 'args-complete', valid: false, needsApproval: false }, {
      validationError: error,
      resultText: `Error: ${error}. Make fewer calls per round.`,
    });
  }

  protected async execute(turnId: string, callId: string) {
    const call = findTurn(this.snap.conversation, turnId)?.calls[callId];
    const tool = call && this.opts.tools.get(call.name);
    if (!call || call.status !== 'queued') return;
    if (!tool) {
      // Its MCP server went away between the decision and the run: the call ends, never hangs.
      this.settleCall(turnId, callId, { type: 'cancel' }, {
        resultText: `The tool "${call.name}" was not available when this call was to run (its server may be disconnected); it did not run.`,
      });
      this.checkRound();
      return;
    }
    if (this.permissionOf(tool) === 'deny') {
      // Last line of defence (e.g. a re-run queued just before the rule changed): a denied tool never runs.
      this.settleCall(turnId, callId, { type: 'cancel' }, { denied: true, resultText: deniedResultText(call.name) });
      this.checkRound();
      return;
    }
    const abort = new AbortController();
    this.callAborts.set(callId, abort);
    this.patchCall(turnId, callId, { type: 'run' }, { startedAt: Date.now(), endedAt: undefined, progress: undefined, content: undefined });
    const args = call.editedArgs !== undefined ? call.editedArgs : call.args;
    const outcome = await executeTool(tool, args, {
      signal: abort.signal,
      onEvent: (e) => {
        if (abort.signal.aborted) return;
        if (e.type === 'progress') {
          const { type: _t, ...progress } = e;
          this.setConversation(updateCall(this.snap.conversation, turnId, callId, (c) => ({ ...c, progress })));
        } else if (e.type === 'start' && e.message) {
          this.setConversation(updateCall(this.snap.conversation, turnId, callId, (c) => ({ ...c, progress: { message: e.message } })));
        } else if (e.type === 'content') {
          this.setConversation(updateCall(this.snap.conversation, turnId, callId, (c) => ({ ...c, content: (c.content ?? '') + e.text })));
        }
      },
    });
    if (this.callAborts.get(callId) === abort) this.callAborts.delete(callId);
    if (abort.signal.aborted) return; // cancelled: already settled by cancelCall / stop
    const text = call.editedArgs !== undefined ? editedResultText(call.editedArgs, outcome.text) : outcome.text;
    this.settleCall(turnId, callId, { type: outcome.status === 'succeeded' ? 'succeed' : 'fail' }, { outcome, resultText: text });
    this.checkRound();
  }

  protected requeue(turnId: string, callId: string, args: unknown) {
    this.patchCall(turnId, callId, { type: 'rerun', needsApproval: false }, {
      editedArgs: args,
      outcome: undefined,
      resultText: undefined,
      rejectReason: undefined,
      denied: undefined,
      endedAt: undefined,
    });
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

  /** Moves the run on when the user has decided every pending call / every call has settled. */
  protected checkRound() {
    const turn = findTurn(this.snap.conversation, this.snap.turnId);
    if (!turn) return;
    const calls = roundCalls(turn, turn.rounds.length - 1);
    if (this.snap.run.phase === 'awaiting_confirmation' && !calls.some((c) => c.status === 'pending_approval'))
      this.dispatch({ type: 'approvals-done' });
    if (this.snap.run.phase === 'executing_function' && calls.every((c) => isSettled(c.status)) && this.roundWaiter) {
      const resolve = this.roundWaiter;
      this.roundWaiter = null;
      resolve();
    }
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
