// Writing to a response that the client may abandon at any moment.

import { canWrite, sendJson } from './http-util.mjs';

/** Writes one SSE event and waits until it is handed to the socket; false when the client is gone. */
export function writeEvent(res, text, signal) {
  if (!canWrite(res) || signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    res.write(text, (err) => {
      signal.removeEventListener('abort', onAbort);
      resolve(!err && canWrite(res));
    });
  });
}

/** Waits `ms` (Infinity: until aborted); resolves early, never rejects, when the signal aborts. */
export function sleep(ms, signal) {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Opens an SSE response. */
export function startSse(res) {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  res.flushHeaders();
}

/**
 * Plays a script's fault on a non-streaming answer (both protocols share these): returns the outcome
 * when a fault ended the response, or null when the normal answer should follow.
 */
export async function jsonFault(res, plan, fault, ctx, errorBody) {
  await sleep(plan.delayMs, ctx.signal);
  if (fault?.type === 'stall') await sleep(fault.ms ?? Infinity, ctx.signal);
  if (!canWrite(res)) return 'aborted';
  if (fault?.type === 'drop') return dropConnection(res, ctx);
  if (fault?.type === 'malformed') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{not json');
    return 'completed';
  }
  if (fault?.type === 'error-event') {
    sendJson(res, 200, errorBody());
    return 'completed';
  }
  return null;
}

const DROP_GRACE_MS = 400;

/**
 * Cuts the connection the way a failing network does, but only after what was already written had
 * time to reach the page: Chromium drops response bytes the page has not read yet when the
 * connection fails, so cutting at once (or while the page is busy) can turn "dropped mid-answer"
 * into "failed before the first byte" — a different story, which the client rightly retries.
 */
export async function dropConnection(res, ctx) {
  ctx.onDrop();
  await sleep(DROP_GRACE_MS, ctx.signal);
  res.destroy();
  return 'dropped';
}

/**
 * A streamed script's fault, shared by both protocols: call the returned function with the number of
 * payload chunks sent so far; it plays the fault once they reach `afterChunks` and returns the
 * outcome when the response ends there (null to carry on). Protocols differ only in the broken line
 * and in how they write an in-stream error.
 */
export function streamFault(res, fault, ctx, { malformedLine, writeError }) {
  let done = !fault;
  return async (sent) => {
    if (done || sent < (fault.afterChunks ?? 0)) return null;
    done = true;
    switch (fault.type) {
      case 'drop':
        return dropConnection(res, ctx);
      case 'malformed':
        return (await writeEvent(res, malformedLine, ctx.signal)) ? null : 'aborted';
      case 'stall':
        await sleep(fault.ms ?? Infinity, ctx.signal);
        return canWrite(res) ? null : 'aborted';
      case 'error-event':
        if (!(await writeError())) return 'aborted';
        res.end();
        return 'completed';
      default:
        return null;
    }
  };
}
