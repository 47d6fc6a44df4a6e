import type { AssistantMessage, Conversation, Part } from '../conversation/types';
import { rejectionText } from '../conversation/transcript';
import { validateCall } from '../tools/execute';
import { initialRunState } from './machine';
import { isSettled } from './call-machine';
import { findTurn, lastOf, updateTurn } from './turn-updates';
import { activePath, addSibling, appendToPath, selectBranch } from '../conversation/tree';
import { DirectRunner, titleFrom } from './direct-call';
import { recoverInterrupted } from './recover';
import { deniedResultText } from '../permissions';
import type { CallRefusal } from './refusals';


/**
 * The agent loop: streams a round, assembles tool calls, asks or runs them, feeds results back and
 * streams the next round until the model answers, the user stops, or the round limit is reached.
 * Framework-free: React subscribes and renders snapshots; the UI only calls these methods.
 */
export class ChatController extends DirectRunner {
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
    if (last.direct) return this.repeatDirect(last);
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

  /** Sets this conversation's own instructions (its system prompt); they apply from the next request. */
  setSystemPrompt(text: string): boolean {
    if (this.snap.run.phase !== 'idle') return false;
    const systemPrompt = text.trim() ? text : undefined;
    this.setConversation({ ...this.snap.conversation, systemPrompt, updatedAt: Date.now() });
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
      updateTurn(this.snap.conversation, turn.id, (t) => ({ ...t, rounds, calls, outcome: undefined, error: undefined, notice: undefined, noticeCode: undefined })),
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
        this.settleCall(turnId, call.id, { type: 'cancel' }, { status: 'cancelled', resultText: 'The user stopped the run; this call did not finish.' });
      }
    }
    this.finish('stop', turnId, {});
  }

  /** Lets running tools finish but sends nothing more to the model. */
  stopAfterRound(): void {
    this.dispatch({ type: 'stop-after-round' });
  }

  /** Approves a waiting call (with edited arguments, checked first); null once it runs, else why not. */
  approve(callId: string, editedArgs?: unknown): CallRefusal | null {
    const found = this.activeCall(callId, 'pending_approval');
    if (!found) return { code: 'not_waiting' };
    const tool = this.opts.tools.get(found.call.name);
    // An MCP server's tools vanish while it is disconnected (e.g. just after a reload): the call
    // keeps waiting rather than being approved into nothing.
    if (!tool) return { code: 'unavailable' };
    if (this.permissionOf(tool) === 'deny') {
      this.applyPermissions();
      return { code: 'denied' };
    }
    if (editedArgs !== undefined) {
      const check = validateCall(this.opts.tools, found.call.name, editedArgs);
      if (!check.ok) return { code: 'invalid', message: check.error };
    }
    this.patchCall(found.turnId, callId, { type: 'approve' }, editedArgs !== undefined ? { status: 'queued', editedArgs } : { status: 'queued' });
    void this.execute(found.turnId, callId);
    this.checkRound();
    return null;
  }

  approveAll(): void {
    const turn = findTurn(this.snap.conversation, this.snap.turnId);
    for (const call of Object.values(turn?.calls ?? {})) if (call.status === 'pending_approval') this.approve(call.id);
  }

  /**
   * Re-decides the calls waiting for approval after the user's permission rules changed: a call the
   * rules now allow runs (e.g. after "Always allow"), one they deny is refused, the rest keep waiting.
   */
  applyPermissions(): void {
    const turn = findTurn(this.snap.conversation, this.snap.turnId);
    if (!turn || this.snap.run.phase !== 'awaiting_confirmation') return;
    for (const call of Object.values(turn.calls)) {
      const tool = call.status === 'pending_approval' ? this.opts.tools.get(call.name) : undefined;
      const permission = tool && this.permissionOf(tool);
      if (permission === 'allow') this.approve(call.id);
      else if (permission === 'deny')
        this.settleCall(turn.id, call.id, { type: 'reject' }, { status: 'rejected', denied: true, resultText: deniedResultText(call.name) });
    }
    this.checkRound();
  }

  reject(callId: string, reason?: string): void {
    const found = this.activeCall(callId, 'pending_approval');
    if (!found) return;
    this.settleCall(found.turnId, callId, { type: 'reject' }, { status: 'rejected', rejectReason: reason?.trim() || undefined, resultText: rejectionText(reason) });
    this.checkRound();
  }

  /** Cancels one call; the rest of the round goes on. */
  cancelCall(callId: string): void {
    const found = this.activeCall(callId);
    if (!found || isSettled(found.call.status) || found.call.status === 'streaming_args') return;
    this.callAborts.get(callId)?.abort();
    const text = found.call.status === 'running' ? 'The user cancelled this call while it was running.' : 'The user cancelled this call before it ran.';
    this.settleCall(found.turnId, callId, { type: 'cancel' }, { status: 'cancelled', resultText: text });
    this.checkRound();
  }

  /**
   * Re-runs a call with edited arguments. A running call is cancelled and restarted within its round; a
   * finished call of the last turn replaces its result, drops what followed it and continues from there.
   */
  rerunCall(callId: string, args: unknown): CallRefusal | null {
    const turn = findTurn(this.snap.conversation, this.snap.turnId);
    const call = turn?.calls[callId];
    if (!turn || !call) return { code: 'not_in_latest' };
    const check = validateCall(this.opts.tools, call.name, args);
    if (!check.ok) return { code: 'invalid', message: check.error };
    if (this.permissionOf(check.tool) === 'deny') return { code: 'denied' };
    const phase = this.snap.run.phase;
    if (phase !== 'idle') {
      if (call.round !== turn.rounds.length - 1 || phase === 'generating') return { code: 'after_round' };
      // Settle without checkRound: the round must not advance between the cancel and the restart.
      this.callAborts.get(callId)?.abort();
      if (!isSettled(call.status)) this.settleCall(turn.id, callId, { type: 'cancel' }, { status: 'cancelled' });
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
      ...(turn.direct ? { direct: true as const } : {}),
      rounds,
      calls: Object.fromEntries(Object.entries(turn.calls).filter(([id]) => kept.has(id))),
    };
    this.setConversation(addSibling(this.snap.conversation, turn.id, copy));
    this.snap = { ...this.snap, turnId: copy.id };
    const branch = copy.id;
    this.requeue(branch, callId, args);
    if (!this.dispatch({ type: 'resume', round: 1, direct: turn.direct })) return { code: 'not_resumed' };
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
      if (this.dispatch({ type: 'resume', round: Math.min(turn.rounds.length, this.snap.run.maxRounds), direct: turn.direct }))
        void this.awaitRoundThenContinue(resumeTurnId).then((go) => {
          if (go) void this.loop(resumeTurnId);
        });
    }
    return true;
  }

  // ---- the loop -------------------------------------------------------------------------------

}

export type { Part };
export type { ChatControllerOptions, ChatSnapshot, TransitionLogEntry } from './controller-state';
export type { CallRefusal } from './refusals';
