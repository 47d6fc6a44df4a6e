// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { APIError } from 'openai';
import {
  assembleToolCalls,
  chatFetch,
  client,
  collectChunks,
  mockUrl,
  queue,
  requests,
  useMockServer,
} from './test-harness';

useMockServer();

describe('mock server: streaming', () => {
  it('streams text in chunks that assemble to the scripted text, then usage and [DONE]', async () => {
    const text = 'Hello from the mock — with ünïcødé and emoji 🎉 to split safely.';
    await queue('k-text', [{ text, chunkSize: 4, delayMs: 0 }]);
    const chunks = await collectChunks('k-text', 'hi');

    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const assembled = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(assembled).toBe(text);
    expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBeGreaterThan(10);
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish?.choices[0].finish_reason).toBe('stop');
    const last = chunks[chunks.length - 1];
    expect(last.choices).toEqual([]);
    expect(last.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('sends SSE headers, CORS on the stream, and a literal [DONE]', async () => {
    await queue('k-raw', [{ text: 'abc', delayMs: 0, reasoning: 'think' }]);
    const res = await chatFetch('k-raw', { stream: true, messages: [{ role: 'user', content: 'x' }] }, {
      headers: { authorization: 'Bearer k-raw', origin: 'http://localhost:4173' },
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4173');
    const raw = await res.text();
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
    const events = raw.split('\n\n').filter(Boolean);
    expect(events.every((e) => e.startsWith('data: '))).toBe(true);
    // Reasoning streams before the answer text.
    const firstReasoning = raw.indexOf('"reasoning_content":"think"');
    expect(firstReasoning).toBeGreaterThan(0);
    expect(firstReasoning).toBeLessThan(raw.indexOf('"content":"abc"'));
  });

  it('streams a tool call: id and name only on the first fragment, arguments in pieces', async () => {
    await queue('k-tool', [
      { toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }], chunkSize: 5, delayMs: 0 },
    ]);
    const chunks = await collectChunks('k-tool', 'weather?');
    const calls = assembleToolCalls(chunks);
    expect(calls).toHaveLength(1);
    expect(calls[0].id).toBe('call_1');
    expect(calls[0].name).toBe('get_weather');
    expect(calls[0].fragments).toBeGreaterThan(3);
    expect(JSON.parse(calls[0].args)).toEqual({ city: 'Paris', unit: 'celsius' });
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('tool_calls');
  });

  it('interleaves parallel tool calls when asked and honours a scripted finish reason', async () => {
    await queue('k-par', [
      {
        toolCalls: [
          { name: 'a', arguments: '{"n":1111111}' },
          { name: 'b', arguments: '{"n":2222222}' },
        ],
        interleaveToolCalls: true,
        finishReason: 'length',
        chunkSize: 4,
        delayMs: 0,
      },
    ]);
    const chunks = await collectChunks('k-par', 'two');
    const order = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls?.map((t) => t.index) ?? []);
    expect(order.slice(0, 4)).toEqual([0, 1, 0, 1]);
    const calls = assembleToolCalls(chunks);
    expect(calls.map((c) => [c.name, JSON.parse(c.args)])).toEqual([['a', { n: 1111111 }], ['b', { n: 2222222 }]]);
    expect(calls[0].id).not.toBe(calls[1].id);
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('length');
  });
});

describe('mock server: non-streaming', () => {
  it('answers one chat.completion with message, tool_calls, finish_reason and usage', async () => {
    await queue('k-json', [{ text: 'Calling.', toolCalls: [{ name: 'f', arguments: { x: 1 } }], delayMs: 0 }]);
    const completion = await client('k-json').chat.completions.create({
      model: 'mock-large',
      messages: [{ role: 'user', content: 'go' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('mock-large');
    const choice = completion.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.role).toBe('assistant');
    expect(choice.message.content).toBe('Calling.');
    expect(choice.message.tool_calls?.[0]).toMatchObject({ type: 'function', function: { name: 'f', arguments: '{"x":1}' } });
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
  });

  it('echoes the last user message by default, including content parts', async () => {
    const completion = await client('k-echo').chat.completions.create({
      model: 'mock-small',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'text', text: 'second question' }] },
      ],
    });
    expect(completion.choices[0].message.content).toBe('Mock reply to: second question');
    expect(completion.choices[0].finish_reason).toBe('stop');
  });

  it('lists models', async () => {
    const models = await client('k-models').models.list();
    expect(models.data.map((m) => m.id)).toEqual(['mock-small', 'mock-large']);
    expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'mock' });
    expect((await requests('k-models')).map((r) => r.path)).toEqual(['/v1/models']);
  });
});

