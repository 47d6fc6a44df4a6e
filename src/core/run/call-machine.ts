import type { ToolCallStatus } from '../conversation/types';

export type CallEvent =
  /** The model finished streaming the call; `valid` is false for unparsable or schema-invalid arguments or an unknown tool. */
  | { type: 'args-complete'; valid: boolean; needsApproval: boolean }
  /** The stream ended mid-arguments: the call never runs. */
  | { type: 'args-cut' }
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'run' }
  | { type: 'succeed' }
  | { type: 'fail' }
  | { type: 'cancel' }
  /** Run a settled call again with edited arguments. */
  | { type: 'rerun'; needsApproval: boolean };

export type CallEventType = CallEvent['type'];

export type CallTransitionResult =
  | { ok: true; status: ToolCallStatus }
  | { ok: false; status: ToolCallStatus; reason: string };

export const CALL_STATUSES: readonly ToolCallStatus[] = [
  'streaming_args',
  'incomplete',
  'invalid',
  'pending_approval',
  'queued',
  'running',
  'succeeded',
  'failed',
  'rejected',
  'cancelled',
];

export const CALL_EVENT_TYPES: readonly CallEventType[] = [
  'args-complete',
  'args-cut',
  'approve',
  'reject',
  'run',
  'succeed',
  'fail',
  'cancel',
  'rerun',
];

type Handler<E extends CallEventType> = (event: Extract<CallEvent, { type: E }>) => ToolCallStatus;
type Handlers = { [E in CallEventType]?: Handler<E> };

const cancel = (): ToolCallStatus => 'cancelled';
const rerun: Handler<'rerun'> = (event) => (event.needsApproval ? 'pending_approval' : 'queued');

/** Every legal call transition; anything absent here is rejected. */
const TABLE: Record<ToolCallStatus, Handlers> = {
  streaming_args: {
    'args-complete': (event) => (!event.valid ? 'invalid' : event.needsApproval ? 'pending_approval' : 'queued'),
    'args-cut': () => 'incomplete',
    cancel,
  },
  // Cut-off arguments were never a whole call, so there is nothing to re-run.
  incomplete: {},
  invalid: { rerun },
  pending_approval: { approve: () => 'queued', reject: () => 'rejected', cancel },
  queued: { run: () => 'running', cancel },
  running: { succeed: () => 'succeeded', fail: () => 'failed', cancel },
  succeeded: { rerun },
  failed: { rerun },
  rejected: { rerun },
  cancelled: { rerun },
};

const SETTLED: ReadonlySet<ToolCallStatus> = new Set([
  'succeeded',
  'failed',
  'rejected',
  'cancelled',
  'incomplete',
  'invalid',
]);

/** Pure per-call transition: the next status, or a rejection carrying the unchanged status. */
export function transitionCall(status: ToolCallStatus, event: CallEvent): CallTransitionResult {
  const handler = TABLE[status]?.[event.type] as Handler<CallEventType> | undefined;
  if (!handler) return { ok: false, status, reason: `"${event.type}" is not allowed for a call that is ${status}` };
  return { ok: true, status: handler(event) };
}

/** True once a call will not change again without a re-run; its result can go to the model. */
export function isSettled(status: ToolCallStatus): boolean {
  return SETTLED.has(status);
}

/** The event types a call in this status accepts. */
export function allowedCallEvents(status: ToolCallStatus): CallEventType[] {
  return CALL_EVENT_TYPES.filter((type) => TABLE[status]?.[type] !== undefined);
}
