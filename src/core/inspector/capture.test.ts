// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockScript, type MockServer } from '../../../e2e/mock/server-core.mjs';
import { ChatController } from '../run/chat-controller';
import { createToolRegistry } from '../tools/registry';
import { echo, waitFor } from '../run/controller-test-kit.testing';
import { createProtocolClient, type ProtocolId } from '../protocols';
import { createRunRecorder } from './recorder';
import { buildCapture, captureFileName, looksLikeCapture, parseCapture, CAPTURE_FORMAT } from './capture';
import { decodeCaptureRequest, replayCaptureFile } from './capture-replay';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock.close());

const ROUNDS: MockScript[] = [
  { text: 'Let me echo.', toolCalls: [{ id: 'toolu_e1', name: 'echo', arguments: { text: 'hi' } }], delayMs: 0, chunkSize: 4 },
  { text: 'All done, it said hi.', delayMs: 0, chunkSize: 5 },
];

/** One real two-round run (tool call, then answer) against the mock, recorded. */
async function recordedRun(protocol: ProtocolId, streaming: boolean) {
  const key = `capture-${protocol}-${streaming}-${Date.now()}-secret-key`;
  await fetch(`${mock.url}/__mock/queue?key=${key}`, { method: 'POST', body: JSON.stringify({ responses: ROUNDS }) });
  const recorder = createRunRecorder({ secrets: () => [key] });
  const baseURL = protocol === 'anthropic-messages' ? mock.url : `${mock.url}/v1`;
  const controller = new ChatController({
    model: () => createProtocolClient({ protocol, baseURL, apiKey: key, model: 'mock-small', streaming }),
    tools: createToolRegistry([echo]),
    observer: recorder.observer,
  });
  controller.send('Please echo hi');
  await waitFor(controller, (s) => s.run.phase === 'idle' && s.run.outcome !== undefined);
  return { key, run: recorder.runs()[0] };
}

describe('raw-stream capture of a recorded run', () => {
  for (const [protocol, streaming] of [['openai-chat', true], ['anthropic-messages', true], ['openai-chat', false], ['anthropic-messages', false]] as const) {
    it(`replays to the same normalized events (${protocol}, ${streaming ? 'streaming' : 'JSON body'})`, async () => {
      const { key, run } = await recordedRun(protocol, streaming);
      expect(run.outcome).toBe('completed');
      const capture = buildCapture(run, { secrets: [key] });
      const file = JSON.stringify(capture);
      expect(file).not.toContain(key);
      expect(looksLikeCapture(file)).toBe(true);
      expect(capture).toMatchObject({ format: CAPTURE_FORMAT, version: 1, run: { id: run.id, outcome: 'completed' } });
      expect(capture.requests.map((r) => [r.round, r.attempt, r.protocol, r.status])).toEqual([
        [1, 1, protocol, 200],
        [2, 1, protocol, 200],
      ]);
      const [first, second] = capture.requests;
      expect(first.headers[protocol === 'anthropic-messages' ? 'x-api-key' : 'authorization']).toMatch(/\[redacted\]$/);
      expect((second.body as { messages: unknown[] }).messages.length).toBeGreaterThan((first.body as { messages: unknown[] }).messages.length);
      if (streaming) expect(second.raw).toContain(protocol === 'openai-chat' ? 'data: [DONE]\n\n' : 'event: message_stop\n');
      else expect(JSON.parse(second.raw)).toBeTypeOf('object');

      const parsed = parseCapture(file);
      for (const [i, request] of parsed.requests.entries())
        expect(decodeCaptureRequest(request), `request ${i + 1}`).toEqual(run.rounds[i].events.map((e) => e.event));

      const replay = replayCaptureFile(parsed);
      expect(replay.requests[0].result?.toolCalls).toMatchObject([{ name: 'echo', arguments: { text: 'hi' }, complete: true }]);
      expect(replay.requests[1].result).toMatchObject({ text: 'All done, it said hi.', finishReason: 'stop', error: null });
    });
  }

  it('names the file after the run and refuses files that are not captures', async () => {
    const { run } = await recordedRun('openai-chat', true);
    expect(captureFileName(run)).toMatch(/^callstream-run-1-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
    expect(() => parseCapture('{"format":"other"}')).toThrow(/not a callstream-capture/);
    expect(() => parseCapture('data: x')).toThrow(/not valid JSON/);
    expect(() => parseCapture(JSON.stringify({ format: CAPTURE_FORMAT, version: 9, requests: [] }))).toThrow(/version 9/);
    expect(() => parseCapture(JSON.stringify({ format: CAPTURE_FORMAT, version: 1, requests: [{ protocol: 'gopher', raw: '' }] }))).toThrow(/unknown protocol "gopher"/);
  });

  it('explains a request that got no body, and warns about a truncated one', () => {
    const base = { round: 1, attempt: 1, protocol: 'openai-chat' as const, method: 'POST', url: 'u', headers: {}, body: {}, contentType: null };
    const replay = replayCaptureFile({
      format: CAPTURE_FORMAT,
      version: 1,
      exportedAt: '',
      run: { id: 'run-1', turnId: null, startedAt: '', outcome: 'failed' },
      requests: [
        { ...base, status: 401, truncated: false, raw: '' },
        { ...base, attempt: 2, status: 200, truncated: true, raw: 'data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n' },
      ],
    });
    expect(replay.requests[0]).toMatchObject({ result: null, note: 'No response body was recorded (HTTP 401).' });
    expect(replay.requests[1].result?.text).toBe('Hi');
    expect(replay.requests[1].result?.warnings.join(' ')).toMatch(/size limit/);
  });
});
