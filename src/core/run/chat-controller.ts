import type { AssistantMessage, Conversation, Part, ToolCallState } from '../conversation/types';
import { buildTranscript, editedResultText, rejectionText } from '../conversation/transcript';
import type { ModelClient, ModelEvent } from '../protocols/types';
import { ModelError } from '../protocols/types';
import type { ToolRegistry } from '../tools/registry';
import { executeTool, validateCall } from '../tools/execute';
import { createTimeSlicer } from './time-slicer';
import { loadValidator, validatorReady } from '../tools/validate';
import { initialRunState, transition, type RunEvent, type RunState } from './machine';
import { isSettled, transitionCall, type CallEvent } from './call-machine';
import { findTurn, lastOf, roundCalls, updateCall, updateTurn } from './turn-updates';
import { activePath, addSibling, appendToPath, emptyConversation, pathTo, selectBranch } from '../conversation/tree';
import { createLiveRound, type LiveRound } from './live-round';
import { recoverInterrupted } from './recover';
import { fitToBudget } from '../conversation/context-budget';

export interface ChatControllerOptions {
  /** The model to use for the next round (settings may change between runs). */
  model: () => ModelClient;
  tools: ToolRegistry;
  maxRounds?: number;
  /** At most this many calls of one round run (default 16); the rest get an error result. */
  maxCallsPerRound?: number;
  systemPrompt?: () => string | undefined;
  /** The model's context window; when set, the oldest turns that do not fit are left out. */
  contextTokens?: () => number;
  newId?: () => string;
}

export interface TransitionLogEntry {
  at: number;
  event: string;
  from: string;
  to: string;
  ok: boolean;
  reason?: string;
}

export interface ChatSnapshot {
  conversation: Conversation;
  run: RunState;
  /** The assistant turn the current (or last) run writes to. */
  turnId: string | null;
  log: TransitionLogEntry[];
}

type Listener = () => void;

/**
 * The agent loop: streams a round, assembles tool calls, asks or runs them, feeds results back and
 * streams the next round until the model answers, the user stops, or the round limit is reached.
 * Framework-free: React subscribes and renders snapshots; the UI only calls these methods.
 */
export class ChatController {
  private snap: ChatSnapshot;
  private readonly listeners = new Set<Listener>();
  private live: LiveRound | null = null;
  private streamAbort: AbortController | null = null;
  private readonly callAborts = new Map<string, AbortController>();
  private roundWaiter: (() => void) | null = null;
  private readonly opts: ChatControllerOptions;
  private readonly newId: () => string;

