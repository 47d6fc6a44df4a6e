// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readSandboxMessage } from './sandbox-protocol';

const nonce = 'abc123';

describe('readSandboxMessage', () => {
  it('accepts well-formed messages carrying the run nonce', () => {
    expect(readSandboxMessage({ nonce, type: 'started' }, nonce)).toEqual({ type: 'started' });
    expect(readSandboxMessage({ nonce, type: 'log', line: 'hi' }, nonce)).toEqual({ type: 'log', line: 'hi' });
    expect(readSandboxMessage({ nonce, type: 'result', value: [1], droppedLogs: 3 }, nonce)).toEqual({
      type: 'result',
      value: [1],
      droppedLogs: 3,
    });
    expect(readSandboxMessage({ nonce, type: 'result', error: 'boom' }, nonce)).toEqual({
      type: 'result',
      error: 'boom',
      droppedLogs: 0,
    });
  });

  it.each([
    ['another nonce', { nonce: 'other', type: 'started' }],
    ['no nonce', { type: 'result', value: 1 }],
    ['unknown type', { nonce, type: 'eval', code: '1' }],
    ['log without a string line', { nonce, type: 'log', line: 5 }],
    ['result with a non-string error', { nonce, type: 'result', error: { message: 'x' } }],
    ['a string', 'result'],
    ['null', null],
  ])('rejects %s', (_label, data) => {
    expect(readSandboxMessage(data, nonce)).toBeNull();
  });

  it('never reports a negative or non-numeric dropped count', () => {
    expect(readSandboxMessage({ nonce, type: 'result', droppedLogs: -4 }, nonce)).toMatchObject({ droppedLogs: 0 });
    expect(readSandboxMessage({ nonce, type: 'result', droppedLogs: '9' }, nonce)).toMatchObject({ droppedLogs: 0 });
  });
});
