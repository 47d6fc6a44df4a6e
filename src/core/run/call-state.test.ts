import { describe, expect, it } from 'vitest';
import type { ToolCallState } from '../conversation/types';
import { changeCall } from './call-state';

const succeeded: ToolCallState = {
  id: 'c1',
  name: 'read_file',
  round: 0,
  argsText: '{"path":"a"}',
  args: { path: 'a' },
  policy: 'ask',
  status: 'succeeded',
  outcome: { status: 'succeeded', value: 1, text: '1', truncated: false },
  resultText: '1',
  content: 'streamed',
  startedAt: 10,
  endedAt: 20,
};

describe('changeCall', () => {
  it('drops everything the old status carried and keeps the call itself', () => {
    const next = changeCall(succeeded, { status: 'queued', editedArgs: { path: 'b' } });
    expect(next).toStrictEqual({
      id: 'c1',
      name: 'read_file',
      round: 0,
      argsText: '{"path":"a"}',
      args: { path: 'a' },
      policy: 'ask',
      editedArgs: { path: 'b' },
      content: 'streamed',
      startedAt: 10,
      status: 'queued',
    });
  });

  it('lets a new run start afresh', () => {
    const queued = changeCall(succeeded, { status: 'queued' });
    const running = changeCall(queued, { status: 'running', startedAt: 30, progress: undefined, content: undefined });
    expect(running.status).toBe('running');
    expect(running.resultText).toBeUndefined();
    expect(running.content).toBeUndefined();
    expect(running.startedAt).toBe(30);
  });

  it('settles with what the status requires', () => {
    const running: ToolCallState = { ...changeCall(succeeded, { status: 'running', startedAt: 5 }) } as ToolCallState;
    const failed = changeCall(running, {
      status: 'failed',
      outcome: { status: 'failed', error: { message: 'boom' }, text: 'Error: boom', truncated: false },
      resultText: 'Error: boom',
      endedAt: 6,
    });
    expect(failed).toMatchObject({ status: 'failed', outcome: { error: { message: 'boom' } }, resultText: 'Error: boom', startedAt: 5, endedAt: 6 });
  });
});