  constructor(opts: ChatControllerOptions, conversation?: Conversation) {
    this.opts = opts;
    this.newId = opts.newId ?? (() => crypto.randomUUID());
    const now = Date.now();
    this.snap = {
      conversation: conversation ?? emptyConversation(this.newId(), now),
      run: initialRunState(opts.maxRounds),
      turnId: null,
      log: [],
    };
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state; streamed deltas are folded in here, so callers that read once per frame pay once per frame. */
  getSnapshot = (): ChatSnapshot => {
    if (this.live?.dirty) this.setConversation(this.live.commit(this.snap.conversation), false);
    return this.snap;
  };

  /** Sends a user message and runs the model. Returns false when a run is already in flight. */
  send(text: string): boolean {
    if (this.snap.run.phase !== 'idle' || !text.trim()) return false;
    const conv = this.snap.conversation;
    const title = conv.messages.length === 0 ? titleFrom(text) : conv.title;
    const user = { id: this.newId(), role: 'user' as const, text, createdAt: Date.now() };
    this.setConversation(appendToPath({ ...conv, title }, user));
    this.startTurn();
    return true;
  }

  /** A new answer to the same user message, as a sibling branch of the last one (which is kept). */
  regenerate(): boolean {
    const path = activePath(this.snap.conversation);
    const last = path[path.length - 1];
    if (this.snap.run.phase !== 'idle' || last?.role !== 'assistant') return false;
    this.startTurn(last.id);
    return true;
  }

  /** Edits a user message: the edit becomes a new branch from that point and the model answers it. */
  editAndResend(userMessageId: string, text: string): boolean {
    const original = this.snap.conversation.messages.find((m) => m.id === userMessageId);
    if (this.snap.run.phase !== 'idle' || original?.role !== 'user' || !text.trim()) return false;
    const user = { id: this.newId(), role: 'user' as const, text, createdAt: Date.now() };
    this.setConversation(addSibling(this.snap.conversation, userMessageId, user));
    this.startTurn();
    return true;
  }

  /** Switches the visible branch at a fork (only between runs). */
  selectBranch(messageId: string): boolean {
    if (this.snap.run.phase !== 'idle') return false;
    const conversation = selectBranch(this.snap.conversation, messageId);
    const turnId = lastOf(activePath(conversation), 'assistant')?.id ?? null;
    this.snap = { ...this.snap, conversation, turnId };
    this.emit();
    return true;
  }

  /** After a failure: drops the broken round and continues the same turn (tool results already obtained are kept). */
  retry(): boolean {
    const turn = findTurn(this.snap.conversation, this.snap.turnId);
    if (this.snap.run.phase !== 'idle' || !turn || turn.outcome !== 'failed') return false;
    const rounds = turn.rounds.slice(0, -1);
    const kept = new Set(rounds.flatMap((r) => r.parts.flatMap((p) => (p.type === 'tool-call' ? [p.callId] : []))));
    const calls = Object.fromEntries(Object.entries(turn.calls).filter(([id]) => kept.has(id)));
    this.setConversation(
      updateTurn(this.snap.conversation, turn.id, (t) => ({ ...t, rounds, calls, outcome: undefined, error: undefined, notice: undefined })),
    );
    if (!this.dispatch({ type: 'start' })) return false;
    void this.loop(turn.id);
    return true;
  }

  /** Stops whatever runs: the stream is aborted, running tools get their AbortSignal, pending calls are cancelled. */
  stop(): void {
    if (this.snap.run.phase === 'idle') return;
    this.streamAbort?.abort();
    this.getSnapshot();
    this.live = null;
    const turnId = this.snap.turnId;
    const turn = findTurn(this.snap.conversation, turnId);
    if (turn && turnId) {
      for (const call of Object.values(turn.calls)) {
        if (isSettled(call.status)) continue;
        this.callAborts.get(call.id)?.abort();
        this.settleCall(turnId, call.id, { type: 'cancel' }, { resultText: 'The user stopped the run; this call did not finish.' });
      }
    }
    this.finish('stop', turnId, {});
  }

  /** Lets running tools finish but sends nothing more to the model. */
  stopAfterRound(): void {
    this.dispatch({ type: 'stop-after-round' });
  }

  approve(callId: string, editedArgs?: unknown): string | null {
    const found = this.activeCall(callId, 'pending_approval');
    if (!found) return 'This call is not waiting for approval.';
    if (editedArgs !== undefined) {
      const check = validateCall(this.opts.tools, found.call.name, editedArgs);
      if (!check.ok) return check.error;
    }
    this.patchCall(found.turnId, callId, { type: 'approve' }, editedArgs !== undefined ? { editedArgs } : {});
    void this.execute(found.turnId, callId);
    this.checkRound();
    return null;
  }

  approveAll(): void {
    const turn = findTurn(this.snap.conversation, this.snap.turnId);
    for (const call of Object.values(turn?.calls ?? {})) if (call.status === 'pending_approval') this.approve(call.id);
  }

  reject(callId: string, reason?: string): void {
    const found = this.activeCall(callId, 'pending_approval');
    if (!found) return;
    this.settleCall(found.turnId, callId, { type: 'reject' }, { rejectReason: reason?.trim() || undefined, resultText: rejectionText(reason) });
    this.checkRound();
  }

  /** Cancels one call; the rest of the round goes on. */
  cancelCall(callId: string): void {
    const found = this.activeCall(callId);
    if (!found || isSettled(found.call.status) || found.call.status === 'streaming_args') return;
    this.callAborts.get(callId)?.abort();
    const text = found.call.status === 'running' ? 'The user cancelled this call while it was running.' : 'The user cancelled this call before it ran.';
    this.settleCall(found.turnId, callId, { type: 'cancel' }, { resultText: text });
    this.checkRound();
  }

  /**
   * Re-runs a call with edited arguments. A running call is cancelled and restarted within its round; a
   * finished call of the last turn replaces its result, drops what followed it and continues from there.
   */
  rerunCall(callId: string, args: unknown): string | null {
    const turn = findTurn(this.snap.conversation, this.snap.turnId);
    const call = turn?.calls[callId];
    if (!turn || !call) return 'This call is not part of the latest answer.';
    const check = validateCall(this.opts.tools, call.name, args);
    if (!check.ok) return check.error;
    const phase = this.snap.run.phase;
    if (phase !== 'idle') {
      if (call.round !== turn.rounds.length - 1 || phase === 'generating') return 'This call can be re-run once the current round ends.';
      // Settle without checkRound: the round must not advance between the cancel and the restart.
      this.callAborts.get(callId)?.abort();
      if (!isSettled(call.status)) this.settleCall(turn.id, callId, { type: 'cancel' }, {});
      this.requeue(turn.id, callId, args);
      void this.execute(turn.id, callId);
      return null;
    }
    // Idle: the re-run becomes a new branch — a copy of the turn up to the call's round — and the old
    // continuation stays reachable through the branch switcher.
    const rounds = turn.rounds.slice(0, call.round + 1);
    const kept = new Set(rounds.flatMap((r) => r.parts.flatMap((p) => (p.type === 'tool-call' ? [p.callId] : []))));
    const copy: Omit<AssistantMessage, 'parentId'> = {
      id: this.newId(),
      role: 'assistant',
      createdAt: Date.now(),
      model: turn.model,
      rounds,
      calls: Object.fromEntries(Object.entries(turn.calls).filter(([id]) => kept.has(id))),
    };
    this.setConversation(addSibling(this.snap.conversation, turn.id, copy));
    this.snap = { ...this.snap, turnId: copy.id };
    const branch = copy.id;
    this.requeue(branch, callId, args);
    if (!this.dispatch({ type: 'resume', round: 1 })) return 'The run could not be resumed.';
    this.dispatch({ type: 'approvals-done' });
    void this.execute(branch, callId);
    void this.awaitRoundThenContinue(branch).then((go) => {
      if (go) void this.loop(branch);
    });
    return null;
  }

  /**
   * Replaces the conversation (New chat, opening a saved one); refused while a run is in flight.
   * A run that was interrupted by a reload is repaired, and resumed when calls still await approval.
   */
  load(saved: Conversation): boolean {
    if (this.snap.run.phase !== 'idle') return false;
    this.live = null;
    const { conversation, resumeTurnId } = recoverInterrupted(saved);
    const turnId = lastOf(activePath(conversation), 'assistant')?.id ?? null;
    this.snap = { ...this.snap, conversation, run: initialRunState(this.opts.maxRounds), turnId };
    this.emit();
    if (resumeTurnId) {
      const turn = findTurn(conversation, resumeTurnId)!;
      if (this.dispatch({ type: 'resume', round: Math.min(turn.rounds.length, this.snap.run.maxRounds) }))
        void this.awaitRoundThenContinue(resumeTurnId).then((go) => {
          if (go) void this.loop(resumeTurnId);
        });
    }
    return true;
  }

  // ---- the loop -------------------------------------------------------------------------------

  /** Starts a new assistant turn at the end of the path, or as a sibling of `siblingOf` (regenerate). */
  private startTurn(siblingOf?: string) {
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

  private async loop(turnId: string) {
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
  private async awaitRoundThenContinue(turnId: string): Promise<boolean> {
    await new Promise<void>((resolve) => {
      this.roundWaiter = resolve;
      this.checkRound();
    });
    if (this.snap.run.phase === 'idle') return false;
    if (!this.dispatch({ type: 'calls-settled' })) return false;
    const run = this.snap.run;
    if (run.phase === 'idle') {
      const notice =
        run.outcome === 'max_rounds'
          ? `Stopped after ${run.maxRounds} rounds of tool calls (the limit). Send a message to let the model continue.`
          : 'Stopped after this round, as you asked. The tool results are kept.';
      this.finish(null, turnId, { notice });
      return false;
    }
    return true;
  }

  /** Streams one round into the turn; returns its index, or null when it failed or was stopped. */
  private async streamRound(turnId: string): Promise<number | null> {
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
      // A burst of events is folded in slices, so a fast stream never blocks painting or input.
      const slicer = createTimeSlicer();
      for await (const event of model.stream({ messages: transcript, tools: this.opts.tools.specs(), signal: abort.signal })) {
        if (abort.signal.aborted) break;
        this.apply(event);
        if (slicer.due()) await slicer.yieldNow();
      }
      if (abort.signal.aborted) return null;
      this.getSnapshot();
      this.live = null;
      return round;
    } catch (e) {
      if (abort.signal.aborted || this.snap.run.phase === 'idle') return null;
      this.getSnapshot();
      this.live = null;
      const error = e instanceof ModelError ? e : new ModelError('stream', (e as Error)?.message || String(e));
      const now = findTurn(this.snap.conversation, turnId)!;
      for (const call of roundCalls(now, round))
        if (call.status === 'streaming_args') this.settleCall(turnId, call.id, { type: 'args-cut' }, {});
      this.finish('error', turnId, { error: { message: error.message, kind: error.kind, status: error.status } });
      return null;
    } finally {
      if (this.streamAbort === abort) this.streamAbort = null;
    }
  }

  private apply(event: ModelEvent) {
    const live = this.live!;
    if (event.type === 'raw') return;
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
  private completeArgs(turnId: string, call: ToolCallState, finishReason: string | null | undefined) {
    if (call.status !== 'streaming_args') return;
    if (call.parseError && finishReason === 'length') {
      // Cut off by the token limit: incomplete, never run with guessed arguments.
      this.settleCall(turnId, call.id, { type: 'args-cut' }, {});
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
    const policy = check.tool.policy;
    this.patchCall(turnId, call.id, { type: 'args-complete', valid: true, needsApproval: policy === 'ask' }, { policy });
  }

  /** A runaway model asking for dozens of calls at once gets an error for the excess, not a flood of tools. */
  private refuseOverLimit(turnId: string, call: ToolCallState, limit: number) {
    const error = `Too many tool calls in one round (the limit is ${limit}); this call was not run`;
    this.settleCall(turnId, call.id, { type: 'args-complete', valid: false, needsApproval: false }, {
      validationError: error,
      resultText: `Error: ${error}. Make fewer calls per round.`,
    });
  }

  private async execute(turnId: string, callId: string) {
    const call = findTurn(this.snap.conversation, turnId)?.calls[callId];
    const tool = call && this.opts.tools.get(call.name);
    if (!call || !tool || call.status !== 'queued') return;
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

  private requeue(turnId: string, callId: string, args: unknown) {
    this.patchCall(turnId, callId, { type: 'rerun', needsApproval: false }, {
      editedArgs: args,
      outcome: undefined,
      resultText: undefined,
      rejectReason: undefined,
      endedAt: undefined,
    });
  }

  /** The active path up to this turn, trimmed to the context window; records where the model's view begins. */
  private transcriptFor(turnId: string) {
    const path = pathTo(this.snap.conversation, turnId);
    const systemPrompt = this.opts.systemPrompt?.();
    const contextTokens = this.opts.contextTokens?.();
    if (!contextTokens) return buildTranscript(path, systemPrompt);
    const fit = fitToBudget(path, { systemPrompt, contextTokens, tools: this.opts.tools.specs() });
    const contextStartId = fit.firstKeptId ?? undefined;
    if (findTurn(this.snap.conversation, turnId)?.contextStartId !== contextStartId)
      this.setConversation(updateTurn(this.snap.conversation, turnId, (t) => ({ ...t, contextStartId })));
    return fit.transcript;
  }

  /** Moves the run on when the user has decided every pending call / every call has settled. */
  private checkRound() {
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

  // ---- state plumbing -------------------------------------------------------------------------

  /** A method, not a property read, so TypeScript does not narrow the phase across awaits and dispatches. */
  private phase() {
    return this.snap.run.phase;
  }

  private activeCall(callId: string, status?: ToolCallState['status']) {
    const turnId = this.snap.turnId;
    const call = findTurn(this.snap.conversation, turnId)?.calls[callId];
    if (!turnId || !call || (status && call.status !== status)) return null;
    return { turnId, call };
  }

  private patchCall(turnId: string, callId: string, event: CallEvent, patch: Partial<ToolCallState>): boolean {
    const call = findTurn(this.snap.conversation, turnId)?.calls[callId];
    if (!call) return false;
    const next = transitionCall(call.status, event);
    this.record(`call ${call.name}: ${event.type}`, call.status, next.status, next.ok, next.ok ? undefined : next.reason);
    if (!next.ok) return false;
    this.setConversation(updateCall(this.snap.conversation, turnId, callId, (c) => ({ ...c, ...patch, status: next.status })));
    return true;
  }

  private settleCall(turnId: string, callId: string, event: CallEvent, patch: Partial<ToolCallState>) {
    this.patchCall(turnId, callId, event, { ...patch, endedAt: Date.now() });
  }

  private finish(event: 'stop' | 'error' | null, turnId: string | null, patch: Partial<AssistantMessage>) {
    if (event) this.dispatch({ type: event });
    this.roundWaiter?.();
    this.roundWaiter = null;
    if (!turnId) return;
    const outcome = this.snap.run.outcome ?? 'completed';
    this.setConversation(updateTurn(this.snap.conversation, turnId, (t) => ({ ...t, ...patch, outcome })));
  }

  private dispatch(event: RunEvent): boolean {
    const from = this.snap.run;
    const result = transition(from, event);
    this.record(event.type, from.phase, result.state.phase, result.ok, result.ok ? undefined : result.reason);
    if (result.ok) {
      this.snap = { ...this.snap, run: result.state };
      this.emit();
    }
    return result.ok;
  }

  private record(event: string, from: string, to: string, ok: boolean, reason?: string) {
    const log = this.snap.log.length >= 500 ? this.snap.log.slice(-400) : this.snap.log.slice();
    log.push({ at: Date.now(), event, from, to, ok, reason });
    this.snap = { ...this.snap, log };
  }

  private setConversation(conversation: Conversation, notify = true) {
    this.snap = { ...this.snap, conversation };
    if (notify) this.emit();
  }

  private emit() {
    for (const l of this.listeners) l();
  }
}

function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

export type { Part };
