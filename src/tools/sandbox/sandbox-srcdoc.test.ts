// @vitest-environment node
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildSandboxSrcdoc, SANDBOX_CSP } from './sandbox-srcdoc';
import { RUNNER_SOURCE } from './worker-runner';

function scriptOf(srcdoc: string): string {
  const match = /<script>([\s\S]*)<\/script>/.exec(srcdoc);
  if (!match) throw new Error('no script');
  return match[1];
}

/** Runs the srcdoc's script with a fake Worker, Blob and parent, recording what crosses. */
function runBootstrap(srcdoc: string, options: { workerThrows?: boolean } = {}) {
  const toParent: unknown[] = [];
  const workers: { source: string; received: unknown[]; onmessage?: (e: unknown) => void; onerror?: (e: unknown) => void }[] = [];
  const blobs = new Map<string, string>();
  class FakeWorker {
    received: unknown[] = [];
    onmessage?: (e: unknown) => void;
    onerror?: (e: unknown) => void;
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
  const context = vm.createContext({
    parent: { postMessage: (message: unknown, target: string) => toParent.push({ message, target }) },
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
  });
  vm.runInContext(scriptOf(srcdoc), context);
  return { toParent, workers };
}

describe('buildSandboxSrcdoc', () => {
  it('locks the document down with the sandbox CSP: nothing but inline and blob: scripts and blob: workers', () => {
    const srcdoc = buildSandboxSrcdoc('n1', '1 + 1');
    expect(srcdoc).toContain(`<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`);
    expect(SANDBOX_CSP).toMatch(/^default-src 'none';/);
    expect(SANDBOX_CSP).not.toMatch(/connect-src|img-src|https?:|\*/);
    // The policy must come before the script it governs.
    expect(srcdoc.indexOf('Content-Security-Policy')).toBeLessThan(srcdoc.indexOf('<script>'));
  });

  it('cannot be broken out of by the code', () => {
    const hostile = '</script><script>parent.document.title = "pwned"</script><!--';
    const srcdoc = buildSandboxSrcdoc('n1', hostile);
    expect(srcdoc.match(/<\/script>/g)).toHaveLength(1);
    expect(srcdoc).not.toContain('<!--');
    const { workers } = runBootstrap(srcdoc);
    expect(workers[0].received).toEqual([{ code: hostile }]);
  });

  it('starts the runner in a worker, hands it the code and relays its messages with the nonce', () => {
    const { toParent, workers } = runBootstrap(buildSandboxSrcdoc('nonce-42', 'console.log(1)'));
    expect(workers).toHaveLength(1);
    expect(workers[0].source).toBe(RUNNER_SOURCE);
    expect(workers[0].received).toEqual([{ code: 'console.log(1)' }]);
    workers[0].onmessage?.({ data: { type: 'log', line: '1' } });
    workers[0].onmessage?.({ data: { type: 'result', value: 2, nonce: 'forged' } });
    expect(toParent).toEqual([
      { message: { type: 'log', line: '1', nonce: 'nonce-42' }, target: '*' },
      { message: { type: 'result', value: 2, nonce: 'nonce-42' }, target: '*' },
    ]);
  });

  it('reports a worker that fails to start', () => {
    const failing = runBootstrap(buildSandboxSrcdoc('n', '1'), { workerThrows: true });
    expect(failing.toParent).toEqual([
      {
        message: { type: 'result', error: 'The sandbox could not start its worker: Error: SecurityError: blocked', droppedLogs: 0, nonce: 'n' },
        target: '*',
      },
    ]);
    const crashing = runBootstrap(buildSandboxSrcdoc('n', '1'));
    let prevented = false;
    crashing.workers[0].onerror?.({ message: 'Uncaught SyntaxError', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(crashing.toParent).toEqual([
      {
        message: { type: 'result', error: 'The sandbox worker failed: Uncaught SyntaxError', droppedLogs: 0, nonce: 'n' },
        target: '*',
      },
    ]);
  });
});
