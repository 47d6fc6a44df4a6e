import type { CallIn, Conversation, Part, ToolCallState } from '../conversation/types';
import type { ModelEvent, ReasoningBlock } from '../protocols/types';
import { updateTurn } from './turn-updates';

/**
 * The round being streamed, kept mutable so each delta costs O(1); `commit` folds it into the
 * immutable conversation, which the controller does at most once per read (once per frame).
 */
export interface LiveRound {
  readonly turnId: string;
  readonly round: number;
  readonly dirty: boolean;
  apply(event: ModelEvent): void;
  commit(conv: Conversation): Conversation;
}

export function createLiveRound(turnId: string, round: number, newId: () => string): LiveRound {
  const parts: Part[] = [];
  const reasoningBlocks: ReasoningBlock[] = [];
  const calls = new Map<number, CallIn<'streaming_args'>>();
  let dirty = false;
  let takenIds: Set<string> | null = null;

  function appendText(type: 'text' | 'reasoning', text: string) {
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else parts.push({ type, text });
  }

  return {
    turnId,
    round,
    get dirty() {
      return dirty;
    },
    apply(event) {
      dirty = true;
      switch (event.type) {
        case 'text-delta':
          return appendText('text', event.text);
        case 'reasoning-delta':
          return appendText('reasoning', event.text);
        case 'tool-call-start': {
          const call: CallIn<'streaming_args'> = { id: event.id || newId(), name: event.name, round, argsText: '', status: 'streaming_args' };
          calls.set(event.index, call);
          parts.push({ type: 'tool-call', callId: call.id });
          return;
        }
        case 'tool-call-delta': {
          const call = calls.get(event.index);
          if (call) call.argsText += event.argsText;
          return;
        }
        case 'reasoning-block':
          reasoningBlocks.push(event.block);
          return;
        case 'tool-call-end': {
          const call = calls.get(event.index);
          if (!call) return;
          call.argsText = event.argsText;
          call.args = event.args;
          call.parseError = event.parseError;
          return;
        }
        default:
          return;
      }
    },
    commit(conv) {
      dirty = false;
      return updateTurn(conv, turnId, (t) => {
        // Providers may reuse ids across rounds; a call id must stay unique within the turn.
        takenIds ??= new Set(Object.keys(t.calls));
        for (const call of calls.values()) {
          if (!takenIds.has(call.id) || t.calls[call.id]?.round === round) continue;
          const old = call.id;
          let n = 2;
          while (takenIds.has(`${old}_${n}`)) n++;
          call.id = `${old}_${n}`;
          for (const p of parts) if (p.type === 'tool-call' && p.callId === old) p.callId = call.id;
        }
        const copies: Record<string, ToolCallState> = {};
        for (const call of calls.values()) {
          takenIds.add(call.id);
          const prev = t.calls[call.id];
          // A call the run already moved on (decided, settled) is no longer the stream's to change.
          copies[call.id] = prev && prev.status !== 'streaming_args' ? prev : { ...prev, ...call };
        }
        const rounds = t.rounds.slice();
        rounds[round] = { ...rounds[round], parts: parts.map((p) => ({ ...p })), ...(reasoningBlocks.length ? { reasoningBlocks: reasoningBlocks.slice() } : {}) };
        return { ...t, rounds, calls: { ...t.calls, ...copies } };
      });
    },
  };
}
