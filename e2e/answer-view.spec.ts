import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support-a11y';
import { chatRequests, keyFor, lastAnswer, queue, send, toolCard, toolStatus, unfold, useMock, waitIdle } from './support';

// The answer view: highlighted code, typeset math with its source untouched, copy buttons that
// put exactly the right text on the clipboard, and "Branch from here" on earlier answers.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const CODE = ['def area(r):', '    """Circle area."""', '    return 3.14159 * r ** 2', '', 'print(area(2))'].join('\n');
export const ANSWER = [
  'The energy is $E=mc^2$ and the area under $x^2$ is',
  '',
  '$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$',
  '',
  'Also \\(a_1 + b_1\\) works. A ticket costs $5 and a meal $10.',
  '',
  '```python',
  CODE,
  '```',
].join('\n');
const PLAIN = [
  'The energy is E=mc^2 and the area under x^2 is',
  '',
  '\\int_0^1 x^2\\,dx = \\frac{1}{3}',
  '',
  'Also a_1 + b_1 works. A ticket costs $5 and a meal $10.',
  '',
  CODE,
].join('\n');

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function clearClipboard(page: Page) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
}

/** Clicks a copy button and waits for its "Copied" confirmation and the text on the clipboard. */
async function copyAndRead(page: Page, button: ReturnType<Page['getByRole']>, expected: string) {
  await clearClipboard(page);
  await button.click();
  await expect(button).toHaveText('Copied');
  await expect.poll(() => clipboard(page)).toBe(expected);
}

export async function openMathAndCode(page: Page, key: string) {
  await queue(key, { text: ANSWER, delayMs: 5, chunkSize: 7 });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Show me physics, calculus and python');
  await waitIdle(page);
  const answer = lastAnswer(page);
  await expect(answer.locator('.katex')).toHaveCount(4);
  await expect(answer.locator('[data-testid="code-block"] .hljs-keyword').first()).toBeVisible();
  return answer;
}

test('a streamed code block is highlighted, math is typeset, and copies give the exact source', async ({ page }, testInfo) => {
  const answer = await openMathAndCode(page, keyFor(testInfo));

  // Highlighted tokens, not one colour: keywords, strings, numbers.
  const code = answer.getByTestId('code-block');
  await expect(code.locator('.hljs-keyword')).toHaveText(['def', 'return']);
  await expect(code.locator('.hljs-string')).toHaveText('"""Circle area."""');
  await expect(code.locator('.hljs-number').first()).toHaveText('3.14159');
  await expect(code).toContainText('python');

  // Math: one display formula, three inline ones, TeX source kept in KaTeX's annotation; currency is text.
  await expect(answer.locator('.katex-display')).toHaveCount(1);
  await expect(answer.locator('.katex-display annotation')).toHaveText('\\int_0^1 x^2\\,dx = \\frac{1}{3}');
  await expect(answer).toContainText('A ticket costs $5 and a meal $10.');

  await copyAndRead(page, code.getByRole('button', { name: 'Copy code' }), CODE);
  await copyAndRead(page, answer.getByRole('button', { name: 'Copy answer as Markdown' }), ANSWER);
  await copyAndRead(page, answer.getByRole('button', { name: 'Copy as text (the answer without Markdown)' }), PLAIN);
  await copyAndRead(page, page.getByRole('button', { name: 'Copy message' }), 'Show me physics, calculus and python');
});

test('a long code block folds with Show all and wraps on request', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const long = Array.from({ length: 40 }, (_, i) => `const line${i} = ${i}; // ${'a long comment '.repeat(i === 3 ? 20 : 1)}`).join('\n');
  await queue(key, { text: `Here:\n\n\`\`\`js\n${long}\n\`\`\``, delayMs: 0, chunkSize: 400 });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'long code');
  await waitIdle(page);
  const block = lastAnswer(page).getByTestId('code-block');
  const pre = block.locator('pre');
  const folded = (await pre.boundingBox())!.height;
  const showAll = block.getByRole('button', { name: 'Show all 40 lines' });
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await showAll.click();
  await expect(block.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  expect((await pre.boundingBox())!.height).toBeGreaterThan(folded * 1.5);

  const wrap = block.getByRole('button', { name: 'Wrap' });
  await expect(wrap).toHaveAttribute('aria-pressed', 'false');
  const scrolls = () => pre.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(await scrolls()).toBe(true);
  await wrap.click();
  await expect(wrap).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(scrolls).toBe(false);
});

