import type { ToolCallState } from '../conversation/types';
import { editedResultText } from '../conversation/transcript';
import { executeTool, validateCall } from '../tools/execute';
import type { ToolDefinition } from '../tools/types';
import type { ToolSpec } from '../protocols/types';
import { decide, deniedResultText, type Permission } from '../permissions';
import { isSettled } from './call-machine';
import { findTurn, roundCalls, updateCall } from './turn-updates';
import { ControllerState } from './controller-state';
import type { FailedOutcome } from '../conversation/types';
import type { ToolOutcome } from '../tools/types';

/**
 * The tool calls of a round: what the user's permissions and the schema make of a finished call
 * (invalid, ask or run), running it with progress and cancellation, and moving the run on once the
 * user has decided and every call has settled.
 */
export abstract class CallRunner extends ControllerState {
  protected readonly callAborts = new Map<string, AbortController>();
  /** Resolves the wait for the current round's calls (set by the loop while it waits). */
  protected roundWaiter: (() => void) | null = null;

  /** Arguments are complete and the stream finished properly: decide invalid / ask / auto. */
  protected completeArgs(turnId: string, call: ToolCallState, finishReason: string | null | undefined) {
    if (call.status !== 'streaming_args') return;
    if (call.parseError && finishReason === 'length') {
      // Cut off by the token limit: incomplete, never run with guessed arguments.
      this.settleCall(turnId, call.id, { type: 'args-cut' }, { status: 'incomplete' });
      return;
    }
    const known = this.opts.tools.get(call.name);
    const permission = known && this.permissionOf(known);
    if (permission === 'deny') {
      // Refused before validation: the model must not learn to fix the arguments of a tool it may not use.
      this.settleCall(turnId, call.id, { type: 'args-complete', valid: false, needsApproval: false }, {
        status: 'invalid',
        denied: true,
        resultText: deniedResultText(call.name),
      });
      return;
    }
    const check = call.parseError ? { ok: false as const, error: call.parseError } : validateCall(this.opts.tools, call.name, call.args);
    if (!check.ok) {
      this.settleCall(turnId, call.id, { type: 'args-complete', valid: false, needsApproval: false }, {
        status: 'invalid',
        validationError: check.error,
        resultText: `Error: ${check.error}. The call was not run; fix the arguments and call again.`,
      });
      return;
    }
    // The user's rules replace the tool's own policy; `policy` records how this call was decided.
    const policy = permission === 'allow' ? 'auto' : 'ask';
    this.patchCall(turnId, call.id, { type: 'args-complete', valid: true, needsApproval: policy === 'ask' }, { status: policy === 'ask' ? 'pending_approval' : 'queued', policy });
  }

  /** The user's permission for a tool in this conversation, read now so the newest rules apply. */
  protected permissionOf(tool: Pick<ToolDefinition, 'name' | 'policy'>): Permission {
    return decide(tool, this.opts.permissions?.() ?? [], this.snap.conversation.id).permission;
  }

  /** The tools the model is told about: a tool set to Never is not offered at all. */
  protected offeredSpecs(): ToolSpec[] {
    const specs = this.opts.tools.specs();
    if (!this.opts.permissions) return specs;
    return specs.filter((spec) => {
      const tool = this.opts.tools.get(spec.name);
      return !tool || this.permissionOf(tool) !== 'deny';
    });
  }

  /** A runaway model asking for dozens of calls at once gets an error for the excess, not a flood of tools. */
  protected refuseOverLimit(turnId: string, call: ToolCallState, limit: number) {
    const error = `Too many tool calls in one round (the limit is ${limit}); this call was not run`;
    this.settleCall(turnId, call.id, { type: 'args-complete', valid: false, needsApproval: false }, {
      status: 'invalid',
      validationError: error,
      resultText: `Error: ${error}. Make fewer calls per round.`,
    });
  }

  protected async execute(turnId: string, callId: string) {
    const call = findTurn(this.snap.conversation, turnId)?.calls[callId];
    const tool = call && this.opts.tools.get(call.name);
    if (!call || call.status !== 'queued') return;
    if (!tool) {
      // Its MCP server went away between the decision and the run: the call ends, never hangs.
      this.settleCall(turnId, callId, { type: 'cancel' }, {
        status: 'cancelled',
        resultText: `The tool "${call.name}" was not available when this call was to run (its server may be disconnected); it did not run.`,
      });
      this.checkRound();
      return;
    }
    if (this.permissionOf(tool) === 'deny') {
      // Last line of defence (e.g. a re-run queued just before the rule changed): a denied tool never runs.
      this.settleCall(turnId, callId, { type: 'cancel' }, { status: 'cancelled', denied: true, resultText: deniedResultText(call.name) });
      this.checkRound();
      return;
    }
    const abort = new AbortController();
    this.callAborts.set(callId, abort);
    // A re-run starts afresh: the change drops the old result, and the old progress and content go too.
    this.patchCall(turnId, callId, { type: 'run' }, { status: 'running', startedAt: Date.now(), progress: undefined, content: undefined });
    const args = call.editedArgs !== undefined ? call.editedArgs : call.args;
    const outcome = await executeTool(tool, args, {
      signal: abort.signal,
      onEvent: (e) => {
        if (abort.signal.aborted) return;
        if (e.type === 'progress') {
          const { type: _t, ...progress } = e;
          this.setConversation(updateCall(this.snap.conversation, turnId, callId, (c) => ({ ...c, progress })));
        } else if (e.type === 'start' && e.message) {
          this.setConversation(updateCall(this.snap.conversation, turnId, callId, (c) => ({ ...c, progress: { message: e.message } })));
        } else if (e.type === 'content') {
          this.setConversation(updateCall(this.snap.conversation, turnId, callId, (c) => ({ ...c, content: (c.content ?? '') + e.text })));
        }
      },
    });
    if (this.callAborts.get(callId) === abort) this.callAborts.delete(callId);
    if (abort.signal.aborted) return; // cancelled: already settled by cancelCall / stop
    const text = call.editedArgs !== undefined ? editedResultText(call.editedArgs, outcome.text) : outcome.text;
    if (outcome.status === 'succeeded') this.settleCall(turnId, callId, { type: 'succeed' }, { status: 'succeeded', outcome, resultText: text });
    else this.settleCall(turnId, callId, { type: 'fail' }, { status: 'failed', outcome: failedOutcome(outcome), resultText: text });
    this.checkRound();
  }

  protected requeue(turnId: string, callId: string, args: unknown) {
    // The queued change cannot carry the old result, rejection or refusal: the type drops them.
    this.patchCall(turnId, callId, { type: 'rerun', needsApproval: false }, { status: 'queued', editedArgs: args });
  }

  /** Moves the run on when the user has decided every pending call / every call has settled. */
  protected checkRound() {
    const turn = findTurn(this.snap.conversation, this.snap.turnId);
    if (!turn) return;
    const calls = roundCalls(turn, turn.rounds.length - 1);
    if (this.snap.run.phase === 'awaiting_confirmation' && !calls.some((c) => c.status === 'pending_approval'))
      this.dispatch({ type: 'approvals-done' });
    if (this.snap.run.phase === 'executing_function' && calls.every((c) => isSettled(c.status)) && this.roundWaiter) {
      const resolve = this.roundWaiter;
      this.roundWaiter = null;
      resolve();
    }
  }
}

/** A failed (or, exceptionally, cancelled) outcome always says why, so the card and the model see a reason. */
function failedOutcome(outcome: ToolOutcome): FailedOutcome {
  return { ...outcome, error: outcome.error ?? { message: outcome.text || 'The tool did not finish.' } };
}