describe('mock server: CORS', () => {
  it('answers a preflight with 204 and echoes the requested headers and origin', async () => {
    const res = await fetch(`${mockUrl()}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:4173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-stainless-os',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-stainless-os');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('puts CORS headers on error answers too, exposing retry-after', async () => {
    const res = await fetch(`${mockUrl()}/v1/models`, { headers: { authorization: 'Bearer bad-key' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('retry-after, x-request-id');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(await res.json()).toEqual({
      error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
    });
  });
});

describe('mock server: selection and control API', () => {
  it('keeps queues per API key, falls back to the echo, and logs per key', async () => {
    await queue('k-iso-a', [{ text: 'for A', delayMs: 0 }]);
    await queue('k-iso-b', [{ text: 'for B', delayMs: 0 }]);
    const ask = async (key: string) =>
      (await client(key).chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: 'q' }] })).choices[0]
        .message.content;
    expect(await ask('k-iso-b')).toBe('for B');
    expect(await ask('k-iso-a')).toBe('for A');
    expect(await ask('k-iso-a')).toBe('Mock reply to: q');

    const logA = await requests('k-iso-a');
    expect(logA.map((r) => r.source)).toEqual(['queue', 'echo']);
    expect(logA[0].headers.authorization).toBe('Bearer k-iso-a');
    expect(logA[0].body).toMatchObject({ model: 'mock-small', messages: [{ role: 'user', content: 'q' }] });
    expect(await requests('k-iso-b')).toHaveLength(1);
  });

  it('picks a scenario by marker; tool-weather answers in text once the tool result is present', async () => {
    const calls = assembleToolCalls(await collectChunks('k-scn', 'What is the weather? [[tool-weather]]'));
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe('get_weather');
    expect(JSON.parse(calls[0].args)).toEqual({ city: 'Paris', unit: 'celsius' });

    const followUp = await client('k-scn').chat.completions.create({
      model: 'mock-small',
      messages: [
        { role: 'user', content: 'What is the weather? [[tool-weather]]' },
        { role: 'assistant', content: null, tool_calls: [{ id: calls[0].id!, type: 'function', function: { name: 'get_weather', arguments: calls[0].args } }] },
        { role: 'tool', tool_call_id: calls[0].id!, content: '{"temperature":18}' },
      ],
    });
    expect(followUp.choices[0].message.content).toBe('It is 18 °C in Paris.');
    expect((await requests('k-scn')).map((r) => r.source)).toEqual(['scenario:tool-weather', 'scenario:tool-weather']);

    const e429 = await client('k-scn')
      .chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: '[[fault-429]]' }] })
      .catch((e: unknown) => e as APIError);
    expect(e429).toBeInstanceOf(APIError);
    expect((e429 as APIError).status).toBe(429);
    expect((e429 as APIError).headers?.get('retry-after')).toBe('2');
  });

  it('an unknown marker falls back to the echo; the queue wins over a marker', async () => {
    await queue('k-prio', [{ text: 'queued wins', delayMs: 0 }]);
    const ask = async () =>
      (await client('k-prio').chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: '[[no-such]]' }] }))
        .choices[0].message.content;
    expect(await ask()).toBe('queued wins');
    expect(await ask()).toBe('Mock reply to: [[no-such]]');
  });

  it('reset clears a key’s queue and log; health answers ok; a bad queue body is rejected', async () => {
    await queue('k-reset', [{ text: 'stale', delayMs: 0 }]);
    await client('k-reset').models.list();
    expect(await requests('k-reset')).toHaveLength(1);
    const reset = await fetch(`${mockUrl()}/__mock/reset?key=k-reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await requests('k-reset')).toEqual([]);
    const reply = await client('k-reset').chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: 'fresh' }] });
    expect(reply.choices[0].message.content).toBe('Mock reply to: fresh');

    const health = await fetch(`${mockUrl()}/__mock/health`);
    expect(await health.text()).toBe('ok');
    const bad = await fetch(`${mockUrl()}/__mock/queue?key=k-reset`, { method: 'POST', body: '{"responses":"nope"}' });
    expect(bad.status).toBe(400);
  });
});