test('tool cards highlight code arguments and copy their arguments and results', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const content = 'import os\n\ndef main():\n    return os.getcwd()\n';
  await queue(
    key,
    {
      toolCalls: [
        { id: 'v-calc', name: 'calculate', arguments: { expression: '6*7' } },
        { id: 'v-write', name: 'write_file', arguments: { name: 'tool.py', content } },
      ],
      delayMs: 0,
    },
    { text: 'Saved.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Calculate and save');
  const write = toolCard(page, 'write_file');
  await expect(toolStatus(write)).toHaveText('Waiting for approval');
  await expect(write.locator('.hljs-keyword').first()).toHaveText('import');
  await copyAndRead(page, write.getByRole('button', { name: 'Copy arguments' }), JSON.stringify({ name: 'tool.py', content }, null, 2));

  const calc = toolCard(page, 'calculate');
  await expect(toolStatus(calc)).toHaveText('Done');
  await unfold(calc);
  await copyAndRead(page, calc.getByRole('button', { name: 'Copy result' }), JSON.stringify({ expression: '6*7', result: 42 }, null, 2));
  await copyAndRead(page, calc.getByRole('button', { name: 'Copy arguments' }), JSON.stringify({ expression: '6*7' }, null, 2));
});

test('Branch from here answers an earlier question again as a new branch', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'Paris.', delayMs: 0 }, { text: 'About 2.1 million.', delayMs: 0 }, { text: 'Paris, on the Seine.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Capital of France?');
  await waitIdle(page);
  await send(page, 'Population?');
  await waitIdle(page);

  const first = page.locator('[data-role="assistant"]').first();
  // The last answer offers Regenerate; earlier ones offer Branch from here.
  await expect(lastAnswer(page).getByRole('button', { name: 'Branch from here' })).toHaveCount(0);
  await first.getByRole('button', { name: 'Branch from here' }).click();
  await expect(page.getByRole('main').getByText('Paris, on the Seine.')).toBeVisible();
  await waitIdle(page);
  await expect(page.getByRole('main').getByText('Population?')).toHaveCount(0);
  const requests = await chatRequests(key);
  expect((requests[2].body as { messages: { role: string; content: string }[] }).messages.map((m) => [m.role, m.content])).toEqual([
    ['user', 'Capital of France?'],
  ]);

  // The old branch, with the rest of the conversation, is one click away.
  const branched = page.locator('[data-role="assistant"]').first();
  await expect(branched.getByTestId('branch-position')).toHaveText('2 / 2');
  await branched.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByRole('main').getByText('About 2.1 million.')).toBeVisible();
  await expect(page.getByRole('main').getByText('Paris, on the Seine.')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe with code and math showing (${colorScheme})`, () => {
    test.use({ colorScheme });
    test('no serious violations', async ({ page }, testInfo) => {
      await openMathAndCode(page, keyFor(testInfo));
      await expectNoSeriousA11yViolations(page, `answer with code and math, ${colorScheme}`);
    });
  });
}

// Review screenshots (`npm run screenshots`, or SCREENSHOTS=1 with --grep @screenshots): light,
// dark, phone and 简体中文, written to SHOTS_DIR.
test('answer with code and math @screenshots', async ({ browser }, testInfo) => {
  const dir = process.env.SHOTS_DIR ?? 'test-results/screenshots';
  const variants = [
    { name: 'answer-light', colorScheme: 'light', width: 1100, locale: 'en-US' },
    { name: 'answer-dark', colorScheme: 'dark', width: 1100, locale: 'en-US' },
    { name: 'answer-phone', colorScheme: 'light', width: 375, locale: 'en-US' },
    { name: 'answer-zh-cn', colorScheme: 'light', width: 1100, locale: 'zh-CN' },
  ] as const;
  for (const v of variants) {
    const context = await browser.newContext({
      colorScheme: v.colorScheme,
      locale: v.locale,
      viewport: { width: v.width, height: v.width > 400 ? 900 : 740 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const answer = await openMathAndCode(page, `${keyFor(testInfo)}-${v.name}`);
    await answer.locator('[data-testid="answer-actions"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/${v.name}.png` });
    await context.close();
  }
});
