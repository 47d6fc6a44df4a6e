import { describe, expect, it } from 'vitest';
import { ChatController } from '../run/chat-controller';
import { createToolRegistry } from '../tools/registry';
import { call, calls, danger, echo, scripted, slow, text, waitFor, type Step } from '../run/controller-test-kit.testing';
import { ModelError, type ModelEvent } from '../protocols/types';
import { createRunRecorder, type RunRecorderOptions } from './recorder';
import type { RecordedRun } from './types';

function setup(steps: Step[], opts: RunRecorderOptions = {}) {
  const recorder = createRunRecorder(opts);
  const model = scripted(steps);
  const controller = new ChatController({ model: () => model.client, tools: createToolRegistry([echo, danger, slow]), observer: recorder.observer });
  const idle = () => waitFor(controller, (s) => s.run.phase === 'idle');
  return { recorder, controller, idle, last: () => recorder.runs().at(-1)! };
}

const runLevel = (run: RecordedRun) => run.transitions.filter((t) => !t.call).map((t) => `${t.from}→${t.to}`);
const raw = (text: string): ModelEvent => ({ type: 'raw', data: null, text });

/** Resolves once the recorder has recorded something that satisfies `pred` (the stream may end after the run). */
function until(recorder: ReturnType<typeof createRunRecorder>, pred: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the recorder never got there')), 2000);
    const check = () => {
      if (!pred()) return;
      clearTimeout(timer);
      off();
      resolve();
    };
    const off = recorder.subscribe(check);
    check();
  });
}

