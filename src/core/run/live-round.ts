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

/** `seed`: the text parts of a round cut at the output limit, which a continuation extends in place. */
export function createLiveRound(turnId: string, round: number, newId: () => string, seed: readonly Part[] = []): LiveRound {
  const parts: Part[] = seed.map((p) => ({ ...p }));
  const reasoningBlocks: ReasoningBlock[] = [];
  const calls = new Map<number, CallIn<'streaming_args'>>();
  /** Bumped whenever a call's own fields change, so a commit can keep the ones that did not. */
  const versions = new Map<CallIn<'streaming_args'>, number>();
  /** The object each call was last committed as, and at which version. */
  const committed = new Map<CallIn<'streaming_args'>, { version: number; copy: ToolCallState }>();
  let dirty = false;

  function appendText(type: 'text' | 'reasoning', text: string) {
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else parts.push({ type, text });
  }

  function touch(call: CallIn<'streaming_args'>) {
    versions.set(call, (versions.get(call) ?? 0) + 1);
  }

  /** Providers may reuse ids across rounds or within one; a call id must stay unique within the turn. */
  function uniqueIds(existing: Record<string, ToolCallState>) {
    const seen = new Set<string>();
    for (const call of calls.values()) {
      const other = existing[call.id];
      if (seen.has(call.id) || (other && other.round !== round)) {
        const old = call.id;
        let n = 2;
        while (existing[`${old}_${n}`] || seen.has(`${old}_${n}`)) n++;
        call.id = `${old}_${n}`;
        touch(call);
        for (const p of parts) if (p.type === 'tool-call' && p.callId === old) p.callId = call.id;
      }
      seen.add(call.id);
    }
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
          touch(call);
          parts.push({ type: 'tool-call', callId: call.id });
          return;
        }
        case 'tool-call-delta': {
          const call = calls.get(event.index);
          if (!call) return;
          call.argsText += event.argsText;
          touch(call);
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
          touch(call);
          return;
        }
        default:
          return;
      }
    },
    commit(conv) {
      dirty = false;
      return updateTurn(conv, turnId, (t) => {
        uniqueIds(t.calls);
        const copies: Record<string, ToolCallState> = {};
        for (const call of calls.values()) {
          const prev = t.calls[call.id];
          const version = versions.get(call) ?? 0;
          const last = committed.get(call);
          // A call the run already moved on (decided, settled) is no longer the stream's to change,
          // and one that did not change since it was last committed stays the very same object.
          if (prev && prev.status !== 'streaming_args') {
            copies[call.id] = prev;
            continue;
          }
          if (last && last.version === version && (prev === undefined || prev === last.copy)) {
            copies[call.id] = last.copy;
            continue;
          }
          const copy: ToolCallState = { ...prev, ...call };
          committed.set(call, { version, copy });
          copies[call.id] = copy;
        }
        const rounds = t.rounds.slice();
        rounds[round] = { ...rounds[round], parts: parts.map((p) => ({ ...p })), ...(reasoningBlocks.length ? { reasoningBlocks: reasoningBlocks.slice() } : {}) };
        return { ...t, rounds, calls: { ...t.calls, ...copies } };
      });
    },
  };
}
