import { expect, test, type Page } from '@playwright/test';
import { APP_CSP } from '../scripts/content-security-policy';
import { lastAnswer, send, waitIdle, unfold } from './support';

// The built app under its own Content-Security-Policy: everything a user does runs without a single
// violation, while inline script, eval and plain-http connections to other hosts are refused.

interface Violation {
  directive: string;
  blocked: string;
}

declare global {
  interface Window {
    cspViolations: Violation[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
  });
  await page.goto('/');
  await expect(page.getByText('You are on the offline demo model')).toBeVisible();
});

const violations = (page: Page) => page.evaluate(() => window.cspViolations);

function card(page: Page, name: string) {
  return lastAnswer(page).getByRole('region', { name, exact: true });
}

test('the built page carries the policy, and a whole session raises no violation', async ({ page }) => {
  // Three runs, one of them the demo's long paced welcome answer: more than the default 30 s on a busy machine.
  test.slow();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toBe(APP_CSP);

  // Markdown with a table and a code block, then tools: an auto call, and run_javascript in the
  // sandbox page (which must start under the app's frame-src and run eval under its own policy).
  await send(page, 'show me some markdown');
  await waitIdle(page);
  await send(page, 'calculate 6*7');
  await expect(card(page, 'calculate').getByTestId('tool-status')).toHaveText('Done');
  await waitIdle(page);
  await send(page, 'run some javascript');
  await card(page, 'run_javascript').getByRole('button', { name: 'Review arguments' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(card(page, 'run_javascript').getByTestId('tool-status')).toHaveText('Done');
  await unfold(card(page, 'run_javascript'));
  await expect(card(page, 'run_javascript')).toContainText('30');
  await waitIdle(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  expect(await violations(page)).toEqual([]);
});

test('inline script and eval are refused in the page', async ({ page }) => {
  // DevTools lets code it evaluates use eval, so the attempts run later, as the page's own task.
  await page.evaluate(() => {
    const attempt = (run: () => unknown) => {
      try {
        return String(run());
      } catch (error) {
        return (error as Error).name;
      }
    };
    setTimeout(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const w = window as unknown as Record<string, unknown>;
      w.evalResult = attempt(() => eval('1 + 1'));
      w.functionResult = attempt(() => new Function('return 2')());
    });
  });
  await expect
    .poll(() =>
      page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return { evalResult: w.evalResult, functionResult: w.functionResult };
      }),
    )
    .toEqual({ evalResult: 'EvalError', functionResult: 'EvalError' });
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
  await expect.poll(async () => (await violations(page)).map((v) => v.directive).sort()).toEqual(['script-src', 'script-src', 'script-src-elem']);
});

test('plain http reaches this computer only; other hosts need https', async ({ page }) => {
  const attempt = (url: string) =>
    page.evaluate((u) => fetch(u, { mode: 'no-cors' }).then(() => 'sent', (e: Error) => `refused: ${e.name}`), url);
  expect(await attempt('http://192.0.2.10:11434/api/tags')).toBe('refused: TypeError');
  await expect.poll(() => violations(page)).toEqual([{ directive: 'connect-src', blocked: 'http://192.0.2.10:11434/api/tags' }]);
  // Loopback over http is allowed (Ollama, LM Studio, llama.cpp): the request goes out (nothing listens here).
  await page.evaluate(() => fetch('http://127.0.0.1:9/').catch(() => undefined));
  expect(await violations(page)).toHaveLength(1);
});
