import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { MockRequestRecord, MockScript } from './mock/server-core.mjs';

// MOCK_URL points the specs at another mock server (e.g. one started from a working copy on 8788).
export const MOCK = process.env.MOCK_URL ?? 'http://127.0.0.1:8787';

/** A mock-server key unique to this test, so parallel workers never share queues or logs. */
export function keyFor(testInfo: TestInfo): string {
  return `e2e-${testInfo.workerIndex}-${testInfo.testId}-${Date.now()}`;
}

export interface UseMockOptions {
  streaming?: boolean;
  model?: string;
  /** Default: the app's default (OpenAI chat completions). Anthropic gets the mock's root as base URL. */
  protocol?: 'openai-chat' | 'openai-responses' | 'anthropic-messages';
  /** Default: the app's default ("auto"). */
  toolMode?: 'native' | 'prompted' | 'auto';
}

/** Points the app at the mock server (Custom provider) before the page loads. */
export async function useMock(page: Page, key: string, opts: UseMockOptions = {}) {
  const anthropic = opts.protocol === 'anthropic-messages';
  const settings = {
    presetId: 'custom',
    baseURL: anthropic ? MOCK : `${MOCK}/v1`,
    model: opts.model ?? 'mock-small',
    streaming: opts.streaming ?? true,
    rememberKey: false,
    ...(opts.protocol ? { protocol: opts.protocol } : {}),
    ...(opts.toolMode ? { toolMode: opts.toolMode } : {}),
  };
  await page.addInitScript(
    ([s, k]) => {
      localStorage.setItem('callstream.settings', s);
      sessionStorage.setItem('callstream.apiKey', k);
    },
    [JSON.stringify(settings), key] as const,
  );
}

/** Queues scripted answers for this test's key. */
export async function queue(key: string, ...responses: MockScript[]) {
  const res = await fetch(`${MOCK}/__mock/queue?key=${encodeURIComponent(key)}`, { method: 'POST', body: JSON.stringify({ responses }) });
  expect(res.ok).toBe(true);
}

/** The OpenAI requests (chat completions or Responses) the mock received for this key. */
export async function chatRequests(key: string): Promise<MockRequestRecord[]> {
  const res = await fetch(`${MOCK}/__mock/requests?key=${encodeURIComponent(key)}`);
  const all: MockRequestRecord[] = await res.json();
  return all.filter((r) => /\/(chat\/completions|responses)$/.test(r.path) && r.method === 'POST');
}

/** Every model request (chat completions and Anthropic messages) the mock received for this key, oldest first. */
export async function modelRequests(key: string): Promise<MockRequestRecord[]> {
  const res = await fetch(`${MOCK}/__mock/requests?key=${encodeURIComponent(key)}`);
  const all: MockRequestRecord[] = await res.json();
  return all.filter((r) => r.method === 'POST' && /\/(chat\/completions|messages|responses)$/.test(r.path));
}

/**
 * Types a message, sends it with Enter, and waits until the app took it (the conversation grew) or
 * refused it (the box is marked invalid). Without that wait, a waitIdle() right after could see the
 * Send button of the moment before the run started.
 */
export async function send(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  const conversation = page.getByTestId('conversation');
  const before = Number(await conversation.getAttribute('data-message-count'));
  await box.fill(text);
  await box.press('Enter');
  await expect
    .poll(async () => (await box.getAttribute('aria-invalid')) === 'true' || Number(await conversation.getAttribute('data-message-count')) > before)
    .toBe(true);
}

/** The last assistant answer on the page. */
export function lastAnswer(page: Page) {
  return page.locator('[data-role="assistant"]').last();
}

/** Waits until the run is back to idle (the Send button is back). */
/**
 * How long a run may take to settle: the demo's welcome answer alone streams for 7-10 s at its
 * paced 30 ms a chunk on an idle machine, and a busy CI machine with two workers can double that.
 */
export const RUN_SETTLES_MS = 30_000;

export async function waitIdle(page: Page) {
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: RUN_SETTLES_MS });
}

