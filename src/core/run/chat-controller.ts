import type { Conversation, Part } from '../conversation/types';
import { isCutOff } from '../conversation/transcript';
import type { ToolRegistry } from '../tools/registry';
import type { ModelClient } from '../protocols/types';
import type { PermissionRule } from '../permissions/types';
import { initialRunState } from './machine';
import { findTurn, lastOf, updateTurn } from './turn-updates';
import { activePath, addSibling, appendToPath, selectBranch } from '../conversation/tree';
import { DirectCommands, titleFrom, type CommandTool, type DirectRunRefusal } from './direct-call';
import { recoverInterrupted } from './recover';
import { RunStore, type ChatSnapshot } from './run-store';
import { CallExecution } from './call-execution';
import { RoundStreaming } from './round-streaming';
import { Interventions } from './interventions';
import type { CallRefusal } from './refusals';
import type { RunObserver } from './run-observer';

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

/**
 * One conversation's runs, composed from parts that each take what they need: the store (state and
 * the one commit path), call execution, round streaming, direct commands and interventions.
 * Framework-free: React subscribes and renders snapshots; the UI only calls these methods.
 */
export class ChatController {
  private readonly store: RunStore;
  private readonly rounds: RoundStreaming;
  private readonly direct: DirectCommands;
  private readonly interventions: Interventions;
  private readonly newId: () => string;

  constructor(
    private readonly opts: ChatControllerOptions,
    conversation?: Conversation,
  ) {
    const newId = (this.newId = opts.newId ?? (() => crypto.randomUUID()));
    const store = (this.store = new RunStore({ maxRounds: opts.maxRounds, observer: opts.observer, newId }, conversation));
    const calls = new CallExecution({ store, tools: opts.tools, permissions: opts.permissions });
    const rounds = (this.rounds = new RoundStreaming({
      store,
      calls,
      model: opts.model,
      maxCallsPerRound: opts.maxCallsPerRound,
      systemPrompt: opts.systemPrompt,
      contextTokens: opts.contextTokens,
      observer: opts.observer,
      newId,
    }));
    this.direct = new DirectCommands({ store, calls, rounds, tools: opts.tools, newId });
    this.interventions = new Interventions({ store, calls, rounds, tools: opts.tools, newId });
  }

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  /** The current state, with the round being streamed folded in; the same object until something changes. */
  getSnapshot = (): ChatSnapshot => this.store.getSnapshot();

  /** While a round streams: when the server last sent something (ms since the epoch); null otherwise. */
  quietSince(): number | null {
    return this.rounds.quietSince();
  }

  private get snap(): ChatSnapshot {
    return this.store.state;
  }

  /** Sends a user message and runs the model. Returns false when a run is already in flight. */
  send(text: string): boolean {
    if (this.snap.run.phase !== 'idle' || !text.trim()) return false;
    const conv = this.snap.conversation;
    const title = conv.messages.length === 0 ? titleFrom(text) : conv.title;
    const user = { id: this.newId(), role: 'user' as const, text, createdAt: Date.now() };
    this.store.setConversation(appendToPath({ ...conv, title }, user));
    this.rounds.startTurn();
    return true;
  }

  /** A new answer to the same user message, as a sibling branch of the last one (which is kept). */
  regenerate(): boolean {
    const path = activePath(this.snap.conversation);
    const last = path[path.length - 1];
    return last?.role === 'assistant' && this.branchFrom(last.id);
  }

  /**
   * "Branch from here": a new answer in place of any answer on the visible path, as a sibling
   * branch. The old answer and everything said after it stay on their branch, one click away.
   */
  branchFrom(answerId: string): boolean {
    const answer = activePath(this.snap.conversation).find((m) => m.id === answerId);
    if (this.snap.run.phase !== 'idle' || answer?.role !== 'assistant') return false;
    if (answer.direct) return this.direct.repeat(answer);
    this.rounds.startTurn(answer.id);
    return true;
  }

  /** Edits a user message: the edit becomes a new branch from that point and the model answers it. */
  editAndResend(userMessageId: string, text: string): boolean {
    const original = this.snap.conversation.messages.find((m) => m.id === userMessageId);
    if (this.snap.run.phase !== 'idle' || original?.role !== 'user' || !text.trim()) return false;
    const user = { id: this.newId(), role: 'user' as const, text, createdAt: Date.now() };
    this.store.setConversation(addSibling(this.snap.conversation, userMessageId, user));
    this.rounds.startTurn();
    return true;
  }

  /** Sets this conversation's own instructions (its system prompt); they apply from the next request. */
  setSystemPrompt(text: string): boolean {
    if (this.snap.run.phase !== 'idle') return false;
    const systemPrompt = text.trim() ? text : undefined;
    this.store.setConversation({ ...this.snap.conversation, systemPrompt, updatedAt: Date.now() });
    return true;
  }

  /** Switches the visible branch at a fork (only between runs). */
  selectBranch(messageId: string): boolean {
    if (this.snap.run.phase !== 'idle') return false;
    const conversation = selectBranch(this.snap.conversation, messageId);
    const turnId = lastOf(activePath(conversation), 'assistant')?.id ?? null;
    this.store.update({ conversation, turnId });
    return true;
  }

