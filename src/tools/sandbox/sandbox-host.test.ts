import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRunnerSource, runInSandbox, SANDBOX_PAGE } from './sandbox-host';
import { RUNNER_SOURCE } from './worker-runner';

// jsdom has no workers, so these tests play the sandbox's side of the conversation: they post
// the messages a real sandbox would, from the iframe's window, and check what the host does.

function sandboxFrame(): HTMLIFrameElement {
  const frame = document.querySelector('iframe');
  if (!frame) throw new Error('no sandbox iframe');
  return frame;
}

/** Plays the frame saying "ready" and returns what the host then handed it. */
function handshake(frame: HTMLIFrameElement): { nonce: string; runner: string; code: string } {
  const sent = vi.spyOn(frame.contentWindow!, 'postMessage');
  post({ type: 'ready' }, frame.contentWindow);
  expect(sent).toHaveBeenCalledTimes(1);
  const [message, target] = sent.mock.calls[0] as unknown as [{ nonce: string; runner: string; code: string }, string];
  expect(target).toBe('*');
  return message;
}

function nonceOf(frame: HTMLIFrameElement): string {
  return handshake(frame).nonce;
}

function post(data: unknown, source: Window | null = sandboxFrame().contentWindow) {
  window.dispatchEvent(new MessageEvent('message', { data, source, origin: 'null' }));
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('runInSandbox', () => {
  // The runner loads with the first run; these stories start with it loaded, as a real frame's
  // page load gives it time to (the story below plays a frame that is ready first).
  beforeAll(() => loadRunnerSource());

  it('hands the runner over as soon as it has loaded when the frame is ready first', async () => {
    vi.resetModules();
    const fresh = await import('./sandbox-host');
    void fresh.runInSandbox('1', { timeoutMs: 1000 });
    const frame = sandboxFrame();
    const sent = vi.spyOn(frame.contentWindow!, 'postMessage');
    post({ type: 'ready' }, frame.contentWindow);
    expect(sent).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    expect(sent.mock.calls[0][0]).toMatchObject({ runner: RUNNER_SOURCE, code: '1' });
  });

  it('creates a hidden iframe sandboxed to scripts only, with a fresh nonce per run', () => {
    void runInSandbox('1', { timeoutMs: 1000 });
    void runInSandbox('2', { timeoutMs: 1000 });
    const [first, second] = document.querySelectorAll('iframe');
    expect(first.getAttribute('sandbox')).toBe('allow-scripts');
    expect(first.getAttribute('aria-hidden')).toBe('true');
    // Never srcdoc: a srcdoc document would inherit the app's CSP, which forbids the eval the runner needs.
    expect(first.hasAttribute('srcdoc')).toBe(false);
    expect(first.getAttribute('src')).toBe(SANDBOX_PAGE);
    const handed = handshake(first);
    expect(handed).toEqual({ nonce: expect.stringMatching(/^[0-9a-f]{32}$/), runner: RUNNER_SOURCE, code: '1' });
    expect(handed.nonce).not.toBe(nonceOf(second));
  });

  it('hands the code only to its own frame when that frame is ready', () => {
    void runInSandbox('secret()', { timeoutMs: 1000 });
    const frame = sandboxFrame();
    const sent = vi.spyOn(frame.contentWindow!, 'postMessage');
    post({ type: 'ready' }, window);
    post({ type: 'ready' }, null);
    post('ready');
    expect(sent).not.toHaveBeenCalled();
    post({ type: 'ready' });
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('collects logs and resolves with the result, then removes the iframe', async () => {
    const running = runInSandbox('console.log("hi"); 42', { timeoutMs: 1000 });
    const nonce = nonceOf(sandboxFrame());
    post({ nonce, type: 'started' });
    post({ nonce, type: 'log', line: 'hi' });
    post({ nonce, type: 'result', value: 42, droppedLogs: 2 });
    await expect(running).resolves.toEqual({ logs: ['hi', '… 2 more log lines were dropped'], value: 42 });
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('passes on the error of a failed run', async () => {
    const running = runInSandbox('x', { timeoutMs: 1000 });
    post({ nonce: nonceOf(sandboxFrame()), type: 'result', error: 'ReferenceError: x is not defined (line 1)' });
    await expect(running).resolves.toEqual({ logs: [], error: 'ReferenceError: x is not defined (line 1)' });
  });

  it('ignores messages from other windows, with another nonce, or malformed', async () => {
    vi.useFakeTimers();
    const running = runInSandbox('1', { timeoutMs: 1000 });
    const frame = sandboxFrame();
    const nonce = nonceOf(frame);
    post({ nonce, type: 'result', value: 'from the page itself' }, window);
    post({ nonce, type: 'result', value: 'no source' }, null);
    post({ nonce: 'guess', type: 'result', value: 'wrong nonce' });
    post({ nonce, type: 'log', line: { not: 'a string' } });
    post({ nonce, type: 'result', value: 'genuine' });
    await expect(running).resolves.toEqual({ logs: [], value: 'genuine' });
  });

  it('times out from outside, keeps the logs so far and removes the iframe', async () => {
    vi.useFakeTimers();
    const running = runInSandbox('while (true) {}', { timeoutMs: 2000 });
    const nonce = nonceOf(sandboxFrame());
    post({ nonce, type: 'started' });
    post({ nonce, type: 'log', line: 'before the loop' });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(running).resolves.toEqual({ logs: ['before the loop'], error: 'Timed out after 2 s' });
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('says so when the sandbox never started', async () => {
    vi.useFakeTimers();
    const running = runInSandbox('1', { timeoutMs: 500 });
    await vi.advanceTimersByTimeAsync(500);
    await expect(running).resolves.toMatchObject({ error: expect.stringMatching(/^The sandbox did not start within 0.5 s/) });
  });

  it('rejects with the abort reason and removes the iframe when aborted', async () => {
    const controller = new AbortController();
    const running = runInSandbox('while (true) {}', { timeoutMs: 5000, signal: controller.signal });
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
    controller.abort(new DOMException('Stopped', 'AbortError'));
    await expect(running).rejects.toMatchObject({ name: 'AbortError', message: 'Stopped' });
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('does not start at all when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runInSandbox('1', { timeoutMs: 1000, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(document.querySelector('iframe')).toBeNull();
  });
});
