import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInSandbox } from './sandbox-host';

// jsdom has no workers, so these tests play the sandbox's side of the conversation: they post
// the messages a real sandbox would, from the iframe's window, and check what the host does.

function sandboxFrame(): HTMLIFrameElement {
  const frame = document.querySelector('iframe');
  if (!frame) throw new Error('no sandbox iframe');
  return frame;
}

function nonceOf(frame: HTMLIFrameElement): string {
  const match = /\("([0-9a-f]{32})", /.exec(frame.srcdoc);
  if (!match) throw new Error('no nonce in srcdoc');
  return match[1];
}

function post(data: unknown, source: Window | null = sandboxFrame().contentWindow) {
  window.dispatchEvent(new MessageEvent('message', { data, source, origin: 'null' }));
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('runInSandbox', () => {
  it('creates a hidden iframe sandboxed to scripts only, with a fresh nonce per run', () => {
    void runInSandbox('1', { timeoutMs: 1000 });
    void runInSandbox('2', { timeoutMs: 1000 });
    const [first, second] = document.querySelectorAll('iframe');
    expect(first.getAttribute('sandbox')).toBe('allow-scripts');
    expect(first.getAttribute('aria-hidden')).toBe('true');
    expect(first.srcdoc).toContain('Content-Security-Policy');
    expect(nonceOf(first)).not.toBe(nonceOf(second));
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
