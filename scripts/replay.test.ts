// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { replayCapture } from '../src/core/protocols/replay';
import { CAPTURE_FORMAT, parseCapture } from '../src/core/inspector/capture';
import { replayCaptureFile } from '../src/core/inspector/capture-replay';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./replay.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('../src/core/protocols/__fixtures__/streams/openai-chat-deepseek-reasoner-tool.sse', import.meta.url));

async function replay(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run replay', () => {
  it('prints the same JSON the unit tests get, and exits 0', async () => {
    const { code, stdout } = await replay('--protocol', 'openai-chat', fixture);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(replayCapture('openai-chat', readFileSync(fixture)));
    expect(JSON.parse(stdout).toolCalls[0]).toMatchObject({ name: 'weather', arguments: { location: 'San Francisco' }, complete: true });
  }, 20_000);

  it('exits non-zero with a clear message on bad usage or unreadable input', async () => {
    const unknown = await replay('--protocol=grpc', fixture);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown protocol "grpc"/);
    const missing = await replay('--protocol', 'anthropic-messages', 'no-such-capture.sse');
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/cannot read no-such-capture\.sse: no such file/);
    const notSse = await replay('--protocol', 'openai-chat', fileURLToPath(new URL('./replay-cli.ts', import.meta.url)));
    expect(notSse.code).toBe(1);
    expect(notSse.stderr).toMatch(/not an SSE capture/);
  }, 20_000);
});

describe('npm run replay on an inspector capture', () => {
  const sse = readFileSync(fixture, 'utf8');
  const capture = {
    format: CAPTURE_FORMAT,
    version: 1,
    exportedAt: '2025-01-01T00:00:00.000Z',
    run: { id: 'run-1', turnId: 't1', startedAt: '2025-01-01T00:00:00.000Z', outcome: 'completed' },
    requests: [
      { round: 1, attempt: 1, protocol: 'openai-chat', method: 'POST', url: 'http://x/v1/chat/completions', headers: {}, body: {}, status: 200, contentType: 'text/event-stream', truncated: false, raw: sse },
      { round: 2, attempt: 1, protocol: 'openai-chat', method: 'POST', url: 'http://x/v1/chat/completions', headers: {}, body: {}, status: 401, contentType: null, truncated: false, raw: '' },
    ],
  };
  const dir = mkdtempSync(join(tmpdir(), 'replay-capture-'));
  const file = join(dir, 'capture.json');
  writeFileSync(file, JSON.stringify(capture));

  it('detects the capture, needs no --protocol, and decodes every request as the app does', async () => {
    const { code, stdout } = await replay(file);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toEqual(replayCaptureFile(parseCapture(JSON.stringify(capture))));
    expect(printed.requests[0]).toMatchObject({ round: 1, protocol: 'openai-chat', status: 200, result: replayCapture('openai-chat', sse) });
    expect(printed.requests[1]).toMatchObject({ status: 401, result: null, note: 'No response body was recorded (HTTP 401).' });
  }, 20_000);

  it('prints one request like an SSE file with --request, and refuses a contradicting --protocol', async () => {
    const one = await replay('--request', '1', file);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual(replayCapture('openai-chat', sse));
    const none = await replay('--request=2', file);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toMatch(/request 2: No response body was recorded/);
    const wrong = await replay('--protocol', 'anthropic-messages', file);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/capture of openai-chat requests, not anthropic-messages/);
  }, 20_000);
});
