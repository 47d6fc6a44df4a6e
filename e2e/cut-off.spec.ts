import { expect, test } from '@playwright/test';
import { keyFor, lastAnswer, modelRequests, queue, send, useMock, waitIdle } from './support';
import { expectNoSeriousA11yViolations } from './support-a11y';

// An answer cut at the token limit says so and offers Continue, which goes on in the same answer:
// the request ends with the cut text as the model's own message and a short instruction to go on,
// and the reply joins the text without a seam.

const CUT = 'The river moved slowly past the old mill, carrying leaves from the';
const REST = ' hills. Nobody remembered when the wheel had last turned.';
const INSTRUCTION = /^Your previous message was cut off at the output limit\. Continue exactly where it stopped/;

interface Block {
  type: string;
  text?: string;
}
type Wire = { role: string; content: string | Block[] | null };
const textOf = (m: Wire) => (typeof m.content === 'string' ? m.content : (m.content ?? []).map((b) => b.text ?? '').join(''));

const VARIANTS = [
  { protocol: 'openai-chat', toolMode: 'native' },
  { protocol: 'anthropic-messages', toolMode: 'native' },
  { protocol: 'openai-chat', toolMode: 'prompted' },
] as const;

for (const { protocol, toolMode } of VARIANTS) {
  test(`Continue after a length cut joins the answer seamlessly (${protocol}, ${toolMode} tools)`, async ({ page }, testInfo) => {
    const key = keyFor(testInfo);
    await useMock(page, key, { protocol, toolMode });
    await queue(key, { text: CUT, chunkSize: 12, delayMs: 5, finishReason: 'length' }, { text: REST, chunkSize: 12, delayMs: 5 });
    await page.goto('/');
    await send(page, 'Tell me about the mill');
    await waitIdle(page);

    const answer = lastAnswer(page);
    const marker = answer.getByTestId('cut-off');
    await expect(marker).toContainText("Cut off at the model's output limit");
    await expect(answer).toContainText(CUT);
    if (protocol === 'openai-chat' && toolMode === 'native') await expectNoSeriousA11yViolations(page, 'cut-off answer');

    await marker.getByRole('button', { name: 'Continue' }).click();
    await waitIdle(page);
    await expect(marker).toHaveCount(0);
    // One answer, one paragraph: the continuation is part of the same text.
    await expect(page.locator('[data-role="assistant"]')).toHaveCount(1);
    await expect(answer.getByText(CUT + REST, { exact: true })).toBeVisible();

    const requests = await modelRequests(key);
    expect(requests).toHaveLength(2);
    const messages = (requests[1].body as { messages: Wire[] }).messages;
    const tail = messages.slice(-3);
    expect(tail.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(textOf(tail[0])).toBe('Tell me about the mill');
    expect(textOf(tail[1])).toBe(CUT);
    expect(textOf(tail[2])).toMatch(INSTRUCTION);
  });
}

test('a tool call cut mid-arguments stays incomplete, and Continue lets the model go on', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(
    key,
    { toolCalls: [{ name: 'calculate', arguments: '{"expression": "6*' }], finishReason: 'length' },
    { text: 'I ran out of room; here is the short answer: 42.' },
  );
  await page.goto('/');
  await send(page, 'Compute six times seven');
  await waitIdle(page);
  const answer = lastAnswer(page);
  await expect(answer.getByTestId('cut-off')).toBeVisible();
  expect(await modelRequests(key)).toHaveLength(1);

  await answer.getByRole('button', { name: 'Continue' }).click();
  await waitIdle(page);
  await expect(answer).toContainText('here is the short answer: 42.');
  const requests = await modelRequests(key);
  expect(requests).toHaveLength(2);
  const messages = (requests[1].body as { messages: (Wire & { tool_call_id?: string })[] }).messages;
  expect(messages.at(-1)?.role).toBe('tool');
  expect(textOf(messages.at(-1)!)).toMatch(/cut off before its arguments were complete/);
});

test('a server that goes quiet is named after ten seconds, with Stop at hand', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(key, { text: 'This reply starts, then goes quiet for a long while.', chunkSize: 8, delayMs: 5, fault: { type: 'stall', afterChunks: 2, ms: 40_000 } });
  await page.goto('/');
  await send(page, 'Say something slowly');
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText('Generating…');
  // Product behaviour: ten seconds of silence; the wait here is generous for a busy machine.
  await expect(status).toHaveText('The server has sent nothing for 10 s… Stop, or keep waiting.', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await waitIdle(page);
  await expect(lastAnswer(page)).toContainText('This reply start');
});
