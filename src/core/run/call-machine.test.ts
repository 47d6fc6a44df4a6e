// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ToolCallStatus } from '../conversation/types';
import {
  allowedCallEvents,
  CALL_EVENT_TYPES,
  CALL_STATUSES,
  isSettled,
  transitionCall,
  type CallEvent,
  type CallEventType,
} from './call-machine';

/** Every shape of every event; a full Record so a new event type fails to compile until listed. */
const EVENT_SAMPLES: Record<CallEventType, CallEvent[]> = {
  'args-complete': [
    { type: 'args-complete', valid: true, needsApproval: true },
    { type: 'args-complete', valid: true, needsApproval: false },
    { type: 'args-complete', valid: false, needsApproval: true },
    { type: 'args-complete', valid: false, needsApproval: false },
  ],
  'args-cut': [{ type: 'args-cut' }],
  approve: [{ type: 'approve' }],
  reject: [{ type: 'reject' }],
  run: [{ type: 'run' }],
  succeed: [{ type: 'succeed' }],
  fail: [{ type: 'fail' }],
  cancel: [{ type: 'cancel' }],
  rerun: [
    { type: 'rerun', needsApproval: true },
    { type: 'rerun', needsApproval: false },
  ],
};

/** Expected results of every legal transition, written independently of the implementation. */
const LEGAL: Array<[ToolCallStatus, CallEvent, ToolCallStatus]> = [
  ['streaming_args', { type: 'args-complete', valid: true, needsApproval: true }, 'pending_approval'],
  ['streaming_args', { type: 'args-complete', valid: true, needsApproval: false }, 'queued'],
  ['streaming_args', { type: 'args-complete', valid: false, needsApproval: true }, 'invalid'],
  ['streaming_args', { type: 'args-complete', valid: false, needsApproval: false }, 'invalid'],
  ['streaming_args', { type: 'args-cut' }, 'incomplete'],
  ['streaming_args', { type: 'cancel' }, 'cancelled'],
  ['pending_approval', { type: 'approve' }, 'queued'],
  ['pending_approval', { type: 'reject' }, 'rejected'],
  ['pending_approval', { type: 'cancel' }, 'cancelled'],
  ['queued', { type: 'run' }, 'running'],
  ['queued', { type: 'cancel' }, 'cancelled'],
  ['running', { type: 'succeed' }, 'succeeded'],
  ['running', { type: 'fail' }, 'failed'],
  ['running', { type: 'cancel' }, 'cancelled'],
  ...(['succeeded', 'failed', 'cancelled', 'rejected', 'invalid'] as const).flatMap(
    (from): Array<[ToolCallStatus, CallEvent, ToolCallStatus]> => [
      [from, { type: 'rerun', needsApproval: true }, 'pending_approval'],
      [from, { type: 'rerun', needsApproval: false }, 'queued'],
    ],
  ),
];

const isLegal = (status: ToolCallStatus, type: CallEventType) =>
  LEGAL.some(([from, event]) => from === status && event.type === type);

describe('call machine: lists', () => {
  it('lists every status and event type exactly once', () => {
    const statuses: Record<ToolCallStatus, true> = {
      streaming_args: true,
      incomplete: true,
      invalid: true,
      pending_approval: true,
      queued: true,
      running: true,
      succeeded: true,
      failed: true,
      rejected: true,
      cancelled: true,
    };
    expect([...CALL_STATUSES].sort()).toEqual(Object.keys(statuses).sort());
    expect([...CALL_EVENT_TYPES].sort()).toEqual(Object.keys(EVENT_SAMPLES).sort());
  });

  it.each(CALL_STATUSES)('allowedCallEvents(%s) matches the legal pairs', (status) => {
    expect(allowedCallEvents(status).sort()).toEqual(CALL_EVENT_TYPES.filter((t) => isLegal(status, t)).sort());
  });

  it('lets an incomplete call do nothing at all', () => {
    expect(allowedCallEvents('incomplete')).toEqual([]);
  });
});

describe('call machine: transitions', () => {
  it.each(LEGAL)('%s -> %o -> %s', (from, event, to) => {
    expect(transitionCall(from, event)).toEqual({ ok: true, status: to });
  });

  const illegal = CALL_STATUSES.flatMap((status) =>
    CALL_EVENT_TYPES.filter((type) => !isLegal(status, type)).flatMap((type) =>
      EVENT_SAMPLES[type].map((event) => [status, type, event] as const),
    ),
  );

  it('tests the full complement of the legal pairs', () => {
    const pairs = new Set(illegal.map(([status, type]) => `${status}/${type}`));
    const legalPairs = new Set(LEGAL.map(([status, event]) => `${status}/${event.type}`));
    expect(pairs.size + legalPairs.size).toBe(CALL_STATUSES.length * CALL_EVENT_TYPES.length);
  });

  it.each(illegal)('%s rejects %s', (status, type, event) => {
    expect(transitionCall(status, event)).toEqual({
      ok: false,
      status,
      reason: `"${type}" is not allowed for a call that is ${status}`,
    });
  });
});

describe('isSettled', () => {
  it.each([
    ['succeeded', true],
    ['failed', true],
    ['rejected', true],
    ['cancelled', true],
    ['incomplete', true],
    ['invalid', true],
    ['streaming_args', false],
    ['pending_approval', false],
    ['queued', false],
    ['running', false],
  ] as const)('%s -> %s', (status, settled) => {
    expect(isSettled(status)).toBe(settled);
  });

  it('a settled call only moves by re-running', () => {
    for (const status of CALL_STATUSES.filter(isSettled)) {
      expect(allowedCallEvents(status).filter((t) => t !== 'rerun')).toEqual([]);
    }
  });
});

describe('call machine: properties', () => {
  it('any event sequence stays within the statuses and reaches running only from queued', () => {
    const eventArb = fc.constantFrom<CallEvent>(...Object.values(EVENT_SAMPLES).flat());
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
        let status: ToolCallStatus = 'streaming_args';
        for (const event of events) {
          const result = transitionCall(status, event);
          if (result.ok) {
            if (result.status === 'running') expect(status).toBe('queued');
            if (status === 'incomplete') throw new Error('an incomplete call moved');
          } else {
            expect(result.status).toBe(status);
          }
          status = result.status;
          expect(CALL_STATUSES).toContain(status);
        }
      }),
    );
  });
});
