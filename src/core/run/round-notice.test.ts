import { describe, expect, it } from 'vitest';
import { roundNotice } from './round-notice';
import { call, calls, setup, text } from './controller-test-kit.testing';
import { UNNAMED_CALL } from '../protocols/openai-chat-assembler';

const signals = (rawReason: string | null, refusal = '', notShown = 0) => ({ rawReason, refusal, notShown });

describe('round notices', () => {
  it('says nothing for ordinary endings', () => {
    for (const r of ['stop', 'end_turn', 'tool_calls', 'tool_use', 'stop_sequence', null]) expect(roundNotice(signals(r))).toBeNull();
  });

  it('tells a refusal apart from everything else, with the model’s words', () => {
    expect(roundNotice(signals('stop', 'I cannot help with that.'))?.noticeCode).toEqual({ code: 'declined', text: 'I cannot help with that.' });
    expect(roundNotice(signals('refusal'))?.noticeCode).toEqual({ code: 'declined', text: '' });
  });

  it('maps stop reasons to honest notices', () => {
    expect(roundNotice(signals('content_filter'))?.noticeCode).toEqual({ code: 'content_filter' });
    expect(roundNotice(signals('SAFETY'))?.noticeCode).toEqual({ code: 'content_filter' });
    expect(roundNotice(signals('pause_turn'))?.noticeCode).toEqual({ code: 'pause_turn' });
    expect(roundNotice(signals('max_tokens'))).toBeNull(); // the cut-off note says it

    expect(roundNotice(signals('abort_by_gateway'))?.noticeCode).toEqual({ code: 'finish_reason', reason: 'abort_by_gateway' });
    expect(roundNotice(signals('stop', '', 2))?.noticeCode).toEqual({ code: 'not_shown', count: 2 });
  });

  it('puts a refusal on the turn the controller streams', async () => {
    const t = setup([[{ type: 'refusal-delta', text: 'No.' }, { type: 'finish', reason: 'stop', rawReason: 'stop' }]]);
    t.controller.send('hi');
    await t.idle();
    expect(t.turn().noticeCode).toEqual({ code: 'declined', text: 'No.' });
    expect(t.turn().notice).toMatch(/declined/);
  });

  it('counts visible warnings into a notice, and ignores inspector-only ones', async () => {
    const t = setup([
      [
        { type: 'text-delta', text: 'Hi' },
        { type: 'warning', code: 'unknown_part', message: 'x', visible: true, data: { type: 'image', url: 'u' } },
        { type: 'warning', code: 'unknown_field', message: 'y', visible: false },
        { type: 'finish', reason: 'stop', rawReason: 'stop' },
      ],
    ]);
    t.controller.send('hi');
    await t.idle();
    expect(t.turn().noticeCode).toEqual({ code: 'not_shown', count: 1 });
  });

  it('tells the model about a call that never got a name instead of running or dropping it', async () => {
    const t = setup([calls(call(UNNAMED_CALL, { q: 1 }, 'call_x')), text('sorry')]);
    t.controller.send('go');
    await t.idle();
    expect(t.callOf('call_x').status).toBe('invalid');
    expect(t.requests[1].messages.find((m) => m.role === 'tool')).toMatchObject({ toolCallId: 'call_x' });
  });
});
