import { toJsonSafe } from './serialize-value';

type Scope = Record<string, any>;

/**
 * The code that runs inside the sandbox's Web Worker. It receives {code} once, runs it, streams
 * console output as {type:'log'} and ends with {type:'result'}. Before user code runs it replaces
 * the network, storage and messaging globals with stand-ins that throw a clear error: the
 * Content-Security-Policy inherited from the sandbox iframe is the real barrier; these make an
 * attempt fail with a message a model can act on.
 *
 * Self-contained like toJsonSafe: it is shipped by source text, so it may only use its parameters.
 */
export function runnerMain(scope: Scope, toSafe: (value: unknown) => unknown): void {
  const post: (message: unknown) => void = scope.postMessage.bind(scope);
  const indirectEval: (source: string) => unknown = scope.eval;
  const marker = '__sandboxCodeStarted';
  const maxLines = 500;
  const maxLine = 5_000;
  let lines = 0;
  let dropped = 0;
  let received = false;

  // Errors from another realm (or DOMExceptions) fail instanceof; the brand check catches them.
  function isError(value: unknown): value is Error {
    return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
  }

  function format(arg: unknown): string {
    if (typeof arg === 'string') return arg;
    if (isError(arg)) return `${arg.name}: ${arg.message}`;
    const safe = toSafe(arg);
    return typeof safe === 'string' ? safe : (JSON.stringify(safe) ?? String(safe));
  }

  function emit(prefix: string, args: unknown[]): void {
    if (lines >= maxLines) {
      dropped++;
      return;
    }
    lines++;
    let line = prefix + args.map(format).join(' ');
    if (line.length > maxLine) line = `${line.slice(0, maxLine)}… (${line.length - maxLine} more characters)`;
    post({ type: 'log', line });
  }

  const consoleObject = scope.console;
  for (const name of ['log', 'info', 'debug', 'dir', 'trace', 'table'])
    consoleObject[name] = (...args: unknown[]) => emit('', args);
  consoleObject.warn = (...args: unknown[]) => emit('[warn] ', args);
  consoleObject.error = (...args: unknown[]) => emit('[error] ', args);
  consoleObject.assert = (condition: unknown, ...args: unknown[]) => {
    if (!condition) emit('[error] ', ['Assertion failed', ...args]);
  };

  scope.addEventListener('error', (event: any) => {
    event.preventDefault();
    emit('[error] ', ['Uncaught', event.error ?? event.message]);
  });
  scope.addEventListener('unhandledrejection', (event: any) => {
    event.preventDefault();
    emit('[error] ', ['Unhandled promise rejection:', event.reason]);
  });

  function failure(name: string, why: string): Error {
    return new Error(`${name} is not available in the sandbox: ${why}`);
  }

  // Replace the property wherever it lives on the prototype chain, so reaching for the
  // prototype's original does not work either.
  function replace(target: object | undefined, name: string, replacement: unknown): void {
    for (let owner = target; owner; owner = Object.getPrototypeOf(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, name);
      if (!descriptor) continue;
      if (descriptor.configurable)
        Object.defineProperty(owner, name, { value: replacement, writable: false, configurable: false, enumerable: false });
      else if (descriptor.writable) (owner as Scope)[name] = replacement;
    }
  }

  function blockFunction(target: object | undefined, name: string, why: string): void {
    replace(target, name, function blocked() {
      throw failure(name, why);
    });
  }

  function blockObject(target: object | undefined, name: string, why: string): void {
    const stand = new Proxy(
      {},
      {
        get(_target, key) {
          if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
          throw failure(name, why);
        },
      },
    );
    replace(target, name, stand);
  }

  const noNetwork = 'the code has no network access.';
  for (const name of [
    'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts',
    'RTCPeerConnection', 'webkitRTCPeerConnection',
  ])
    blockFunction(scope, name, noNetwork);
  for (const name of ['Worker', 'SharedWorker', 'BroadcastChannel']) blockFunction(scope, name, 'the code runs alone.');
  for (const name of ['postMessage', 'close']) blockFunction(scope, name, 'the sandbox reports results itself.');
  const noStorage = 'the code has no storage.';
  for (const name of ['indexedDB', 'caches']) blockObject(scope, name, noStorage);
  for (const name of [
    'webkitRequestFileSystem', 'webkitRequestFileSystemSync', 'webkitResolveLocalFileSystemURL',
    'webkitResolveLocalFileSystemSyncURL',
  ])
    blockFunction(scope, name, noStorage);
  const navigatorObject = scope.navigator;
  if (navigatorObject) {
    blockFunction(navigatorObject, 'sendBeacon', noNetwork);
    blockObject(navigatorObject, 'storage', noStorage);
  }

  // A SyntaxError thrown before the marker is set means the code did not parse as a script
  // (top-level await or return): it is then run as the body of an async function.
  function evaluate(code: string): unknown {
    scope[marker] = false;
    try {
      return indirectEval(`${marker} = true;${code}`);
    } catch (error) {
      if (!(error instanceof SyntaxError) || scope[marker]) throw error;
      let body: () => Promise<unknown>;
      try {
        body = indirectEval(`(async function () {${code}\n})`) as () => Promise<unknown>;
      } catch {
        throw error;
      }
      return body();
    } finally {
      delete scope[marker];
    }
  }

  function describe(error: unknown): string {
    if (!isError(error)) return `Uncaught ${format(error)}`;
    // Frames of the evaluated code read "(eval at …, <anonymous>:LINE:COLUMN)" in V8.
    const where = /, <anonymous>:(\d+):\d+\)/.exec(String(error.stack ?? ''));
    return `${error.name}: ${error.message}${where ? ` (line ${where[1]})` : ''}`;
  }

  // Code can leave behind values or errors that defy conversion; a result must be sent regardless.
  function report(outcome: () => { value?: unknown; error?: string }): void {
    try {
      post({ type: 'result', ...outcome(), droppedLogs: dropped });
    } catch {
      post({ type: 'result', error: 'The result could not be converted or sent.', droppedLogs: dropped });
    }
  }

  scope.onmessage = (event: { data?: { code?: unknown } }) => {
    if (received) return;
    received = true;
    const code = String(event.data?.code ?? '');
    post({ type: 'started' });
    Promise.resolve()
      .then(() => evaluate(code))
      .then(
        (value) => report(() => ({ value: toSafe(value) })),
        (error: unknown) => report(() => ({ error: describe(error) })),
      );
  };
}

/** The worker's script: the runner started on the worker's global scope. */
export const RUNNER_SOURCE = `"use strict";(${runnerMain.toString()})(self, ${toJsonSafe.toString()});`;
