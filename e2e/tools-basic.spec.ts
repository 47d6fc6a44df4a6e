import { expect, test } from '@playwright/test';
import {
  expectRequestCount,
  keyFor,
  lastAnswer,
  queue,
  requestMessages,
  send,
  toolCard,
  toolResults,
  toolStatus,
  useMock,
  waitIdle,
  unfold,
} from './support';

// Tool calls against the mock: a single call streamed live, several rounds in one turn, the round
// limit, and calls that go wrong (bad arguments, unknown tool, a throwing tool).

test('a single call streams its arguments live, runs, and its result goes back to the model', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const expression = '(1+2+3)*7 + 0*(4+5+6+7+8+9)';
  // Two characters every 120 ms: the arguments take about four seconds, and the partial state
  // (the expression begun but not finished) lasts over two, long enough to see on a loaded machine.
  await queue(key, { toolCalls: [{ id: 'c1', name: 'calculate', arguments: { expression } }], chunkSize: 2, delayMs: 120 }, { text: 'The answer is 42.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'What is (1+2+3)*7?');

  const card = toolCard(page, 'calculate');
  // Partial arguments and the streaming chip must be seen in the same frame, not one after the other.
  await expect
    .poll(
      async () =>
        card.evaluate(
          (el, full) => {
            const text = el.textContent ?? '';
            return {
              status: el.querySelector('[data-testid="tool-status"]')?.textContent ?? '',
              partial: text.includes('(1+2') && !text.includes(full),
            };
          },
          expression,
        ),
      { intervals: [40] },
    )
    .toEqual({ status: 'Receiving arguments…', partial: true });

  await expect(toolStatus(card)).toHaveText('Done');
  await unfold(card);
  await expect(card).toContainText('42');
  await expect(lastAnswer(page)).toContainText('The answer is 42.');
  await waitIdle(page);

  await expectRequestCount(key, 2);
  const second = await requestMessages(key, 1);
  const assistant = second.find((m) => m.role === 'assistant');
  expect(assistant?.tool_calls).toEqual([
    { id: 'c1', type: 'function', function: { name: 'calculate', arguments: JSON.stringify({ expression }) } },
  ]);
  const [result] = await toolResults(key, 1);
  expect(result.tool_call_id).toBe('c1');
  expect(JSON.parse(result.content ?? '')).toEqual({ expression, result: 42 });
  // The tool message follows the assistant message that asked for it.
  expect(second.filter((m) => m.role !== 'system').map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
});

test('tool, tool, answer: two rounds of calls and the final text in one user turn', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [{ id: 'r1', name: 'calculate', arguments: { expression: '2+3' } }], delayMs: 0 },
    { toolCalls: [{ id: 'r2', name: 'calculate', arguments: { expression: '5*10' } }], delayMs: 0 },
    { text: 'First 5, then 50.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Two steps please');

  await expect(lastAnswer(page)).toContainText('First 5, then 50.');
  await waitIdle(page);
  const cards = lastAnswer(page).getByRole('region', { name: 'calculate', exact: true });
  await expect(cards).toHaveCount(2);
  await expect(toolStatus(cards.nth(0))).toHaveText('Done');
  await expect(toolStatus(cards.nth(1))).toHaveText('Done');
  await expect(cards.nth(1)).toContainText('50');
  // Only one user message: both rounds belong to the same turn.
  await expect(page.locator('[data-role="user"]')).toHaveCount(1);
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(1);

  await expectRequestCount(key, 3);
  expect((await toolResults(key, 1)).map((m) => m.tool_call_id)).toEqual(['r1']);
  const third = await toolResults(key, 2);
  expect(third.map((m) => m.tool_call_id)).toEqual(['r1', 'r2']);
  expect(JSON.parse(third[1].content ?? '')).toMatchObject({ result: 50 });
});

test('the round limit ends the run after 8 rounds with a notice', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const rounds = Array.from({ length: 9 }, (_, i) => ({
    toolCalls: [{ id: `m${i}`, name: 'calculate', arguments: { expression: `${i}+1` } }],
    delayMs: 0,
  }));
  await queue(key, ...rounds);
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Loop forever');

  await expect(lastAnswer(page).getByRole('note')).toContainText('Stopped after 8 rounds of tool calls (the limit)');
  await waitIdle(page);
  await expect(lastAnswer(page).getByRole('region', { name: 'calculate', exact: true })).toHaveCount(8);
  // The notice is written when the run ends, so the count is final here.
  await expectRequestCount(key, 8);
});

test('bad arguments, an unknown tool and a throwing tool become errors the model sees', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    {
      toolCalls: [
        { id: 'bad', name: 'calculate', arguments: { expression: 42 } },
        { id: 'ghost', name: 'get_weather', arguments: { city: 'Paris' } },
        { id: 'boom', name: 'calculate', arguments: { expression: '1/0' } },
      ],
      delayMs: 0,
    },
    { text: 'Sorry, all three went wrong.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Break things');

  const invalid = toolCard(page, 'calculate', 0);
  const unknown = toolCard(page, 'get_weather');
  const thrown = toolCard(page, 'calculate', 1);
  await expect(toolStatus(invalid)).toHaveText('Invalid');
  await unfold(invalid);
  await expect(invalid).toContainText('/expression must be string');
  await expect(toolStatus(unknown)).toHaveText('Invalid');
  await unfold(unknown);
  await expect(unknown).toContainText('Unknown tool "get_weather"');
  await expect(toolStatus(thrown)).toHaveText('Failed');
  await unfold(thrown);
  await expect(thrown).toContainText('Division by zero');
  // The run did not crash: the model got to answer.
  await expect(lastAnswer(page)).toContainText('Sorry, all three went wrong.');
  await waitIdle(page);
  await expect(lastAnswer(page).getByRole('alert')).toHaveCount(0);

  await expectRequestCount(key, 2);
  const results = await toolResults(key, 1);
  expect(results.map((m) => m.tool_call_id)).toEqual(['bad', 'ghost', 'boom']);
  expect(results[0].content).toMatch(/^Error: Invalid arguments for "calculate": \/expression must be string/);
  expect(results[1].content).toMatch(/^Error: Unknown tool "get_weather"\. Available tools: .*calculate/);
  expect(results[2].content).toMatch(/^Error: Division by zero/);
});
