// @vitest-environment node
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { replayCapture } from '../src/core/protocols/replay';

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
