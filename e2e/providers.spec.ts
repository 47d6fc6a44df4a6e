import { expect, test } from '@playwright/test';
import type { MockRequestRecord, MockScript } from './mock/server-core.mjs';
import { keyFor, lastAnswer, modelRequests, queue, send, toolCard, toolStatus, useMock, waitIdle, type UseMockOptions, unfold } from './support';

// One tool-using conversation — an auto call, an ask call whose arguments the user edits, three
// rounds, a final answer — against every way the app can talk to a model.

interface Mode {
  name: string;
  settings: UseMockOptions;
  protocol: 'openai' | 'anthropic' | 'responses' | 'prompted';
}

const MODES: Mode[] = [
  { name: 'OpenAI streaming', settings: { streaming: true }, protocol: 'openai' },
  { name: 'OpenAI non-streaming', settings: { streaming: false }, protocol: 'openai' },
  { name: 'Anthropic streaming', settings: { protocol: 'anthropic-messages', streaming: true }, protocol: 'anthropic' },
  { name: 'OpenAI Responses streaming', settings: { protocol: 'openai-responses', streaming: true }, protocol: 'responses' },
  { name: 'OpenAI Responses non-streaming', settings: { protocol: 'openai-responses', streaming: false }, protocol: 'responses' },
  { name: 'prompted tools', settings: { toolMode: 'prompted', streaming: true }, protocol: 'prompted' },
];

const CALC_ARGS = { expression: '6*7' };
const WRITE_ARGS = { name: 'answer.md', content: 'The answer is 42.' };
const EDITED_ARGS = { name: 'answer.md', content: 'Edited: the answer is 42.' };

const ROUNDS: MockScript[] = [
  { text: 'Let me calculate first.', toolCalls: [{ id: 'toolu_calc', name: 'calculate', arguments: CALC_ARGS }], chunkSize: 4, delayMs: 0 },
  { text: 'Now I will save it.', toolCalls: [{ id: 'toolu_write', name: 'write_file', arguments: WRITE_ARGS }], chunkSize: 4, delayMs: 0 },
  { text: 'Saved answer.md with the result 42.', delayMs: 0 },
];

/** One tool call and the result that answered it, read from a request in its own wire format. */
interface Exchange {
  name: string;
  args: unknown;
  callId: string;
  resultId: string;
  result: string;
}

/** The calls and paired results in a request body, checking the protocol's own rules on the way. */
function exchanges(mode: Mode, body: any): Exchange[] {
  const out: Exchange[] = [];
  const messages: any[] = body.messages;
  if (mode.protocol === 'responses') {
    const items: any[] = body.input;
    items.forEach((item, i) => {
      if (item.type !== 'function_call') return;
      const reply = items.slice(i + 1).find((r) => r.type === 'function_call_output' && r.call_id === item.call_id);
      out.push({ name: item.name, args: JSON.parse(item.arguments), callId: item.call_id, resultId: reply?.call_id, result: reply?.output });
    });
  } else if (mode.protocol === 'openai') {
    messages.forEach((m, i) => {
      for (const [j, call] of (m.tool_calls ?? []).entries()) {
        const reply = messages[i + 1 + j];
        expect(reply?.role, 'each call is answered by the tool message right after it').toBe('tool');
        out.push({ name: call.function.name, args: JSON.parse(call.function.arguments), callId: call.id, resultId: reply.tool_call_id, result: reply.content });
      }
    });
  } else if (mode.protocol === 'anthropic') {
    messages.forEach((m, i) => {
      const uses = (Array.isArray(m.content) ? m.content : []).filter((b: any) => b.type === 'tool_use');
      const results = (messages[i + 1]?.content ?? []).filter?.((b: any) => b.type === 'tool_result') ?? [];
      uses.forEach((use: any, j: number) => {
        expect(messages[i + 1].role).toBe('user');
        out.push({ name: use.name, args: use.input, callId: use.id, resultId: results[j]?.tool_use_id, result: results[j]?.content });
      });
    });
  } else {
    expect(messages.some((m) => m.role === 'tool' || m.tool_calls), 'no native tool messages in prompted mode').toBe(false);
    messages.forEach((m, i) => {
      if (m.role !== 'assistant') return;
      const calls = [...String(m.content).matchAll(/<tool_call>\n([\s\S]*?)\n<\/tool_call>/g)].map((x) => JSON.parse(x[1]));
      const next = messages[i + 1];
      if (calls.length) expect(next.role, 'results come back in a user message').toBe('user');
      const results = [...String(next?.content ?? '').matchAll(/<tool_result name="([^"]+)" id="([^"]+)">\n([\s\S]*?)\n<\/tool_result>/g)];
      calls.forEach((call, j) => {
        expect(results[j]?.[1]).toBe(call.name);
        out.push({ name: call.name, args: call.arguments, callId: results[j]?.[2], resultId: results[j]?.[2], result: results[j]?.[3] });
      });
    });
  }
  return out;
}

/** The tools the request offered natively, by name. */
function nativeTools(body: any): string[] {
  return (body.tools ?? []).map((t: any) => t.function?.name ?? t.name);
}

