import type { Conversation, ToolCallState } from '../conversation/types';
import type { ModelClient } from '../protocols/types';
import type { ToolRegistry } from '../tools/registry';
import { initialRunState, transition, type RunEvent, type RunState } from './machine';
import { transitionCall, type CallEvent } from './call-machine';
import { findTurn, updateCall } from './turn-updates';
import { changeCall, type CallChange, type SettledChange } from './call-state';
import type { LiveRound } from './live-round';
import { emptyConversation } from '../conversation/tree';
import type { RetryInfo } from '../protocols/retry-policy';
import type { PermissionRule } from '../permissions/types';
import type { RunObserver, TransitionContext } from './run-observer';

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
  /**
   * The user's tool permission rules, read whenever a call is decided or tools are offered, so a
   * rule added mid-run applies to the next call. Absent: every tool follows its own policy.
   */
  permissions?: () => readonly PermissionRule[];
  /** Told about every transition, request and streamed event (the inspector); absent costs nothing. */
  observer?: RunObserver;
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
  /** Set while a failed request waits to be sent again (before any output); cleared when output arrives. */
  retrying?: RetryInfo & {
    /** When the wait began (ms since the epoch), so the UI can count down to the next attempt. */
    since: number;
  };
}

type Listener = () => void;

/**
 * The controller's state plumbing: the immutable snapshot React reads, change notification, and the
 * two transition tables every change goes through (an illegal event is logged, never applied).
 */
export abstract class ControllerState {
  protected snap: ChatSnapshot;
  protected live: LiveRound | null = null;
  protected readonly opts: ChatControllerOptions;
  protected readonly newId: () => string;
  private readonly listeners = new Set<Listener>();

  constructor(opts: ChatControllerOptions, conversation?: Conversation) {
    this.opts = opts;
    this.newId = opts.newId ?? (() => crypto.randomUUID());
    this.snap = {
      conversation: conversation ?? emptyConversation(this.newId()),
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

  /** A method, not a property read, so TypeScript does not narrow the phase across awaits and dispatches. */
  protected phase() {
    return this.snap.run.phase;
  }

  protected activeCall(callId: string, status?: ToolCallState['status']) {
    const turnId = this.snap.turnId;
    const call = findTurn(this.snap.conversation, turnId)?.calls[callId];
    if (!turnId || !call || (status && call.status !== status)) return null;
    return { turnId, call };
  }

  /**
   * Moves a call on: the table must allow `event`, and lead to the status `change` describes (the
   * caller knows which: valid or not, ask or run). Anything else is logged and not applied.
   */
  protected patchCall(turnId: string, callId: string, event: CallEvent, change: CallChange): boolean {
    const call = findTurn(this.snap.conversation, turnId)?.calls[callId];
    if (!call) return false;
    const next = transitionCall(call.status, event);
    const ok = next.ok && next.status === change.status;
    const reason = !next.ok ? next.reason : ok ? undefined : `"${event.type}" leads to ${next.status}, not ${change.status}`;
    this.record(`call ${call.name}: ${event.type}`, call.status, next.status, ok, reason, { turnId, call: { id: callId, name: call.name } });
    if (!ok) return false;
    this.setConversation(updateCall(this.snap.conversation, turnId, callId, (c) => changeCall(c, change)));
    return true;
  }

  protected settleCall(turnId: string, callId: string, event: CallEvent, change: SettledChange) {
    this.patchCall(turnId, callId, event, { ...change, endedAt: Date.now() });
  }

  protected dispatch(event: RunEvent): boolean {
    const from = this.snap.run;
    const result = transition(from, event);
    this.record(event.type, from.phase, result.state.phase, result.ok, result.ok ? undefined : result.reason, { outcome: result.state.outcome });
    if (result.ok) {
      this.snap = { ...this.snap, run: result.state };
      this.emit();
    }
    return result.ok;
  }

  protected record(event: string, from: string, to: string, ok: boolean, reason?: string, context?: Partial<TransitionContext>) {
    const log = this.snap.log.length >= 500 ? this.snap.log.slice(-400) : this.snap.log.slice();
    const entry = { at: Date.now(), event, from, to, ok, reason };
    log.push(entry);
    this.snap = { ...this.snap, log };
    this.opts.observer?.transition?.(entry, { turnId: this.snap.turnId, ...context });
  }

  protected setConversation(conversation: Conversation, notify = true) {
    this.snap = { ...this.snap, conversation };
    if (notify) this.emit();
  }

  protected emit() {
    for (const l of this.listeners) l();
  }
}
