// Dev-only: exposes the JavaScript sandbox and the OPFS file store to Playwright on
// e2e/harness/sandbox.html. Not part of the production build.
import { OpfsFileStore } from '../../src/tools/files/opfs-file-store';
import { runInSandbox, type SandboxRunResult } from '../../src/tools/sandbox';

// The network-relevant part of public/sandbox.html's policy, with inline scripts allowed so a raw
// experiment frame can run its own markup (the real page allows only its one script, by hash).
const RAW_FRAME_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

declare global {
  interface Window {
    sandboxReady: boolean;
    runJs(code: string, timeoutMs?: number): Promise<SandboxRunResult>;
    runJsAndAbort(code: string, abortAfterMs: number): Promise<{ error: string; elapsedMs: number }>;
    mainThreadTicksDuring(code: string, timeoutMs: number): Promise<{ ticks: number; result: SandboxRunResult }>;
    /** A bare sandboxed iframe (no runner, no overrides): collects its messages for waitMs, or until `messages` came. */
    rawSandboxFrame(html: string, options: { csp: boolean; waitMs: number; messages?: number }): Promise<unknown[]>;
    opfs: OpfsFileStore;
  }
}

window.runJs = (code, timeoutMs = 5000) => runInSandbox(code, { timeoutMs });

window.runJsAndAbort = async (code, abortAfterMs) => {
  const controller = new AbortController();
  const started = performance.now();
  setTimeout(() => controller.abort(new DOMException('Stopped by the user', 'AbortError')), abortAfterMs);
  try {
    await runInSandbox(code, { timeoutMs: 10_000, signal: controller.signal });
    return { error: 'not aborted', elapsedMs: performance.now() - started };
  } catch (error) {
    return { error: String(error), elapsedMs: performance.now() - started };
  }
};

// Counts the page's own 50 ms timer ticks while the sandbox runs: a frozen page counts none.
window.mainThreadTicksDuring = async (code, timeoutMs) => {
  let ticks = 0;
  const interval = setInterval(() => ticks++, 50);
  try {
    const result = await runInSandbox(code, { timeoutMs });
    return { ticks, result };
  } finally {
    clearInterval(interval);
  }
};

window.rawSandboxFrame = async (html, { csp, waitMs, messages: wanted = Infinity }) => {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.srcdoc = (csp ? `<meta http-equiv="Content-Security-Policy" content="${RAW_FRAME_CSP}">` : '') + html;
  const messages: unknown[] = [];
  let done = () => {};
  const listener = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow) return;
    messages.push(event.data);
    if (messages.length >= wanted) done();
  };
  window.addEventListener('message', listener);
  document.body.append(iframe);
  await new Promise<void>((resolve) => {
    done = resolve;
    setTimeout(resolve, waitMs);
  });
  window.removeEventListener('message', listener);
  iframe.remove();
  return messages;
};

window.opfs = new OpfsFileStore();
window.sandboxReady = true;
