import type { AssistantMessage } from '../conversation/types';
import { rejectionText } from '../conversation/transcript';
import { addSibling } from '../conversation/tree';
import { validateCall } from '../tools/execute';
import type { ToolRegistry } from '../tools/registry';
import { deniedResultText } from '../permissions';
import { isSettled } from './call-machine';
import { findTurn } from './turn-updates';
import type { CallExecution } from './call-execution';
import type { RoundStreaming } from './round-streaming';
import type { RunStore } from './run-store';
import type { CallRefusal } from './refusals';

export interface InterventionsDeps {
  store: RunStore;
  calls: CallExecution;
  rounds: RoundStreaming;
  tools: ToolRegistry;
  newId: () => string;
}

/**
 * What the user does to a run in flight or to its calls: approve, reject, cancel, re-run, stop.
 * Each acts on this run's state only, through the store, which moves the round on when it can.
 */
export class Interventions {
  constructor(private readonly deps: InterventionsDeps) {}

  /** The call of the current turn, when it is in `status` (any status when absent). */
  private activeCall(callId: string, status?: string) {
    const { turnId, conversation } = this.deps.store.state;
    const call = findTurn(conversation, turnId)?.calls[callId];
    if (!turnId || !call || (status && call.status !== status)) return null;
    return { turnId, call };
  }

  /** Approves a waiting call (with edited arguments, checked first); null once it runs, else why not. */
  approve(callId: string, editedArgs?: unknown): CallRefusal | null {
    const { store, calls, tools } = this.deps;
    const found = this.activeCall(callId, 'pending_approval');
    if (!found) return { code: 'not_waiting' };
    const tool = tools.get(found.call.name);
    // An MCP server's tools vanish while it is disconnected (e.g. just after a reload): the call
    // keeps waiting rather than being approved into nothing.
    if (!tool) return { code: 'unavailable' };
    if (calls.permissionOf(tool) === 'deny') {
      this.applyPermissions();
      return { code: 'denied' };
    }
    if (editedArgs !== undefined) {
      const check = validateCall(tools, found.call.name, editedArgs);
      if (!check.ok) return { code: 'invalid', message: check.error };
    }
    // One change for the store: approved and started, then the round is looked at.
    store.batch(() => {
      store.moveCall(found.turnId, callId, { type: 'approve' }, editedArgs !== undefined ? { status: 'queued', editedArgs } : { status: 'queued' });
      void calls.execute(found.turnId, callId);
    });
    return null;
  }

  approveAll(): void {
    const { store } = this.deps;
    const turn = findTurn(store.state.conversation, store.state.turnId);
    store.batch(() => {
      for (const call of Object.values(turn?.calls ?? {})) if (call.status === 'pending_approval') this.approve(call.id);
    });
  }

  /**
   * Re-decides the calls waiting for approval after the user's permission rules changed: a call the
   * rules now allow runs (e.g. after "Always allow"), one they deny is refused, the rest keep waiting.
   */
  applyPermissions(): void {
    const { store, calls, tools } = this.deps;
    const turn = findTurn(store.state.conversation, store.state.turnId);
    if (!turn || store.state.run.phase !== 'awaiting_confirmation') return;
    store.batch(() => {
      for (const call of Object.values(turn.calls)) {
        const tool = call.status === 'pending_approval' ? tools.get(call.name) : undefined;
        const permission = tool && calls.permissionOf(tool);
        if (permission === 'allow') this.approve(call.id);
        else if (permission === 'deny')
          store.settleCall(turn.id, call.id, { type: 'reject' }, { status: 'rejected', denied: true, resultText: deniedResultText(call.name) });
      }
    });
  }

  reject(callId: string, reason?: string): void {
    const found = this.activeCall(callId, 'pending_approval');
    if (!found) return;
    const rejectReason = reason?.trim() || undefined;
    this.deps.store.settleCall(found.turnId, callId, { type: 'reject' }, { status: 'rejected', rejectReason, resultText: rejectionText(reason) });
  }

