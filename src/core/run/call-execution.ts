import type { FailedOutcome, ToolCallState } from '../conversation/types';
import { editedResultText } from '../conversation/transcript';
import { executeTool, validateCall } from '../tools/execute';
import type { ToolRegistry } from '../tools/registry';
import type { ToolDefinition, ToolOutcome } from '../tools/types';
import type { ToolSpec } from '../protocols/types';
import { decide, deniedResultText, type Permission, type PermissionRule } from '../permissions';
import { findTurn } from './turn-updates';
import type { RunStore } from './run-store';

export interface CallExecutionDeps {
  store: RunStore;
  tools: ToolRegistry;
  /** The user's rules, read at every decision so a rule added mid-run applies to the next call. */
  permissions?: () => readonly PermissionRule[];
}

/**
 * Tool calls: what the user's permissions and the schema make of a finished call (invalid, ask or
 * run), running it with progress and cancellation, re-queuing it for a re-run. Every change goes
 * through the store, which moves the round on once the calls allow it.
 */
export class CallExecution {
  private readonly aborts = new Map<string, AbortController>();

  constructor(private readonly deps: CallExecutionDeps) {}

  /** The user's permission for a tool in this conversation, read now so the newest rules apply. */
  permissionOf(tool: Pick<ToolDefinition, 'name' | 'policy'>): Permission {
    return decide(tool, this.deps.permissions?.() ?? [], this.deps.store.state.conversation.id).permission;
  }

  /** The tools the model is told about: a tool set to Never is not offered at all. */
  offeredSpecs(): ToolSpec[] {
    const { tools, permissions } = this.deps;
    const specs = tools.specs();
    if (!permissions) return specs;
    return specs.filter((spec) => {
      const tool = tools.get(spec.name);
      return !tool || this.permissionOf(tool) !== 'deny';
    });
  }

  /** Arguments are complete and the stream finished properly: decide invalid / ask / auto. */
  completeArgs(turnId: string, call: ToolCallState, finishReason: string | null | undefined) {
    const { store, tools } = this.deps;
    if (call.status !== 'streaming_args') return;
    if (call.parseError && finishReason === 'length') {
      // Cut off by the token limit: incomplete, never run with guessed arguments.
      store.settleCall(turnId, call.id, { type: 'args-cut' }, { status: 'incomplete' });
      return;
    }
    const known = tools.get(call.name);
    const permission = known && this.permissionOf(known);
    const invalid = { type: 'args-complete', valid: false, needsApproval: false } as const;
    if (permission === 'deny') {
      // Refused before validation: the model must not learn to fix the arguments of a tool it may not use.
      store.settleCall(turnId, call.id, invalid, { status: 'invalid', denied: true, resultText: deniedResultText(call.name) });
      return;
    }
    const check = call.parseError ? { ok: false as const, error: call.parseError } : validateCall(tools, call.name, call.args);
    if (!check.ok) {
      const resultText = `Error: ${check.error}. The call was not run; fix the arguments and call again.`;
      store.settleCall(turnId, call.id, invalid, { status: 'invalid', validationError: check.error, ...(known ? {} : { unknownTool: true as const }), resultText });
      return;
    }
    // The user's rules replace the tool's own policy; `policy` records how this call was decided.
    const policy = permission === 'allow' ? 'auto' : 'ask';
    const status = policy === 'ask' ? 'pending_approval' : 'queued';
    store.moveCall(turnId, call.id, { type: 'args-complete', valid: true, needsApproval: policy === 'ask' }, { status, policy });
  }

  /** A runaway model asking for dozens of calls at once gets an error for the excess, not a flood of tools. */
  refuseOverLimit(turnId: string, call: ToolCallState, limit: number) {
    const error = `Too many tool calls in one round (the limit is ${limit}); this call was not run`;
    this.deps.store.settleCall(turnId, call.id, { type: 'args-complete', valid: false, needsApproval: false }, {
      status: 'invalid',
      validationError: error,
      resultText: `Error: ${error}. Make fewer calls per round.`,
    });
  }

  /** Runs a queued call; resolves once it settled (or was cancelled from outside). */
  async execute(turnId: string, callId: string) {
    const { store, tools } = this.deps;
    const call = findTurn(store.state.conversation, turnId)?.calls[callId];
    const tool = call && tools.get(call.name);
    if (!call || call.status !== 'queued') return;
    if (!tool) {
      // Its MCP server went away between the decision and the run: the call ends, never hangs.
      const resultText = `The tool "${call.name}" was not available when this call was to run (its server may be disconnected); it did not run.`;
      store.settleCall(turnId, callId, { type: 'cancel' }, { status: 'cancelled', resultText });
      return;
    }
    if (this.permissionOf(tool) === 'deny') {
      // Last line of defence (e.g. a re-run queued just before the rule changed): a denied tool never runs.
      store.settleCall(turnId, callId, { type: 'cancel' }, { status: 'cancelled', denied: true, resultText: deniedResultText(call.name) });
      return;
    }
    const abort = new AbortController();
    this.aborts.set(callId, abort);
    // A re-run starts afresh: the change drops the old result, and the old progress and content go too.
    store.moveCall(turnId, callId, { type: 'run' }, { status: 'running', startedAt: Date.now(), progress: undefined, content: undefined });
    const args = call.editedArgs !== undefined ? call.editedArgs : call.args;
    const outcome = await executeTool(tool, args, {
      signal: abort.signal,
      onEvent: (e) => {
        if (abort.signal.aborted) return;
        if (e.type === 'progress') {
          const { type: _t, ...progress } = e;
          store.touchCall(turnId, callId, (c) => ({ ...c, progress }));
        } else if (e.type === 'start' && e.message) {
          store.touchCall(turnId, callId, (c) => ({ ...c, progress: { message: e.message } }));
        } else if (e.type === 'content') {
          store.touchCall(turnId, callId, (c) => ({ ...c, content: (c.content ?? '') + e.text }));
        }
      },
    });
    if (this.aborts.get(callId) === abort) this.aborts.delete(callId);
    if (abort.signal.aborted) return; // cancelled: already settled by whoever aborted it
    const resultText = call.editedArgs !== undefined ? editedResultText(call.editedArgs, outcome.text) : outcome.text;
    if (outcome.status === 'succeeded') store.settleCall(turnId, callId, { type: 'succeed' }, { status: 'succeeded', outcome, resultText });
    else store.settleCall(turnId, callId, { type: 'fail' }, { status: 'failed', outcome: failedOutcome(outcome), resultText });
  }

  /** Stops a running call's tool (its AbortSignal fires); the caller settles the call. */
  abort(callId: string) {
    this.aborts.get(callId)?.abort();
  }

  /** Puts a settled call back in the queue with new arguments (a re-run). */
  requeue(turnId: string, callId: string, args: unknown) {
    // The queued change cannot carry the old result, rejection or refusal: the type drops them.
    this.deps.store.moveCall(turnId, callId, { type: 'rerun', needsApproval: false }, { status: 'queued', editedArgs: args });
  }
}

/** A failed (or, exceptionally, cancelled) outcome always says why, so the card and the model see a reason. */
function failedOutcome(outcome: ToolOutcome): FailedOutcome {
  return { ...outcome, error: outcome.error ?? { message: outcome.text || 'The tool did not finish.' } };
}
