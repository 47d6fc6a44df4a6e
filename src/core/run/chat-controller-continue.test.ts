import { describe, expect, it } from 'vitest';
import { ModelError } from '../protocols/types';
import { CONTINUE_INSTRUCTION, isCutOff } from '../conversation/transcript';
import { call, setup, text, toolMessages } from './controller-test-kit.testing';

describe('Continue after the output limit', () => {
  it('ends a cut answer, then extends the same round so the text joins seamlessly', async () => {
    const t = setup([text('The quick brown', 'length'), text(' fox jumps.')]);
    t.controller.send('tell me');
    await t.idle();
    expect(t.turn().outcome).toBe('completed');
    expect(isCutOff(t.turn())).toBe(true);

    expect(t.controller.continueTurn()).toBe(true);
    await t.idle();
    // The request: the conversation, the cut answer as the model's own message, then the instruction.
    expect(t.requests[1].messages).toEqual([
      { role: 'user', content: 'tell me' },
      { role: 'assistant', content: 'The quick brown' },
      { role: 'user', content: CONTINUE_INSTRUCTION },
    ]);
    expect(t.turn().rounds).toEqual([{ parts: [{ type: 'text', text: 'The quick brown fox jumps.' }], finishReason: 'stop' }]);
    expect(isCutOff(t.turn())).toBe(false);
    expect(t.turn().outcome).toBe('completed');
  });

  it('sends a continued answer as one message in later requests', async () => {
    const t = setup([text('Part one,', 'length'), text(' part two.'), text('next')]);
    t.controller.send('a');
    await t.idle();
    t.controller.continueTurn();
    await t.idle();
    t.controller.send('b');
    await t.idle();
    expect(t.requests[2].messages).toEqual([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'Part one, part two.' },
      { role: 'user', content: 'b' },
    ]);
  });

  it('can be cut again and continued again', async () => {
    const t = setup([text('A', 'length'), text('B', 'length'), text('C')]);
    t.controller.send('go');
    await t.idle();
    t.controller.continueTurn();
    await t.idle();
    expect(isCutOff(t.turn())).toBe(true);
    t.controller.continueTurn();
    await t.idle();
    expect(t.turn().rounds[0].parts).toEqual([{ type: 'text', text: 'ABC' }]);
    expect(t.requests[2].messages.at(-2)).toEqual({ role: 'assistant', content: 'AB' });
  });

  it('joins a continuation whose stream ends without a finish word', async () => {
    const t = setup([text('One', 'length'), [{ type: 'text-delta', text: ' two' }]]);
    t.controller.send('go');
    await t.idle();
    t.controller.continueTurn();
    await t.idle();
    expect(t.turn().rounds[0].parts).toEqual([{ type: 'text', text: 'One two' }]);
    expect(t.turn().outcome).toBe('completed');
  });

  it('marks the turn still cut off when the continuation errors, so Retry continues it', async () => {
    const t = setup([text('One', 'length'), new ModelError('server', 'overloaded', { status: 529 }), text(' two.')]);
    t.controller.send('go');
    await t.idle();
    t.controller.continueTurn();
    await t.idle();
    expect(t.turn().outcome).toBe('failed');
    expect(isCutOff(t.turn())).toBe(true);
    expect(t.turn().rounds[0].parts).toEqual([{ type: 'text', text: 'One' }]);
    expect(t.controller.retry()).toBe(true);
    await t.idle();
    expect(t.turn().rounds).toEqual([{ parts: [{ type: 'text', text: 'One two.' }], finishReason: 'stop' }]);
    expect(t.turn().error).toBeUndefined();
  });

  it('continues a round whose call was cut mid-arguments with a new round that explains the cut call', async () => {
    const t = setup([
      [{ type: 'text-delta', text: 'Let me write it.' }, ...call('echo', { text: 'x' }, 'c1').slice(0, 2), { type: 'tool-call-end', index: 0, id: 'c1', name: 'echo', args: undefined, argsText: '{"te', parseError: 'bad' }, { type: 'finish', reason: 'length' }],
      text('Done differently.'),
    ]);
    t.controller.send('go');
    await t.idle();
    expect(t.callOf('c1').status).toBe('incomplete');
    expect(isCutOff(t.turn())).toBe(true);
    expect(t.controller.continueTurn()).toBe(true);
    await t.idle();
    expect(t.turn().rounds).toHaveLength(2);
    expect(t.requests[1].messages.at(-1)).toMatchObject({ role: 'tool', toolCallId: 'c1' });
    expect(toolMessages(t.requests[1])[0].content).toMatch(/cut off/);
    expect(t.callOf('c1').status).toBe('incomplete');
  });

  it('is refused when the last answer was not cut off, or while a run is in flight', async () => {
    const t = setup([text('complete'), text('cut', 'length')]);
    t.controller.send('go');
    await t.idle();
    expect(t.controller.continueTurn()).toBe(false);
    t.controller.send('again');
    expect(t.controller.continueTurn()).toBe(false);
    await t.idle();
    // The newer answer was cut: that one can be continued.
    expect(t.controller.continueTurn()).toBe(true);
  });
});