  /**
   * Goes on with the latest answer after it was cut at the model's output limit, in the same turn. A
   * cut text answer is extended in place (the continuation joins the text); when the cut round has
   * calls (cut mid-arguments, so never run) a new round tells the model so and lets it go on.
   */
  continueTurn(): boolean {
    const path = activePath(this.snap.conversation);
    const turn = path[path.length - 1];
    if (this.snap.run.phase !== 'idle' || turn?.role !== 'assistant' || turn.direct || !isCutOff(turn)) return false;
    const extend = !turn.rounds.at(-1)!.parts.some((p) => p.type === 'tool-call');
    const conversation = updateTurn(this.snap.conversation, turn.id, (t) => ({ ...t, outcome: undefined, error: undefined, notice: undefined, noticeCode: undefined }));
    this.store.update({ conversation, turnId: turn.id });
    if (!this.store.dispatch({ type: 'start' })) return false;
    void this.rounds.loop(turn.id, extend);
    return true;
  }

  /** After a failure: drops the broken round and continues the same turn (tool results already obtained are kept). */
  retry(): boolean {
    const turn = findTurn(this.snap.conversation, this.snap.turnId);
    if (this.snap.run.phase !== 'idle' || !turn || turn.outcome !== 'failed') return false;
    // A continuation that failed left the cut answer (and what arrived of its rest) in place: go on from there.
    if (isCutOff(turn)) return this.continueTurn();
    const rounds = turn.rounds.slice(0, -1);
    const kept = new Set(rounds.flatMap((r) => r.parts.flatMap((p) => (p.type === 'tool-call' ? [p.callId] : []))));
    const calls = Object.fromEntries(Object.entries(turn.calls).filter(([id]) => kept.has(id)));
    this.store.setConversation(
      updateTurn(this.snap.conversation, turn.id, (t) => ({ ...t, rounds, calls, outcome: undefined, error: undefined, notice: undefined, noticeCode: undefined })),
    );
    if (!this.store.dispatch({ type: 'start' })) return false;
    void this.rounds.loop(turn.id);
    return true;
  }

  /** Stops whatever runs: the stream is aborted, running tools get their AbortSignal, pending calls are cancelled. */
  stop(): void {
    this.interventions.stop();
  }

  /** Lets running tools finish but sends nothing more to the model. */
  stopAfterRound(): void {
    this.interventions.stopAfterRound();
  }

  /** Approves a waiting call (with edited arguments, checked first); null once it runs, else why not. */
  approve(callId: string, editedArgs?: unknown): CallRefusal | null {
    return this.interventions.approve(callId, editedArgs);
  }

  approveAll(): void {
    this.interventions.approveAll();
  }

  /**
   * Re-decides the calls waiting for approval after the user's permission rules changed: a call the
   * rules now allow runs (e.g. after "Always allow"), one they deny is refused, the rest keep waiting.
   */
  applyPermissions(): void {
    this.interventions.applyPermissions();
  }

  reject(callId: string, reason?: string): void {
    this.interventions.reject(callId, reason);
  }

  /** Cancels one call; the rest of the round goes on. */
  cancelCall(callId: string): void {
    this.interventions.cancelCall(callId);
  }

  /**
   * Re-runs a call with edited arguments. A running call is cancelled and restarted within its round; a
   * finished call of the last turn replaces its result, drops what followed it and continues from there.
   */
  rerunCall(callId: string, args: unknown): CallRefusal | null {
    return this.interventions.rerunCall(callId, args);
  }

  /** Every registered tool with what the user's permissions make of it now (`deny`: a command may not run it). */
  commandTools(): CommandTool[] {
    return this.direct.commandTools();
  }

  /**
   * Runs one tool without the model (a slash command); with `editOf`, as an edit of that user
   * message. Resolves to null once the run started, or to why it did not (nothing changed then).
   */
  runTool(name: string, args: unknown, commandText: string, editOf?: string): Promise<DirectRunRefusal | null> {
    return this.direct.runTool(name, args, commandText, editOf);
  }

  /**
   * Replaces the conversation (New chat, opening a saved one); refused while a run is in flight.
   * A run that was interrupted by a reload is repaired, and resumed when calls still await approval.
   */
  load(saved: Conversation): boolean {
    if (this.snap.run.phase !== 'idle') return false;
    this.store.endLive();
    const { conversation, resumeTurnId } = recoverInterrupted(saved);
    const turnId = lastOf(activePath(conversation), 'assistant')?.id ?? null;
    this.store.update({ conversation, run: initialRunState(this.opts.maxRounds), turnId });
    if (resumeTurnId) {
      const turn = findTurn(conversation, resumeTurnId)!;
      if (this.store.dispatch({ type: 'resume', round: Math.min(turn.rounds.length, this.snap.run.maxRounds), direct: turn.direct }))
        this.rounds.continueAfterRound(resumeTurnId);
    }
    return true;
  }

}

export type { Part };
export type { ChatSnapshot, TransitionLogEntry } from './run-store';
export type { CommandTool, DirectRunRefusal } from './direct-call';
export type { CallRefusal } from './refusals';
