import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

// @axe-core/playwright needs a newer Node than the project supports, so axe is injected by hand;
// evaluated through the DevTools protocol, because the page's Content-Security-Policy forbids an
// injected <script> (addScriptTag), as it should.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** One readable line per failing element: rule, impact, selector, what to fix. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => {
        const summary = (n.failureSummary ?? '').replace(/\s+/g, ' ').trim();
        return `- [${v.impact}] ${v.id}: ${v.help}\n    at ${JSON.stringify(n.target)}\n    ${summary}`;
      }),
    )
    .join('\n');
}

/** Runs axe-core on the whole page and fails with a readable list when any serious or critical violation is found. */
export async function expectNoSeriousA11yViolations(page: Page, label: string) {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // Comparing the readable list keeps the failure output to one line per element.
  expect(describeViolations(serious), `axe: serious/critical violations on "${label}"`).toBe('');
}
