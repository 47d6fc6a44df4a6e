import type { AssistantMessage, ToolCallState } from '../conversation/types';
import { addSibling, appendToPath } from '../conversation/tree';
import { validateCall } from '../tools/execute';
import type { ToolDefinition } from '../tools/types';
import type { Permission } from '../permissions';
import { loadValidator, validatorReady } from '../tools/validate';
import type { ToolRegistry } from '../tools/registry';
import type { RunStore } from './run-store';
import type { CallExecution } from './call-execution';
import type { RoundStreaming } from './round-streaming';
import { findTurn } from './turn-updates';

/** A tool as the command menu offers it. */
export interface CommandTool {
  tool: ToolDefinition;
  permission: Permission;
}

/** Why a direct tool run did not start; the UI words it. */
export type DirectRunRefusal =
  /** A run is already in flight. */
  | { code: 'busy' }
  /** The user's permissions set this tool to Never. */
  | { code: 'denied' }
  /** The argument checker could not be loaded, so nothing may run. */
  | { code: 'unchecked' }
  /** Unknown tool or arguments that do not fit its schema; `message` is the validator's (English) text. */
  | { code: 'invalid'; message: string };

export interface DirectCommandsDeps {
  store: RunStore;
  calls: CallExecution;
  rounds: RoundStreaming;
  tools: ToolRegistry;
  newId: () => string;
}

/**
 * Direct tool runs (slash commands): the user's own call goes through the same decision as a model's
 * — validation, permissions, approval, execution with progress, cancel and stop — and the run ends
 * when it settles, without asking the model. The command and its result stay in the history, so the
 * model sees them with the next message.
 */
export class DirectCommands {
  constructor(private readonly deps: DirectCommandsDeps) {}

  private phase() {
    return this.deps.store.state.run.phase;
  }

  /** Every registered tool with what the user's permissions make of it now (`deny`: a command may not run it). */
  commandTools(): CommandTool[] {
    return this.deps.tools.list().map((tool) => ({ tool, permission: this.deps.calls.permissionOf(tool) }));
  }

  /**
   * Runs one tool without the model: appends `commandText` as the user's message and a direct turn
   * holding the call. With `editOf` (a user message), the command is an edit of it: a new branch
   * from that point, as editAndResend makes for a message. Resolves to null once the run started,
   * or to why it did not (nothing changed then).
   */
  async runTool(name: string, args: unknown, commandText: string, editOf?: string): Promise<DirectRunRefusal | null> {
    const { store, tools, calls, newId } = this.deps;
    if (this.phase() !== 'idle') return { code: 'busy' };
    if (!validatorReady()) {
      // Normally loaded at startup; never run a call whose arguments could not be checked.
      const loaded = await loadValidator().then(
        () => true,
        () => false,
      );
      if (!loaded) return { code: 'unchecked' };
      if (this.phase() !== 'idle') return { code: 'busy' };
    }
    const tool = tools.get(name);
    if (tool && calls.permissionOf(tool) === 'deny') return { code: 'denied' };
    const check = validateCall(tools, name, args);
    if (!check.ok) return { code: 'invalid', message: check.error };
    const conv = store.state.conversation;
    const user = { id: newId(), role: 'user' as const, text: commandText, createdAt: Date.now() };
    const edited = editOf !== undefined && conv.messages.some((m) => m.id === editOf && m.role === 'user');
    if (edited) store.setConversation(addSibling(conv, editOf, user));
    else store.setConversation(appendToPath({ ...conv, title: conv.messages.length === 0 ? titleFrom(commandText) : conv.title }, user));
    this.startDirectTurn(name, args);
    return null;
  }

  /** "Regenerate" on a direct turn runs the same command again, as a sibling branch (the first run is kept). */
  repeat(turn: AssistantMessage): boolean {
    const call = Object.values(turn.calls)[0];
    if (this.phase() !== 'idle' || !call) return false;
    this.startDirectTurn(call.name, call.args ?? {}, turn.id);
    return true;
  }

  private startDirectTurn(name: string, args: unknown, siblingOf?: string) {
    const { store, calls, rounds, newId } = this.deps;
    const call: ToolCallState = { id: this.directCallId(), name, round: 0, argsText: JSON.stringify(args), args, status: 'streaming_args' };
    const turn: Omit<AssistantMessage, 'parentId'> = {
      id: newId(),
      role: 'assistant',
      createdAt: Date.now(),
      // No model answered; the footer shows the label, so it stays empty rather than naming one.
      model: '',
      direct: true,
      rounds: [{ parts: [{ type: 'tool-call', callId: call.id }], finishReason: 'tool_calls' }],
      calls: { [call.id]: call },
    };
    const conv = store.state.conversation;
    store.update({ turnId: turn.id, conversation: siblingOf ? addSibling(conv, siblingOf, turn) : appendToPath(conv, turn) });
    // The very decision a model's call gets: permissions, schema, ask or run.
    calls.completeArgs(turn.id, call, 'tool_calls');
    const decided = findTurn(store.state.conversation, turn.id)!.calls[call.id];
    if (!store.dispatch({ type: 'start-direct', needsApproval: decided.status === 'pending_approval' })) return;
    if (decided.status === 'queued') void calls.execute(turn.id, call.id);
    void rounds.awaitRoundThenContinue(turn.id);
  }

  /**
   * A call id every provider accepts: Anthropic wants [A-Za-z0-9_-], Mistral exactly nine letters or
   * digits; unique within the conversation.
   */
  private directCallId(): string {
    const taken = new Set(this.deps.store.state.conversation.messages.flatMap((m) => (m.role === 'assistant' ? Object.keys(m.calls) : [])));
    for (let attempt = 0; ; attempt++) {
      const raw = this.deps.newId().replace(/[^A-Za-z0-9]/g, '');
      // An id source that repeats itself (a test's counter, say) still ends in a free id.
      const id = (attempt < 4 ? raw : `${raw}${attempt}`).slice(-9).padStart(9, '0');
      if (!taken.has(id)) return id;
    }
  }
}

/** A conversation's title from its first message: the first line, cut at 60 characters. */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
