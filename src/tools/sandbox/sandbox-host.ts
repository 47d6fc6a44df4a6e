import { readSandboxMessage } from './sandbox-protocol';

/**
 * The sandbox document (public/sandbox.html): a static page with its own strict CSP. It cannot be a
 * srcdoc frame, because srcdoc documents and their blob workers inherit the app's policy, which
 * (rightly) forbids eval.
 */
export const SANDBOX_PAGE = `${import.meta.env?.BASE_URL ?? '/'}sandbox.html`;

export interface SandboxRunResult {
  /** Console output, one entry per call; warn and error entries start with "[warn] " / "[error] ". */
  logs: string[];
  /** The code's completion value (or what it returned), in JSON-serialisable form. */
  value?: unknown;
  error?: string;
}

export interface SandboxRunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Where the hidden iframe is attached; document.body when absent. */
  container?: HTMLElement;
}

export type SandboxRunner = (code: string, options: SandboxRunOptions) => Promise<SandboxRunResult>;

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

/**
 * Runs JavaScript in a fresh sandboxed iframe (opaque origin, locked down by its own CSP) whose code
 * runs in a Web Worker. The frame says "ready", then gets the runner and the code by postMessage.
 * The time limit is enforced from here: removing the iframe ends the worker, so even an endless
 * loop cannot outlive it. Resolves with logs and value or error; rejects with the signal's reason
 * when aborted.
 */
function isReady(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'ready';
}

let runnerSource: string | undefined;
let runnerLoad: Promise<string> | undefined;

/**
 * The worker's runner source, loaded with the first run: it is not needed to show the page, so it
 * stays out of the first script. A frame takes a moment to load and say "ready", so in practice
 * the runner is there by then; if not, it is handed over as soon as it arrives.
 */
export function loadRunnerSource(): Promise<string> {
  runnerLoad ??= import('./worker-runner').then(
    (m) => (runnerSource = m.RUNNER_SOURCE),
    (e: unknown) => {
      runnerLoad = undefined; // a failed chunk load is tried again by the next run
      throw e;
    },
  );
  return runnerLoad;
}

export const runInSandbox: SandboxRunner = (code, { timeoutMs, signal, container }) => {
  if (typeof document === 'undefined') return Promise.reject(new Error('JavaScript can only be run in a browser page.'));
  if (signal?.aborted) return Promise.reject(signal.reason);
  void loadRunnerSource().catch(() => {}); // start now; the handshake below waits for it if need be
  const nonce = randomNonce();
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  iframe.tabIndex = -1;
  iframe.title = 'JavaScript sandbox';
  iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  iframe.src = SANDBOX_PAGE;

  return new Promise<SandboxRunResult>((resolve, reject) => {
    const logs: string[] = [];
    let started = false;

    const cleanup = () => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      signal?.removeEventListener('abort', onAbort);
      iframe.remove();
    };
    const onAbort = () => {
      cleanup();
      reject(signal?.reason);
    };
    const onMessage = (event: MessageEvent) => {
      // The frame has an opaque origin ("null"), so identity is checked by window and nonce.
      if (event.source === null || event.source !== iframe.contentWindow) return;
      if (isReady(event.data)) {
        // '*' because the frame's origin is opaque; only this frame's window receives it.
        const hand = (runner: string) => iframe.contentWindow?.postMessage({ nonce, runner, code }, '*');
        if (runnerSource !== undefined) hand(runnerSource);
        else
          loadRunnerSource().then(hand, (e: unknown) => {
            cleanup();
            reject(e);
          });
        return;
      }
      const message = readSandboxMessage(event.data, nonce);
      if (!message) return;
      if (message.type === 'started') started = true;
      else if (message.type === 'log') logs.push(message.line);
      else {
        cleanup();
        if (message.droppedLogs > 0) logs.push(`… ${message.droppedLogs} more log lines were dropped`);
        const result: SandboxRunResult = { logs };
        if (message.value !== undefined) result.value = message.value;
        if (message.error !== undefined) result.error = message.error;
        resolve(result);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      resolve({
        logs,
        error: started
          ? `Timed out after ${seconds(timeoutMs)}`
          : `The sandbox did not start within ${seconds(timeoutMs)}; the page's Content-Security-Policy may block it.`,
      });
    }, timeoutMs);

    window.addEventListener('message', onMessage);
    signal?.addEventListener('abort', onAbort, { once: true });
    (container ?? document.body).append(iframe);
  });
};
