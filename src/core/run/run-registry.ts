import type { AssistantMessage, Conversation } from '../conversation/types';
import { activePath } from '../conversation/tree';
import type { ChatController, ChatSnapshot } from './chat-controller';
import { findTurn } from './turn-updates';

/** How many conversations may run at once when the settings say nothing. */
export const DEFAULT_MAX_RUNS = 4;

/** What a conversation is doing, for the sidebar badge; a code, worded by the UI. */
export type LiveState =
  | { kind: 'idle' }
  | { kind: 'streaming' }
  | { kind: 'tool'; name: string }
  | { kind: 'approval'; count: number }
  | { kind: 'failed' }
  | { kind: 'cut-off' };

/** Why a conversation may not start a run now. */
export type StartRefusal = { code: 'run-limit'; limit: number };

const IDLE: LiveState = { kind: 'idle' };

/**
 * The state a snapshot shows. Approvals come first (they wait for the user), then a running tool,
 * then streaming; after a run, a failure or a cut-off answer (token limit, reload) stays visible.
 */
export function liveStateOf(snap: ChatSnapshot): LiveState {
  const { phase } = snap.run;
  const turn = findTurn(snap.conversation, snap.turnId) ?? lastAssistant(snap.conversation);
  if (phase === 'idle') return turn ? endedState(turn) : IDLE;
  const calls = Object.values(turn?.calls ?? {});
  const waiting = calls.filter((c) => c.status === 'pending_approval').length;
  if (waiting > 0) return { kind: 'approval', count: waiting };
  const running = calls.find((c) => c.status === 'running' || c.status === 'queued');
  if (running) return { kind: 'tool', name: running.name };
  return { kind: 'streaming' };
}

function endedState(turn: AssistantMessage): LiveState {
  if (turn.outcome === 'failed') return { kind: 'failed' };
  if (turn.noticeCode?.code === 'interrupted' || turn.rounds.at(-1)?.finishReason === 'length') return { kind: 'cut-off' };
  return IDLE;
}

function lastAssistant(conv: Conversation): AssistantMessage | undefined {
  const last = activePath(conv).at(-1);
  return last?.role === 'assistant' ? last : undefined;
}

export function sameLiveState(a: LiveState, b: LiveState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'tool' && b.kind === 'tool') return a.name === b.name;
  if (a.kind === 'approval' && b.kind === 'approval') return a.count === b.count;
  return true;
}

export interface RunRegistryOptions {
  /** A fresh controller; each one serves exactly one conversation for its whole life. */
  create(): ChatController;
  /** The limit, read at every start so a settings change applies at once. */
  maxRuns(): number;
  /** A controller joined the registry (the session binds its store and autosave here). */
  onOpen?(id: string, controller: ChatController): void;
  /** A controller left the registry (after being stopped); it is not used again. */
  onClose?(id: string, controller: ChatController): void;
}

/**
 * Owns the controllers of the conversations that are open or running, one per conversation, so
 * that every action reaches the conversation it was made in and no other. Framework-free: the
 * session decides which one is on screen; the registry keeps the runs and their limit.
 */
export interface RunRegistry {
  /** The controller of this conversation: the one already here (a run keeps going), or a new one loaded with it. */
  open(conversation: Conversation): ChatController;
  get(id: string): ChatController | undefined;
  ids(): string[];
  isRunning(id: string): boolean;
  /** The conversations with a run in flight. */
  running(): string[];
  /** Null when `id` may start a run now; otherwise why not (it is not counted against itself). */
  admit(id: string): StartRefusal | null;
  /** Stops this conversation's run; no other is touched. */
  stop(id: string): void;
  /** Stops the conversation's run if there is one and forgets its controller; true when a run was stopped. */
  remove(id: string): boolean;
  /** Forgets the controller of an idle conversation (it left the screen); false, and kept, while it runs. */
  release(id: string): boolean;
}

export function createRunRegistry(opts: RunRegistryOptions): RunRegistry {
  const controllers = new Map<string, ChatController>();
  const isRunning = (id: string) => {
    const controller = controllers.get(id);
    return controller !== undefined && controller.getSnapshot().run.phase !== 'idle';
  };
  const close = (id: string) => {
    const controller = controllers.get(id);
    if (!controller) return;
    controllers.delete(id);
    opts.onClose?.(id, controller);
  };

  const registry: RunRegistry = {
    open(conversation) {
      const found = controllers.get(conversation.id);
      if (found) return found;
      const controller = opts.create();
      controller.load(conversation);
      controllers.set(conversation.id, controller);
      opts.onOpen?.(conversation.id, controller);
      return controller;
    },
    get: (id) => controllers.get(id),
    ids: () => [...controllers.keys()],
    isRunning,
    running: () => [...controllers.keys()].filter(isRunning),
    admit(id) {
      if (isRunning(id)) return null;
      const limit = Math.max(1, Math.floor(opts.maxRuns()));
      return registry.running().length >= limit ? { code: 'run-limit', limit } : null;
    },
    stop(id) {
      controllers.get(id)?.stop();
    },
    remove(id) {
      const wasRunning = isRunning(id);
      if (wasRunning) controllers.get(id)!.stop();
      close(id);
      return wasRunning;
    },
    release(id) {
      if (isRunning(id)) return false;
      close(id);
      return true;
    },
  };
  return registry;
}
