// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chatFetch, mockUrl, queue, requests, useMockServer } from './test-harness';

useMockServer();

type Sse = { event: string; data: any };

function messagesFetch(key: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${mockUrl()}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01', 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'mock-small', max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }], ...body }),
  });
}

function parseSse(raw: string): Sse[] {
  return raw
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      return { event, data: JSON.parse(data) };
    });
}

async function stream(key: string, body: Record<string, unknown> = {}): Promise<Sse[]> {
  const res = await messagesFetch(key, { stream: true, ...body });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  return parseSse(await res.text());
}

describe('mock server: Anthropic Messages streaming', () => {
  it('streams text and a tool_use block with input_json_delta pieces, pings, and the stop reason', async () => {
    await queue('a-tool', [
      { text: 'Checking.', toolCalls: [{ id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris' } }], chunkSize: 4, delayMs: 0 },
    ]);
    const events = await stream('a-tool');
    expect(events.every((e) => e.event === e.data.type)).toBe(true);
    const kinds = events.filter((e) => e.event !== 'ping').map((e) => e.event);
    expect(kinds[0]).toBe('message_start');
    expect(kinds.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(events[0].data.message).toMatchObject({ role: 'assistant', content: [], stop_reason: null, model: 'mock-small' });
    expect(events.filter((e) => e.event === 'ping').length).toBeGreaterThanOrEqual(2);

    const starts = events.filter((e) => e.event === 'content_block_start').map((e) => e.data);
    expect(starts).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {} } },
    ]);
    const deltas = (index: number, key: string) =>
      events.filter((e) => e.event === 'content_block_delta' && e.data.index === index).map((e) => e.data.delta[key]).join('');
    expect(deltas(0, 'text')).toBe('Checking.');
    expect(JSON.parse(deltas(1, 'partial_json'))).toEqual({ city: 'Paris' });
    expect(events.filter((e) => e.data.delta?.type === 'input_json_delta').length).toBeGreaterThan(2);
    expect(events.filter((e) => e.event === 'content_block_stop').map((e) => e.data.index)).toEqual([0, 1]);
    const end = events.find((e) => e.event === 'message_delta')!.data;
    expect(end.delta).toEqual({ stop_reason: 'tool_use', stop_sequence: null });
    expect(end.usage.output_tokens).toBeGreaterThan(0);
  });

  it('streams reasoning as a signed thinking block and maps length to max_tokens', async () => {
    await queue('a-think', [{ reasoning: 'Hmm.', text: 'Cut', finishReason: 'length', delayMs: 0 }]);
    const events = await stream('a-think');
    expect(events.find((e) => e.event === 'content_block_start')!.data.content_block).toEqual({ type: 'thinking', thinking: '' });
    const types = events.filter((e) => e.data.index === 0 && e.event === 'content_block_delta').map((e) => e.data.delta.type);
    expect(types).toEqual(['thinking_delta', 'signature_delta']);
    expect(events.find((e) => e.event === 'message_delta')!.data.delta.stop_reason).toBe('max_tokens');
  });

  it('sends an error event mid-stream, and drops the socket when asked', async () => {
    await queue('a-fault', [
      { text: 'abcdefgh', chunkSize: 2, delayMs: 0, fault: { type: 'error-event', afterChunks: 2, message: 'Overloaded' } },
    ]);
    const events = await stream('a-fault');
    expect(events.filter((e) => e.data.delta?.type === 'text_delta').map((e) => e.data.delta.text)).toEqual(['ab', 'cd']);
    expect(events.at(-1)).toEqual({ event: 'error', data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
  });
});

describe('mock server: Anthropic Messages JSON, errors and checks', () => {
  it('answers one message with content blocks, stop reason and usage', async () => {
    await queue('a-json', [{ text: 'Hi.', toolCalls: [{ id: 'toolu_9', name: 'f', arguments: { x: 1 } }], delayMs: 0 }]);
    const res = await messagesFetch('a-json', {});
    expect(await res.json()).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'Hi.' }, { type: 'tool_use', id: 'toolu_9', name: 'f', input: { x: 1 } }],
      stop_reason: 'tool_use',
      usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number) },
    });
    const [record] = await requests('a-json');
    expect(record).toMatchObject({ path: '/v1/messages', source: 'queue' });
    expect(record.headers['x-api-key']).toBe('a-json');
  });

  it('speaks Anthropic error shapes: bad key, scripted HTTP faults with Retry-After', async () => {
    const bad = await messagesFetch('bad-key', {});
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    await queue('a-http', [{ fault: { type: 'http', status: 429, retryAfter: 3 } }]);
    const limited = await messagesFetch('a-http', {});
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await limited.json()).error.type).toBe('rate_limit_error');
  });

  it.each([
    [{ max_tokens: undefined }, 'max_tokens: Field required'],
    [{ messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'y' }] }, /Unexpected role "system"/],
    [
      { messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: {} }] }, { role: 'user', content: 'next' }] },
      /tool_use` ids were found without `tool_result` blocks immediately after: t1/,
    ],
    [{ messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'zz', content: 'r' }] }] }, /unexpected `tool_use_id`.*zz/],
  ])('rejects an invalid request like the API does (%#)', async (body, message) => {
    const res = await messagesFetch('a-check', body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.type).toBe('invalid_request_error');
    expect(json.error.message).toMatch(message);
  });

  it('lists models in Anthropic’s shape when asked with anthropic-version', async () => {
    const res = await fetch(`${mockUrl()}/v1/models`, { headers: { 'x-api-key': 'a-models', 'anthropic-version': '2023-06-01' } });
    const json = await res.json();
    expect(json.data.map((m: { id: string }) => m.id)).toEqual(['mock-small', 'mock-large']);
    expect(json).toMatchObject({ has_more: false, data: [{ type: 'model', display_name: 'Mock Small' }, {}] });
  });

  it('shares one queue per key across both protocols and finds markers after tool results', async () => {
    await queue('a-shared', [{ text: 'first via openai', delayMs: 0 }, { text: 'second via anthropic', delayMs: 0 }]);
    const openai = await chatFetch('a-shared', { messages: [{ role: 'user', content: 'x' }] });
    expect((await openai.json()).choices[0].message.content).toBe('first via openai');
    expect((await (await messagesFetch('a-shared', {})).json()).content[0].text).toBe('second via anthropic');

    const followUp = await messagesFetch('a-scn', {
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather? [[tool-weather]]' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_w', name: 'get_weather', input: { city: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_w', content: '{"t":18}' }] },
      ],
    });
    expect((await followUp.json()).content).toEqual([{ type: 'text', text: 'It is 18 °C in Paris.' }]);
  });
});

describe('mock server: prompted tool calls', () => {
  const PROMPTED_SYSTEM = 'You can call tools with <tool_call>{"name": ..., "arguments": {...}}</tool_call> blocks.';

  it('writes the calls as <tool_call> text split across chunks when the request has no tools but asks for blocks', async () => {
    await queue('p-auto', [{ text: 'Let me check.', toolCalls: [{ name: 'calculate', arguments: { expression: '6*7' } }], delayMs: 0 }]);
    const res = await chatFetch('p-auto', { stream: true, messages: [{ role: 'system', content: PROMPTED_SYSTEM }, { role: 'user', content: 'x' }] });
    const chunks = parseSse((await res.text()).replace('data: [DONE]\n\n', '')).map((e) => e.data);
    const pieces = chunks.map((c) => c.choices[0]?.delta?.content ?? '').filter(Boolean);
    expect(pieces.join('')).toBe('Let me check.\n<tool_call>\n{"name": "calculate", "arguments": {"expression":"6*7"}}\n</tool_call>');
    expect(pieces.some((p: string) => p.includes('<tool_call>'))).toBe(false);
    expect(chunks.some((c) => c.choices[0]?.delta?.tool_calls)).toBe(false);
    expect(chunks.find((c) => c.choices[0]?.finish_reason)!.choices[0].finish_reason).toBe('stop');
  });

  it('follows promptedTools when set, for Anthropic too, and stays native without the prompted system prompt', async () => {
    await queue('p-explicit', [
      { toolCalls: [{ name: 'f', arguments: '{"broken": }' }], promptedTools: true, delayMs: 0 },
      { toolCalls: [{ id: 'call_n', name: 'f', arguments: {} }], delayMs: 0 },
    ]);
    const prompted = await (await messagesFetch('p-explicit', { tools: [{ name: 'f', input_schema: { type: 'object' } }] })).json();
    expect(prompted.content).toEqual([{ type: 'text', text: '<tool_call>\n{"name": "f", "arguments": {"broken": }}\n</tool_call>' }]);
    expect(prompted.stop_reason).toBe('end_turn');
    const native = await (await chatFetch('p-explicit', { messages: [{ role: 'user', content: 'x' }] })).json();
    expect(native.choices[0].message.tool_calls[0].id).toBe('call_n');
  });

  it('recognizes <tool_result> blocks as tool results for scenarios', async () => {
    const res = await chatFetch('p-scn', {
      messages: [
        { role: 'system', content: PROMPTED_SYSTEM },
        { role: 'user', content: 'Weather? [[tool-weather]]' },
        { role: 'assistant', content: '<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>' },
        { role: 'user', content: '<tool_result name="get_weather" id="c1">\n{"t":18}\n</tool_result>' },
      ],
    });
    expect((await res.json()).choices[0].message.content).toBe('It is 18 °C in Paris.');
  });
});
