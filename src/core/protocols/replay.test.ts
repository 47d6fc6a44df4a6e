import { describe, expect, it } from 'vitest';
import { replayCapture, ReplayInputError } from './replay';

const chunk = (delta: object, finish: string | null = null) => `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const call = (o: object) => chunk({ tool_calls: [o] });

describe('replayCapture', () => {
  it('marks calls of a dropped stream incomplete and says why', () => {
    const capture = chunk({ content: 'Let me look.' }) + call({ index: 0, id: 'c1', function: { name: 'search', arguments: '{"q":"ca' } });
    const result = replayCapture('openai-chat', capture);
    expect(result).toEqual({
      text: 'Let me look.',
      reasoning: '',
      refusal: '',
      toolCalls: [{ id: 'c1', name: 'search', arguments: null, argumentsText: '{"q":"ca', complete: false }],
      finishReason: null,
      rawFinishReason: null,
      error: null,
      warnings: [
        expect.stringMatching(/^The stream ended before the provider finished/),
        expect.stringMatching(/^Tool call c1 search: arguments are not valid JSON/),
        'Tool call c1 search is incomplete: the stream ended early.',
      ],
    });
  });

  it('treats a last line cut mid-JSON as a dropped stream, not as garbage', () => {
    const result = replayCapture('openai-chat', `${chunk({ content: 'Hi' })}data: {"choices":[{"delta":{"content":" th`);
    expect(result).toMatchObject({ text: 'Hi', error: null, finishReason: null });
    expect(result.warnings[0]).toMatch(/cut off mid-line/);
  });

  it('keeps a call cut by the token limit with its raw text, and runs whole ones', () => {
    const capture =
      call({ index: 0, id: 'a', function: { name: 'f', arguments: '{"x":1}' } }) +
      call({ index: 1, id: 'b', function: { name: 'g', arguments: '{"y":' } }) +
      chunk({}, 'length') +
      'data: [DONE]\n\n';
    const result = replayCapture('openai-chat', capture);
    expect(result.toolCalls).toEqual([
      { id: 'a', name: 'f', arguments: { x: 1 }, argumentsText: '{"x":1}', complete: true },
      { id: 'b', name: 'g', arguments: null, argumentsText: '{"y":', complete: false },
    ]);
    expect(result).toMatchObject({ finishReason: 'length', rawFinishReason: 'length' });
  });

  it('reports a malformed line as the error, after what decoded before it', () => {
    const result = replayCapture('openai-chat', `${chunk({ content: 'ok' })}data: {not json\n\n`);
    expect(result).toMatchObject({ text: 'ok', finishReason: 'error', error: { type: 'invalid_stream', message: 'malformed stream line: {not json' } });
  });

  it('reads CRLF captures and SSE comments', () => {
    const capture = `: keep-alive\r\n\r\n${chunk({ content: 'é' }, 'stop')}data: [DONE]\r\n\r\n`.replace(/\n\n/g, '\r\n\r\n');
    expect(replayCapture('openai-chat', capture)).toMatchObject({ text: 'é', finishReason: 'stop', warnings: [] });
  });

  it('falls back to a non-streaming JSON body of the chosen protocol', () => {
    const openai = replayCapture('openai-chat', JSON.stringify({ choices: [{ message: { content: 'hi' }, finish_reason: 'stop' }] }));
    expect(openai).toMatchObject({ text: 'hi', finishReason: 'stop', warnings: [expect.stringMatching(/non-streaming JSON/)] });
    const anthropic = replayCapture('anthropic-messages', JSON.stringify({ type: 'message', content: [{ type: 'text', text: 'yo' }], stop_reason: 'end_turn' }));
    expect(anthropic).toMatchObject({ text: 'yo', finishReason: 'stop', rawFinishReason: 'end_turn' });
    const errorBody = replayCapture('anthropic-messages', JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
    expect(errorBody).toMatchObject({ finishReason: 'error', error: { message: 'Overloaded', type: 'overloaded_error', code: null } });
  });

  it('refuses input that is neither SSE nor a response body', () => {
    expect(() => replayCapture('openai-chat', '<html>502 Bad Gateway</html>')).toThrow(ReplayInputError);
    expect(() => replayCapture('openai-chat', '')).toThrow(/empty/);
    expect(() => replayCapture('openai-chat', '{"name":"callstream"}')).toThrow(/not an SSE capture/);
    expect(() => replayCapture('anthropic-messages', JSON.stringify({ choices: [] }))).toThrow(/anthropic-messages/);
  });
});
