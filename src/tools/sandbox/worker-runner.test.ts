// @vitest-environment node
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { RUNNER_SOURCE } from './worker-runner';

type Posted = { type: string; line?: string; value?: unknown; error?: string; droppedLogs?: number };

/**
 * Runs the real RUNNER_SOURCE string in a fresh V8 context standing in for the worker: same
 * text the browser gets, with postMessage, listeners and a fake network global observed.
 */
function startRunner() {
  const posted: Posted[] = [];
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  const fetchCalls: unknown[] = [];
  const context = vm.createContext({
    console: { log() {}, info() {}, warn() {}, error() {}, debug() {} },
    setTimeout,
    fetch: (...args: unknown[]) => fetchCalls.push(args),
    XMLHttpRequest: class {},
    indexedDB: { open: () => 'opened' },
    navigator: { userAgent: 'test', storage: { getDirectory: () => 'root' } },
    postMessage: (message: Posted) => posted.push(structuredClone(message)),
    addEventListener: (type: string, listener: (event: unknown) => void) => (listeners[type] ??= []).push(listener),
  });
  vm.runInContext('var self = globalThis;', context);
  vm.runInContext(RUNNER_SOURCE, context);
  const scope = vm.runInContext('self', context) as { onmessage: (event: unknown) => void };

  async function run(code: string) {
    posted.length = 0;
    scope.onmessage({ data: { code } });
    for (let i = 0; i < 100 && !posted.some((m) => m.type === 'result'); i++) await new Promise((r) => setTimeout(r, 1));
    const result = posted.find((m) => m.type === 'result');
    return {
      result,
      logs: posted.filter((m) => m.type === 'log').map((m) => m.line),
      types: posted.map((m) => m.type),
    };
  }
  return { run, fetchCalls, listeners, context };
}

describe('sandbox worker runner', () => {
  it('returns the completion value of a script, after a started message', async () => {
    const { run } = startRunner();
    const { result, types } = await run('const a = 20;\na * 2 + 2');
    expect(types).toEqual(['started', 'result']);
    expect(result).toEqual({ type: 'result', value: 42, droppedLogs: 0 });
  });

  it('awaits a promise completion value', async () => {
    expect((await startRunner().run('Promise.resolve({ ok: true })')).result?.value).toEqual({ ok: true });
  });

  it('runs code with top-level await as an async function body and returns its return value', async () => {
    const { result } = await startRunner().run('const x = await Promise.resolve(5);\nreturn [x, x * 2];');
    expect(result?.value).toEqual([5, 10]);
  });

  it('accepts return at top level without await', async () => {
    expect((await startRunner().run('return "early"')).result?.value).toBe('early');
  });

  it('only runs the first code it receives', async () => {
    const runner = startRunner();
    await runner.run('1');
    const second = await runner.run('2');
    expect(second.types).toEqual([]);
  });

  it('captures console output with warn/error prefixes and readable values', async () => {
    const { logs, result } = await startRunner().run(
      "console.log('a', 1, {b: [1, 2]}, undefined); console.info('i'); console.warn('careful'); " +
        "console.error(new RangeError('bad')); console.assert(1 === 2, 'math'); console.assert(true, 'fine'); 'done'",
    );
    expect(logs).toEqual(['a 1 {"b":[1,2]} undefined', 'i', '[warn] careful', '[error] RangeError: bad', '[error] Assertion failed math']);
    expect(result?.value).toBe('done');
  });

  it('keeps at most 500 log lines and counts the rest', async () => {
    const { logs, result } = await startRunner().run('for (let i = 0; i < 520; i++) console.log(i)');
    expect(logs).toHaveLength(500);
    expect(result?.droppedLogs).toBe(20);
  });

  it('cuts very long log lines', async () => {
    const { logs } = await startRunner().run("console.log('x'.repeat(6000))");
    expect(logs[0]).toHaveLength(5000 + '… (1000 more characters)'.length);
  });

  it('reports syntax errors without running anything', async () => {
    const { result, logs } = await startRunner().run("console.log('ran');\nlet = ;");
    expect(result?.error).toMatch(/^SyntaxError: /);
    expect(logs).toEqual([]);
  });

  it('reports a SyntaxError thrown while running as an error, without running the code twice', async () => {
    const { result, logs } = await startRunner().run("console.log('once');\nJSON.parse('{')");
    expect(result?.error).toMatch(/^SyntaxError: .*JSON|^SyntaxError: /);
    expect(logs).toEqual(['once']);
  });

  it('reports runtime errors with their line', async () => {
    const { result } = await startRunner().run('const a = 1;\nconst b = null;\nb.field');
    expect(result?.error).toMatch(/^TypeError: .*\(line 3\)$/);
  });

  it('reports thrown non-errors', async () => {
    expect((await startRunner().run('throw { code: 7 }')).result?.error).toBe('Uncaught {"code":7}');
  });

  it('makes network and storage globals throw a clear error', async () => {
    const check = async (code: string) => (await startRunner().run(code)).result;
    expect((await check("fetch('https://example.com')"))?.error).toBe(
      'Error: fetch is not available in the sandbox: the code has no network access. (line 1)',
    );
    expect((await check('new XMLHttpRequest()'))?.error).toMatch(/^Error: XMLHttpRequest is not available in the sandbox/);
    expect((await check("indexedDB.open('x')"))?.error).toMatch(/^Error: indexedDB is not available in the sandbox: the code has no storage/);
    expect((await check('navigator.storage.getDirectory()'))?.error).toMatch(/^Error: storage is not available/);
    expect((await check("postMessage({ type: 'result', value: 'forged' })"))?.error).toMatch(/postMessage is not available/);
    expect((await check('navigator.userAgent'))?.value).toBe('test');
  });

  it('keeps the originals out of reach: the stand-ins cannot be swapped back', async () => {
    const runner = startRunner();
    const { result } = await runner.run(
      "const d = Object.getOwnPropertyDescriptor(self, 'fetch'); try { fetch('x') } catch {} [d.configurable, d.writable]",
    );
    expect(result?.value).toEqual([false, false]);
    expect(runner.fetchCalls).toEqual([]);
  });

  it('leaves globals that were never there undefined', async () => {
    expect((await startRunner().run('typeof WebSocket')).result?.value).toBe('undefined');
  });

  it('logs uncaught errors and unhandled rejections while the code runs', async () => {
    const runner = startRunner();
    let prevented = 0;
    const pending = runner.run('await new Promise((resolve) => setTimeout(resolve, 20)); return 1');
    runner.listeners.error[0]({ error: new Error('late'), preventDefault: () => prevented++ });
    runner.listeners.unhandledrejection[0]({ reason: 'nope', preventDefault: () => prevented++ });
    const { logs, result } = await pending;
    expect(logs).toEqual(['[error] Uncaught Error: late', '[error] Unhandled promise rejection: nope']);
    expect(result?.value).toBe(1);
    expect(prevented).toBe(2);
  });

  it('still reports when the error itself cannot be described', async () => {
    const { result } = await startRunner().run(
      "const e = new Error('x'); Object.defineProperty(e, 'stack', { get() { throw 1 } }); throw e",
    );
    expect(result).toEqual({ type: 'result', error: 'The result could not be converted or sent.', droppedLogs: 0 });
  });

  it('sends values in JSON-safe form', async () => {
    const { result } = await startRunner().run('({ n: NaN, big: 2n ** 64n, when: new Date(0), set: new Set([1]) })');
    expect(result?.value).toEqual({ n: 'NaN', big: '18446744073709551616n', when: '1970-01-01T00:00:00.000Z', set: [1] });
  });
});