describe('run recorder', () => {
  it('records a tool round then an answer as one run: transitions, calls, events and outcome', async () => {
    const { controller, idle, last } = setup([
      [raw('data: {"a":1}'), ...calls(call('slow', { text: 'x' }, 'c1'))],
      [raw('data: {"b":2}'), ...text('done'), raw('data: [DONE]')],
    ]);
    controller.send('go');
    await idle();
    const run = last();
    expect(runLevel(run)).toEqual(['idle→generating', 'generating→executing_function', 'executing_function→generating', 'generating→idle']);
    expect(run.outcome).toBe('completed');
    expect(run.endedAt).toBeGreaterThanOrEqual(run.startedAt);
    expect(run.prompt).toBe('go');
    // The call's own lifecycle is in the same timeline, tagged with the call.
    expect(run.transitions.filter((t) => t.call).map((t) => t.to)).toEqual(['queued', 'running', 'succeeded']);
    expect(run.transitions.find((t) => t.call)?.call).toEqual({ id: 'c1', name: 'slow' });
    expect(run.calls).toHaveLength(1);
    expect(run.calls[0]).toMatchObject({ callId: 'c1', name: 'slow', status: 'succeeded' });
    expect(run.calls[0].endedAt! - run.calls[0].startedAt).toBeGreaterThanOrEqual(150);

    expect(run.rounds.map((r) => r.index)).toEqual([0, 1]);
    expect(run.rounds.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    // Raw copies go to the wire list, not the normalized events.
    expect(run.rounds[0].events.map((e) => e.event.type)).toEqual(['tool-call-start', 'tool-call-delta', 'tool-call-end', 'finish']);
    expect(run.rounds[1].exchanges).toHaveLength(1);
    expect(run.rounds[1].exchanges[0].raw.map((l) => l.text)).toEqual(['data: {"b":2}', 'data: [DONE]']);
    expect(run.rounds[1].exchanges[0].protocol).toBeNull();
    expect(run.rounds[1].finishReason).toBe('stop');
    expect(run.rounds[1].outputText).toBe('done');
    expect(run.rounds[0].firstTokenAt).toBeDefined();
    // Steps that share a millisecond keep the order they happened in.
    const settled = run.transitions.find((t) => t.event === 'calls-settled')!;
    const finished = run.transitions.filter((t) => t.event === 'round-finished');
    expect(run.rounds[0].order.start).toBeLessThan(run.rounds[0].order.firstToken!);
    expect(run.rounds[0].order.end).toBeLessThan(finished[0].order);
    expect(run.rounds[1].order.start).toBeGreaterThan(settled.order);
    expect(run.rounds[1].order.end).toBeLessThan(finished[1].order);
    // The second round's request carries the tool result the first round produced.
    expect(run.rounds[1].request.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
  });

  it('starts a new run for every send and keeps only the newest ones', async () => {
    const { controller, idle, recorder } = setup([text('1'), text('2'), text('3')], { maxRuns: 2 });
    for (const msg of ['a', 'b', 'c']) {
      controller.send(msg);
      await idle();
    }
    expect(recorder.runs().map((r) => r.prompt)).toEqual(['b', 'c']);
    expect(recorder.runs().map((r) => r.seq)).toEqual([2, 3]);
  });

  it('marks a stopped run and its aborted round', async () => {
    const { controller, idle, last, recorder } = setup([[{ type: 'text-delta', text: 'par' }, { type: 'text-delta', text: 'tial' }, { type: 'finish', reason: 'stop' }]]);
    controller.send('go');
    await waitFor(controller, () => last()?.rounds[0]?.events.length > 0);
    controller.stop();
    await idle();
    await until(recorder, () => last().rounds[0].outcome !== undefined);
    expect(last().outcome).toBe('stopped');
    expect(last().rounds[0].outcome).toBe('aborted');
  });

  it('keeps the error of a failed round', async () => {
    const { controller, idle, last } = setup([new ModelError('server', 'The server had an error (HTTP 500)', { status: 500 })]);
    controller.send('go');
    await idle();
    expect(last().outcome).toBe('failed');
    expect(last().rounds[0]).toMatchObject({ outcome: 'error', error: { kind: 'server', status: 500 } });
  });

  it('records a re-run from idle as its own run, the re-queued call included', async () => {
    const { controller, idle, recorder } = setup([calls(call('echo', { text: 'a' }, 'e1')), text('first'), text('second')]);
    controller.send('go');
    await idle();
    expect(controller.rerunCall('e1', { text: 'b' })).toBeNull();
    await idle();
    await until(recorder, () => recorder.runs().at(-1)?.outcome === 'completed');
    expect(recorder.runs()).toHaveLength(2);
    const rerun = recorder.runs()[1];
    expect(rerun.transitions[0]).toMatchObject({ event: 'call echo: rerun', call: { name: 'echo' } });
    expect(runLevel(rerun)[0]).toBe('idle→awaiting_confirmation');
    expect(rerun.calls.map((c) => c.status)).toEqual(['succeeded']);
  });
});

describe('run recorder caps and secrets', () => {
  it('caps the wire text per exchange and says so', async () => {
    const { controller, idle, last } = setup([[raw('a'.repeat(60)), raw('b'.repeat(60)), ...text('x')]], { maxRawChars: 100 });
    controller.send('go');
    await idle();
    const exchange = last().rounds[0].exchanges[0];
    expect(exchange.raw.map((l) => l.text.length)).toEqual([60]);
    expect(exchange.truncated).toBe(true);
  });

  it('drops streamed deltas past the cap but keeps the ends of calls and the finish', async () => {
    const deltas: ModelEvent[] = Array.from({ length: 10 }, () => ({ type: 'text-delta', text: 'ab' }));
    const { controller, idle, last } = setup([[...deltas, ...calls(call('echo', { text: 'z' }, 'e9'))], text('ok')], { maxEventsPerRound: 4 });
    controller.send('go');
    await idle();
    const round = last().rounds[0];
    expect(round.events.map((e) => e.event.type)).toEqual(['text-delta', 'text-delta', 'text-delta', 'text-delta', 'tool-call-start', 'tool-call-end', 'finish']);
    expect(round.droppedEvents).toBe(7);
    // The estimate still counts everything the model produced.
    expect(round.outputText).toBe(`${'ab'.repeat(10)}{"text":"z"}`);
  });

  it('never keeps a secret: wire text, request headers and body are scrubbed', async () => {
    const key = 'sk-live-SECRET-123456';
    const recorder = createRunRecorder({ secrets: () => [key] });
    const client = {
      label: 'wire',
      async *stream(req: Parameters<import('../protocols/types').ModelClient['stream']>[0]): AsyncIterable<ModelEvent> {
        req.onWire?.({ type: 'request', protocol: 'openai-chat', method: 'POST', url: `http://x.test/v1?key=${key}`, headers: { authorization: `Bearer ${key}`, 'x-api-key': key, accept: 'text/event-stream' }, body: { api_key: key, note: `uses ${key}` } });
        req.onWire?.({ type: 'response', status: 200, contentType: 'text/event-stream' });
        yield raw(`data: {"echo":"${key}"}`);
        yield* text('fine');
      },
    };
    const controller = new ChatController({ model: () => client, tools: createToolRegistry([echo]), observer: recorder.observer });
    controller.send('hi');
    await waitFor(controller, (s) => s.run.phase === 'idle');
    const exchange = recorder.runs()[0].rounds[0].exchanges[0];
    expect(exchange.headers).toEqual({ authorization: 'Bearer [redacted]', 'x-api-key': '[redacted]', accept: 'text/event-stream' });
    expect(exchange.body).toEqual({ api_key: '[redacted]', note: 'uses [redacted]' });
    expect(exchange.url).toBe('http://x.test/v1?key=[redacted]');
    expect(exchange.status).toBe(200);
    expect(exchange.raw[0].text).toBe('data: {"echo":"[redacted]"}');
    expect(JSON.stringify(recorder.runs())).not.toContain(key);
  });

  it('notifies subscribers on every change and bumps the version', async () => {
    const { controller, idle, recorder } = setup([text('hello')]);
    let calls = 0;
    const off = recorder.subscribe(() => calls++);
    const before = recorder.version();
    controller.send('go');
    await idle();
    off();
    expect(calls).toBeGreaterThan(3);
    expect(recorder.version() - before).toBe(calls);
    recorder.clear();
    expect(recorder.runs()).toEqual([]);
  });
});
