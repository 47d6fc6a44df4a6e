// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { RUNNER_SOURCE } from './worker-runner';

// public/sandbox.html is a static file, so its policy, its script's hash and its behaviour are
// checked here against the file itself.
const page = readFileSync(new URL('../../../public/sandbox.html', import.meta.url), 'utf8');
const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';

type Listener = (event: { source: unknown; data: unknown }) => void;

/** Runs the page's script with a fake parent, Worker and Blob, recording what crosses. */
function loadPage(options: { workerThrows?: boolean } = {}) {
  const toParent: unknown[] = [];
  const listeners: Listener[] = [];
  const workers: { source: string; received: unknown[]; onmessage?: (e: unknown) => void; onerror?: (e: unknown) => void }[] = [];
  const blobs = new Map<string, string>();
  const parent = { postMessage: (message: unknown, target: string) => toParent.push({ message, target }) };
  class FakeWorker {
    received: unknown[] = [];
    source: string;
    constructor(url: string) {
      if (options.workerThrows) throw new Error('SecurityError: blocked');
      this.source = blobs.get(url) ?? '';
      workers.push(this);
    }
    postMessage(message: unknown) {
      this.received.push(message);
    }
  }
  vm.runInContext(
    script,
    vm.createContext({
      parent,
      addEventListener: (type: string, listener: Listener) => type === 'message' && listeners.push(listener),
      Blob: class {
        constructor(public parts: string[]) {}
      },
      URL: {
        createObjectURL: (blob: { parts: string[] }) => {
          const url = `blob:null/${blobs.size}`;
          blobs.set(url, blob.parts.join(''));
          return url;
        },
      },
      Worker: FakeWorker,
    }),
  );
  const deliver = (data: unknown, source: unknown = parent) => listeners.forEach((l) => l({ source, data }));
  return { toParent, workers, deliver, parent };
}

describe('public/sandbox.html', () => {
  it('allows its one script by hash and nothing else: no loads, no connections, no inline code', () => {
    const hash = createHash('sha256').update(script).digest('base64');
    expect(policy).toBe(`default-src 'none'; script-src 'sha256-${hash}' 'unsafe-eval' blob:; worker-src blob:`);
    expect(policy).not.toMatch(/unsafe-inline|connect-src|img-src|https?:|\*/);
    // The policy must come before the script it governs.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<script>'));
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('says it is ready, then starts the runner in a worker and relays its messages with the nonce', () => {
    const { toParent, workers, deliver } = loadPage();
    expect(toParent).toEqual([{ message: { type: 'ready' }, target: '*' }]);
    deliver({ nonce: 'nonce-42', runner: RUNNER_SOURCE, code: 'console.log(1)' });
    expect(workers).toHaveLength(1);
    expect(workers[0].source).toBe(RUNNER_SOURCE);
    expect(workers[0].received).toEqual([{ code: 'console.log(1)' }]);
    workers[0].onmessage?.({ data: { type: 'log', line: '1' } });
    workers[0].onmessage?.({ data: { type: 'result', value: 2, nonce: 'forged' } });
    expect(toParent.slice(1)).toEqual([
      { message: { type: 'log', line: '1', nonce: 'nonce-42' }, target: '*' },
      { message: { type: 'result', value: 2, nonce: 'nonce-42' }, target: '*' },
    ]);
  });

  it('takes code only from the embedding page, only once, and never as markup', () => {
    const { workers, deliver } = loadPage();
    deliver({ nonce: 'n', runner: 'evil()', code: '1' }, { postMessage() {} });
    deliver({ nonce: 'n', runner: 42, code: '1' });
    expect(workers).toHaveLength(0);
    const hostile = '</script><script>parent.document.title = "pwned"</script><!--';
    deliver({ nonce: 'n', runner: RUNNER_SOURCE, code: hostile });
    deliver({ nonce: 'n2', runner: RUNNER_SOURCE, code: 'second run' });
    expect(workers).toHaveLength(1);
    expect(workers[0].received).toEqual([{ code: hostile }]);
  });

  it('reports a worker that fails to start or crashes', () => {
    const failing = loadPage({ workerThrows: true });
    failing.deliver({ nonce: 'n', runner: RUNNER_SOURCE, code: '1' });
    expect(failing.toParent[1]).toEqual({
      message: { type: 'result', error: 'The sandbox could not start its worker: Error: SecurityError: blocked', droppedLogs: 0, nonce: 'n' },
      target: '*',
    });
    const crashing = loadPage();
    crashing.deliver({ nonce: 'n', runner: RUNNER_SOURCE, code: '1' });
    let prevented = false;
    crashing.workers[0].onerror?.({ message: 'Uncaught SyntaxError', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(crashing.toParent[1]).toEqual({
      message: { type: 'result', error: 'The sandbox worker failed: Uncaught SyntaxError', droppedLogs: 0, nonce: 'n' },
      target: '*',
    });
  });
});