/** Opens the settings dialog from the header and returns it. */
export async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Length of the last answer's text (the "Thinking…" placeholder excluded) and whether a run is in flight, read in one go. */
async function answerSample(page: Page) {
  return page.evaluate(() => {
    const answers = document.querySelectorAll('[data-role="assistant"]');
    const answer = answers[answers.length - 1];
    const copy = answer?.cloneNode(true) as HTMLElement | undefined;
    copy?.querySelector('[data-testid="thinking"]')?.remove();
    const streaming = [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Stop');
    return { length: copy?.textContent?.length ?? 0, streaming };
  });
}

/**
 * Asserts the last answer grows while the run is still going: two samples taken while Stop is on
 * screen, the second longer than the first. Returns the length of the second sample.
 */
export async function expectStreamsProgressively(page: Page): Promise<number> {
  let first = 0;
  await expect
    .poll(async () => {
      const s = await answerSample(page);
      if (s.streaming) first = s.length;
      return s.streaming && s.length > 0;
    }, { message: 'some answer text arrived while the run was in flight', intervals: [50], timeout: 10_000 })
    .toBe(true);
  let second = 0;
  await expect
    .poll(async () => {
      const s = await answerSample(page);
      second = s.length;
      return s.streaming && s.length > first;
    }, { message: 'the answer grew while the run was still in flight', intervals: [50], timeout: 10_000 })
    .toBe(true);
  return second;
}

/** Polls the mock's log until this key's chat requests satisfy `check`, and returns them. */
export async function waitForChatRequests(key: string, check: (requests: MockRequestRecord[]) => boolean): Promise<MockRequestRecord[]> {
  let last: MockRequestRecord[] = [];
  await expect
    .poll(async () => check((last = await chatRequests(key))), { message: 'the mock saw the expected chat requests', timeout: 10_000 })
    .toBe(true);
  return last;
}

/** One message of a chat-completions request body, as the app sent it. */
export interface WireMessage {
  role: string;
  content?: string | null;
  tool_call_id?: string;
  tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
}

/** The messages of this key's index-th chat request (0-based). */
export async function requestMessages(key: string, index: number): Promise<WireMessage[]> {
  const requests = await chatRequests(key);
  expect(requests.length, `chat request #${index} exists`).toBeGreaterThan(index);
  const body = requests[index].body as { messages?: WireMessage[]; input?: ResponsesItem[] };
  return body.messages ?? responsesMessages(body.input ?? []);
}

/** The role:'tool' messages of this key's index-th chat request. */
export async function toolResults(key: string, index: number): Promise<WireMessage[]> {
  return (await requestMessages(key, index)).filter((m) => m.role === 'tool');
}

/** Waits until this key has made exactly `count` chat requests. */
export async function expectRequestCount(key: string, count: number) {
  await expect.poll(async () => (await chatRequests(key)).length).toBe(count);
}

/** A tool card (a region named after its tool); `nth` picks among several calls of the same tool. */
export function toolCard(page: Page, name: string, nth = 0) {
  return page.getByRole('region', { name, exact: true }).nth(nth);
}

/** The status chip of a tool card ("Running", "Waiting for approval", "Done" ...). */
export function toolStatus(card: ReturnType<Page['getByRole']>) {
  return card.getByTestId('tool-status');
}

/** Polls the bar until it has shown `distinct` different values strictly between 0 and 100. */
export async function expectProgressMoves(bar: Locator, distinct = 2) {
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        const now = Number(await bar.getAttribute('aria-valuenow', { timeout: 1_000 }).catch(() => NaN));
        if (now > 0 && now < 100) seen.add(now);
        return seen.size;
      },
      { intervals: [100] },
    )
    .toBeGreaterThanOrEqual(distinct);
}

/** Opens the Tool permissions dialog from the header's "Permissions" button and returns it. */
export async function openPermissions(page: Page) {
  await page.getByRole('button', { name: 'Permissions', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Tool permissions' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * Unfolds a settled tool card (settled calls fold to one line). Waits for the card to settle first:
 * the fold toggle only exists once the call has.
 */
export async function unfold(card: Locator) {
  const toggle = card.getByTestId('tool-fold');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

interface ResponsesItem {
  type?: string;
  role?: string;
  content?: string;
  call_id?: string;
  name?: string;
  arguments?: string;
  output?: string;
}

/** Responses API input items as chat messages, so the stories read one shape whichever protocol sent it. */
function responsesMessages(items: ResponsesItem[]): WireMessage[] {
  const out: WireMessage[] = [];
  for (const item of items) {
    if (item.type === 'function_call_output') out.push({ role: 'tool', tool_call_id: item.call_id, content: item.output } as WireMessage);
    else if (item.type === 'function_call') {
      const last = out[out.length - 1] as WireMessage & { tool_calls?: unknown[] };
      const call = { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } };
      if (last?.role === 'assistant') (last.tool_calls ??= []).push(call);
      else out.push({ role: 'assistant', content: null, tool_calls: [call] } as unknown as WireMessage);
    } else if (item.role) out.push({ role: item.role, content: item.content ?? null } as WireMessage);
  }
  return out;
}