function checkRequest(mode: Mode, record: MockRequestRecord) {
  const body = record.body as any;
  if (mode.protocol === 'anthropic') {
    expect(record.path).toBe('/v1/messages');
    expect(record.headers['anthropic-version']).toBeTruthy();
    expect(body.max_tokens).toBeGreaterThan(0);
    expect(body.tools.find((t: any) => t.name === 'write_file').input_schema.type).toBe('object');
  } else if (mode.protocol === 'responses') {
    expect(record.path).toBe('/v1/responses');
    // Stateless: nothing is stored at the provider, so reasoning comes back encrypted every round.
    expect(body.store).toBe(false);
    expect(body.include).toEqual(['reasoning.encrypted_content']);
    expect(body.tools.find((t: any) => t.name === 'write_file').parameters.type).toBe('object');
  } else {
    expect(record.path).toBe('/v1/chat/completions');
  }
  expect(body.stream === true).toBe(mode.settings.streaming);
  if (mode.protocol === 'prompted') {
    expect(body.tools).toBeUndefined();
    expect(body.messages[0].role).toBe('system');
    expect(body.messages[0].content).toContain('<tool_call>');
    expect(body.messages[0].content).toContain('### write_file');
  } else {
    expect(nativeTools(body)).toEqual(expect.arrayContaining(['calculate', 'write_file']));
  }
}

for (const mode of MODES) {
  test(`tool conversation over ${mode.name}: auto call, edited approval, three rounds`, async ({ page }, testInfo) => {
    const key = keyFor(testInfo);
    // Forced, so the calls can only arrive as <tool_call> text the app must parse.
    // Over the Responses API the first round also reasons, so the next request must carry it back.
    const rounds = mode.protocol === 'responses' ? [{ ...ROUNDS[0], reasoning: 'Calculate, then save.' }, ...ROUNDS.slice(1)] : ROUNDS;
    await queue(key, ...rounds.map((r) => (mode.protocol === 'prompted' ? { ...r, promptedTools: true } : r)));
    await useMock(page, key, mode.settings);
    await page.goto('/');
    await send(page, 'Compute 6*7 and save it to answer.md');

    const calc = toolCard(page, 'calculate');
    await expect(toolStatus(calc)).toHaveText('Done');
    await unfold(calc);
    await expect(calc).toContainText('42');

    const write = toolCard(page, 'write_file');
    await expect(toolStatus(write)).toHaveText('Waiting for approval');
    await write.getByRole('button', { name: 'Review arguments' }).click();
    const dialog = page.getByRole('dialog', { name: /Review arguments/ });
    const editor = dialog.getByRole('textbox', { name: 'Arguments (JSON)' });
    await expect(editor).toHaveValue(JSON.stringify(WRITE_ARGS, null, 2));
    await editor.fill(JSON.stringify(EDITED_ARGS));
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(toolStatus(write)).toHaveText('Done');
    await unfold(write);
    await expect(write).toContainText('Edited by you');

    const answer = lastAnswer(page);
    await expect(answer).toContainText('Saved answer.md with the result 42.');
    await waitIdle(page);
    await expect(answer).toContainText('Let me calculate first.');
    await expect(answer).toContainText('Now I will save it.');
    // In prompted mode the blocks are hidden from the prose.
    await expect(answer).not.toContainText('<tool_call>');
    await expect(answer).not.toContainText('"arguments"');

    const requests = await modelRequests(key);
    expect(requests.map((r) => r.source)).toEqual(['queue', 'queue', 'queue']);
    for (const r of requests) checkRequest(mode, r);
    expect(exchanges(mode, requests[0].body)).toEqual([]);
    if (mode.protocol === 'responses') {
      const input: any[] = (requests[1].body as any).input;
      const reasoning = input.findIndex((i) => i.type === 'reasoning');
      expect(input[reasoning]).toMatchObject({ type: 'reasoning', encrypted_content: expect.stringMatching(/^enc_mock_/) });
      expect(reasoning, 'reasoning goes back before the call it led to').toBeLessThan(input.findIndex((i) => i.type === 'function_call'));
    }

    const [calcRound] = exchanges(mode, requests[1].body);
    expect(calcRound).toMatchObject({ name: 'calculate', args: CALC_ARGS });
    expect(JSON.parse(calcRound.result)).toMatchObject({ result: 42 });

    const all = exchanges(mode, requests[2].body);
    expect(all.map((e) => e.name)).toEqual(['calculate', 'write_file']);
    // History stays honest: the model's own arguments, and a result that names the edit.
    expect(all[1].args).toEqual(WRITE_ARGS);
    expect(all[1].result).toBe(
      `Note: the user edited the arguments before this call ran. Arguments actually used: ${JSON.stringify(EDITED_ARGS)}\n` +
        `Result: ${JSON.stringify({ name: 'answer.md', bytes: EDITED_ARGS.content.length })}`,
    );
    for (const e of all) expect(e.resultId, `${e.name}: result paired with its call`).toBe(e.callId);
    expect(new Set(all.map((e) => e.callId)).size).toBe(2);
    if (mode.protocol !== 'prompted') expect(all.map((e) => e.callId)).toEqual(['toolu_calc', 'toolu_write']);
  });
}

test('auto tool mode: a server that refuses tools gets the round again in prompted mode, and keeps it', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { fault: { type: 'http', status: 400, message: 'This model does not support tools' } },
    { toolCalls: [{ name: 'calculate', arguments: CALC_ARGS }], promptedTools: true, chunkSize: 3, delayMs: 0 },
    { text: 'It is 42.', delayMs: 0 },
    { text: 'Still prompted.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'What is 6*7?');

  await expect(toolStatus(toolCard(page, 'calculate'))).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('It is 42.');
  await waitIdle(page);
  await expect(lastAnswer(page).getByRole('alert')).toHaveCount(0);
  await send(page, 'And again?');
  await expect(lastAnswer(page)).toContainText('Still prompted.');

  const requests = await modelRequests(key);
  expect(requests.map((r) => nativeTools(r.body).length > 0)).toEqual([true, false, false, false]);
  const prompted: Mode = { name: 'auto', settings: { streaming: true }, protocol: 'prompted' };
  for (const r of requests.slice(1)) checkRequest(prompted, r);
  expect(exchanges(prompted, requests[2].body).map((e) => [e.name, JSON.parse(e.result).result])).toEqual([['calculate', 42]]);
});
