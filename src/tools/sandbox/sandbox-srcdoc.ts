import { RUNNER_SOURCE } from './worker-runner';

/**
 * Policy of the sandbox document, inherited by the worker it starts from a blob: URL.
 * 'unsafe-eval' lets the runner evaluate the code (it needs the completion value); with
 * default-src 'none' nothing can be loaded or connected to.
 */
export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

/**
 * Runs in the sandbox iframe: starts the worker from a blob: URL, hands it the code and relays
 * its messages to the host tagged with the run's nonce. Self-contained (shipped by source text).
 */
export function sandboxBootstrap(nonce: string, runnerSource: string, code: string): void {
  const send = (payload: object) => parent.postMessage({ ...payload, nonce }, '*');
  let worker: Worker;
  try {
    worker = new Worker(URL.createObjectURL(new Blob([runnerSource], { type: 'text/javascript' })));
  } catch (error) {
    send({ type: 'result', error: `The sandbox could not start its worker: ${String(error)}`, droppedLogs: 0 });
    return;
  }
  worker.onmessage = (event: MessageEvent) => {
    if (typeof event.data === 'object' && event.data !== null) send(event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    send({ type: 'result', error: `The sandbox worker failed: ${event.message || 'it could not be started'}`, droppedLogs: 0 });
  };
  worker.postMessage({ code });
}

// JSON is valid JS; escaping "<" keeps "</script>" or "<!--" in the code from ending the script element.
function scriptLiteral(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The sandbox iframe's whole document. */
export function buildSandboxSrcdoc(nonce: string, code: string): string {
  const script = `(${sandboxBootstrap.toString()})(${scriptLiteral(nonce)}, ${scriptLiteral(RUNNER_SOURCE)}, ${scriptLiteral(code)});`;
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">` +
    `</head><body><script>${script}</script></body></html>`
  );
}