  /** Cancels one call; the rest of the round goes on. */
  cancelCall(callId: string): void {
    const found = this.activeCall(callId);
    if (!found || isSettled(found.call.status) || found.call.status === 'streaming_args') return;
    this.deps.calls.abort(callId);
    const text = found.call.status === 'running' ? 'The user cancelled this call while it was running.' : 'The user cancelled this call before it ran.';
    this.deps.store.settleCall(found.turnId, callId, { type: 'cancel' }, { status: 'cancelled', resultText: text });
  }

  /** Stops whatever runs: the stream is aborted, running tools get their AbortSignal, pending calls are cancelled. */
  stop(): void {
    const { store, calls, rounds } = this.deps;
    if (store.state.run.phase === 'idle') return;
    rounds.abortStream();
    store.endLive();
    const turnId = store.state.turnId;
    const turn = findTurn(store.state.conversation, turnId);
    store.batch(() => {
      if (turn && turnId) {
        for (const call of Object.values(turn.calls)) {
          if (isSettled(call.status)) continue;
          calls.abort(call.id);
          store.settleCall(turnId, call.id, { type: 'cancel' }, { status: 'cancelled', resultText: 'The user stopped the run; this call did not finish.' });
        }
      }
      rounds.finish('stop', turnId, {});
    });
  }

  /** Lets running tools finish but sends nothing more to the model. */
  stopAfterRound(): void {
    this.deps.store.dispatch({ type: 'stop-after-round' });
  }

  /**
   * Re-runs a call with edited arguments. A running call is cancelled and restarted within its round; a
   * finished call of the last turn replaces its result, drops what followed it and continues from there.
   */
  rerunCall(callId: string, args: unknown): CallRefusal | null {
    const { store, calls, rounds, tools, newId } = this.deps;
    const turn = findTurn(store.state.conversation, store.state.turnId);
    const call = turn?.calls[callId];
    if (!turn || !call) return { code: 'not_in_latest' };
    const check = validateCall(tools, call.name, args);
    if (!check.ok) return { code: 'invalid', message: check.error };
    if (calls.permissionOf(check.tool) === 'deny') return { code: 'denied' };
    const phase = store.state.run.phase;
    if (phase !== 'idle') {
      if (call.round !== turn.rounds.length - 1 || phase === 'generating') return { code: 'after_round' };
      // One change: the round must not move on between the cancel and the restart.
      store.batch(() => {
        calls.abort(callId);
        if (!isSettled(call.status)) store.settleCall(turn.id, callId, { type: 'cancel' }, { status: 'cancelled' });
        calls.requeue(turn.id, callId, args);
        void calls.execute(turn.id, callId);
      });
      return null;
    }
    // Idle: the re-run becomes a new branch — a copy of the turn up to the call's round — and the old
    // continuation stays reachable through the branch switcher.
    const kept = turn.rounds.slice(0, call.round + 1);
    const keptIds = new Set(kept.flatMap((r) => r.parts.flatMap((p) => (p.type === 'tool-call' ? [p.callId] : []))));
    const copy: Omit<AssistantMessage, 'parentId'> = {
      id: newId(),
      role: 'assistant',
      createdAt: Date.now(),
      model: turn.model,
      ...(turn.direct ? { direct: true as const } : {}),
      rounds: kept,
      calls: Object.fromEntries(Object.entries(turn.calls).filter(([id]) => keptIds.has(id))),
    };
    const branch = copy.id;
    const resumed = store.batch(() => {
      store.update({ conversation: addSibling(store.state.conversation, turn.id, copy), turnId: branch });
      calls.requeue(branch, callId, args);
      if (!store.dispatch({ type: 'resume', round: 1, direct: turn.direct })) return false;
      store.dispatch({ type: 'approvals-done' });
      void calls.execute(branch, callId);
      return true;
    });
    if (!resumed) return { code: 'not_resumed' };
    rounds.continueAfterRound(branch);
    return null;
  }
}
