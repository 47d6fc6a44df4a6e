import type { Conversation, Part } from '../conversation/types';
import type { ModelEvent } from '../protocols/types';
import type { RetryInfo } from '../protocols/retry-policy';
import { emptyConversation } from '../conversation/tree';
import { initialRunState, transition, type RunEvent, type RunState } from './machine';
import { transitionCall, type CallEvent } from './call-machine';
import { changeCall, type CallChange, type SettledChange } from './call-state';
import { createLiveRound, type LiveRound } from './live-round';
import { findTurn, updateCall } from './turn-updates';
import { roundProgress } from './round-progress';
import type { RunObserver, TransitionContext } from './run-observer';

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
 * A run's state and the one path every change takes: `commit` assigns the snapshot (nowhere else
 * does), tells the subscribers, and then asks whether the round has moved on — every pending call
 * decided, or every call settled — so no caller has to remember to check. Run and call events go
 * through their transition tables first; an illegal one is logged and not applied.
 *
 * The round being streamed lives beside the snapshot in a mutable `LiveRound` (O(1) per delta);
 * `getSnapshot` shows it folded in, computed at most once per change, while the run folds it into
 * the snapshot itself only when it must (`flushLive`), so reading never changes the state.
 */
export class RunStore {
  private snap: ChatSnapshot;
  private live: LiveRound | null = null;
  /** Deltas arrived since the live round was last folded into the state (a reader's fold does not count). */
  private liveAhead = false;
  /** The snapshot with the live round folded in, until the next change. */
  private view: ChatSnapshot | null = null;
  private readonly listeners = new Set<Listener>();
  /** Resolves the wait for the current round's calls (set while the loop waits). */
  private waiter: (() => void) | null = null;
  /** Commits inside `batch` wait for its end to notify and check the round. */
  private batching = 0;
  private checking = false;

  constructor(
    private readonly deps: { maxRounds?: number; observer?: RunObserver; newId: () => string },
    conversation?: Conversation,
  ) {
    this.snap = { conversation: conversation ?? emptyConversation(deps.newId()), run: initialRunState(deps.maxRounds), turnId: null, log: [] };
  }

  /** The committed state, without the live round; what the run decides on. */
  get state(): ChatSnapshot {
    return this.snap;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** What the interface shows: the state with the live round folded in, the same object until something changes. */
  getSnapshot = (): ChatSnapshot => {
    if (!this.view) this.view = this.live ? { ...this.snap, conversation: this.live.commit(this.snap.conversation) } : this.snap;
    return this.view;
  };

  /** The one place the snapshot changes. */
  commit(next: ChatSnapshot, notify = true) {
    this.snap = next;
    this.view = null;
    if (this.batching > 0) return;
    if (notify) this.emit();
    this.checkRound();
  }

  /** Applies several changes as one: the round is checked (and subscribers told) once, at the end. */
  batch<T>(fn: () => T): T {
    this.batching++;
    try {
      return fn();
    } finally {
      if (--this.batching === 0) {
        this.emit();
        this.checkRound();
      }
    }
  }

  update(patch: Partial<ChatSnapshot>, notify = true) {
    this.commit({ ...this.snap, ...patch }, notify);
  }

  setConversation(conversation: Conversation, notify = true) {
    this.update({ conversation }, notify);
  }

  /** Moves the run through its table; an illegal event is logged and changes nothing else. */
  dispatch(event: RunEvent): boolean {
    const from = this.snap.run;
    const result = transition(from, event);
    const log = this.logged(event.type, from.phase, result.state.phase, result.ok, result.ok ? undefined : result.reason, { outcome: result.state.outcome });
    this.commit(result.ok ? { ...this.snap, log, run: result.state } : { ...this.snap, log }, result.ok);
    return result.ok;
  }

  /**
   * Moves a call on: the table must allow `event`, and lead to the status `change` describes (the
   * caller knows which: valid or not, ask or run). Anything else is logged and not applied.
   */
  moveCall(turnId: string, callId: string, event: CallEvent, change: CallChange): boolean {
    const call = findTurn(this.snap.conversation, turnId)?.calls[callId];
    if (!call) return false;
    const next = transitionCall(call.status, event);
    const ok = next.ok && next.status === change.status;
    const reason = !next.ok ? next.reason : ok ? undefined : `"${event.type}" leads to ${next.status}, not ${change.status}`;
    const log = this.logged(`call ${call.name}: ${event.type}`, call.status, next.status, ok, reason, { turnId, call: { id: callId, name: call.name } });
    const conversation = ok ? updateCall(this.snap.conversation, turnId, callId, (c) => changeCall(c, change)) : this.snap.conversation;
    this.commit({ ...this.snap, log, conversation }, ok);
    return ok;
  }

  /** Settles a call, stamping when it ended. */
  settleCall(turnId: string, callId: string, event: CallEvent, change: SettledChange): boolean {
    return this.moveCall(turnId, callId, event, { ...change, endedAt: Date.now() });
  }

  /** Progress, content and the like: a call's own fields that do not change its status. */
  touchCall(turnId: string, callId: string, fn: Parameters<typeof updateCall>[3]) {
    this.setConversation(updateCall(this.snap.conversation, turnId, callId, fn));
  }

  // ---- the round being streamed ----------------------------------------------------------------

  startLive(turnId: string, round: number, seed?: readonly Part[]) {
    this.live = createLiveRound(turnId, round, this.deps.newId, seed);
    this.liveAhead = false;
    this.view = null;
  }

  get liveRound(): LiveRound | null {
    return this.live;
  }

  /** One streamed delta: O(1) on the live round; subscribers are told, the fold waits for a reader. */
  applyLive(event: ModelEvent) {
    if (!this.live) return;
    this.live.apply(event);
    this.liveAhead = true;
    this.view = null;
    this.emit();
  }

  /** Folds the live round into the state (it keeps streaming), when the run must decide on it. */
  flushLive(notify = false) {
    if (!this.live || !this.liveAhead) return;
    this.liveAhead = false;
    this.commit({ ...this.snap, conversation: this.live.commit(this.snap.conversation) }, notify);
  }

  /** Folds the live round in for the last time and lets it go. */
  endLive() {
    this.flushLive();
    this.live = null;
    this.view = null;
  }

  // ---- waiting for a round's calls -------------------------------------------------------------

  /** Resolves once every call of the current round has settled (or the run was released). */
  whenRoundSettled(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiter = resolve;
      this.checkRound();
    });
  }

  /** Lets a waiting loop go on (a stop or an error ended the run). */
  releaseWaiter() {
    const resolve = this.waiter;
    this.waiter = null;
    resolve?.();
  }

  /** Moves the run on when the user has decided every pending call, and wakes the loop once every call settled. */
  private checkRound() {
    if (this.checking) return;
    this.checking = true;
    try {
      const progress = roundProgress(this.snap);
      if (progress === 'approvals-done') this.dispatch({ type: 'approvals-done' });
      if (roundProgress(this.snap) === 'settled') this.releaseWaiter();
    } finally {
      this.checking = false;
    }
  }

  /** The log with this transition added (kept to the last 400-500), told to the observer. */
  private logged(event: string, from: string, to: string, ok: boolean, reason?: string, context?: Partial<TransitionContext>): TransitionLogEntry[] {
    const log = this.snap.log.length >= 500 ? this.snap.log.slice(-400) : this.snap.log.slice();
    const entry = { at: Date.now(), event, from, to, ok, reason };
    log.push(entry);
    this.deps.observer?.transition?.(entry, { turnId: this.snap.turnId, ...context });
    return log;
  }

  emit() {
    for (const l of this.listeners) l();
  }
}
