// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replayCapture, replayChunks } from './replay';
import type { ProtocolId } from './protocol-id';

interface ManifestEntry {
  file: string;
  protocol: ProtocolId;
  quirks: string[];
  expected: {
    text: string;
    reasoning?: string;
    refusal?: string;
    /** Our finish reason when the raw one alone does not decide it (Responses says "completed" either way). */
    ours?: string;
    toolCalls: { id: string | null; name: string; arguments: unknown; argumentsRaw?: string; truncated?: boolean }[];
    finishReason: string | null;
    error?: string | { message: string; type: string | null; code: string };
  };
}

const dir = fileURLToPath(new URL('./__fixtures__/streams/', import.meta.url));
const manifest: ManifestEntry[] = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8'));
const bytesOf = (file: string) => new Uint8Array(readFileSync(dir + file));

// Written out here rather than imported, so a wrong mapping in the code cannot agree with itself.
const OURS: Record<string, string> = {
  stop: 'stop',
  end_turn: 'stop',
  tool_calls: 'tool_calls',
  tool_use: 'tool_calls',
  function_call: 'tool_calls',
  length: 'length',
  max_tokens: 'length',
};

describe('recorded transcripts decode to their manifest', () => {
  it('has a manifest entry for every transcript in the folder, and a transcript for every entry', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.sse'));
    expect(manifest.map((m) => m.file).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(33);
  });

  it.each(manifest.map((m) => [m.file, m] as const))('%s', (_file, entry) => {
    const result = replayCapture(entry.protocol, bytesOf(entry.file));
    const want = entry.expected;
    expect(result.text).toBe(want.text);
    expect(result.reasoning).toBe(want.reasoning ?? '');
    expect(result.refusal).toBe(want.refusal ?? '');
    expect(result.rawFinishReason).toBe(want.finishReason);
    expect(result.finishReason).toBe(want.error ? 'error' : want.finishReason === null ? null : (want.ours ?? OURS[want.finishReason]));
    if (want.error === undefined) expect(result.error).toBeNull();
    else if (typeof want.error === 'string') expect(result.error?.message).toBe(want.error);
    else expect(result.error).toEqual(want.error);
    expect(result.toolCalls).toEqual(
      want.toolCalls.map((c) => ({
        id: c.id,
        name: c.name,
        arguments: c.truncated ? null : c.arguments,
        argumentsText: c.argumentsRaw ?? expect.any(String),
        complete: !c.truncated,
      })),
    );
    for (const call of result.toolCalls) if (call.complete) expect(JSON.parse(call.argumentsText || '{}')).toEqual(call.arguments);
  });
});

describe('re-split transcripts', () => {
  // Cut points anywhere in the bytes: inside multi-byte characters, inside `data:` lines, between CR and LF.
  it.each(manifest.map((m) => [m.file, m] as const))('%s decodes identically however its bytes are split', (_file, entry) => {
    const bytes = bytesOf(entry.file);
    const whole = replayCapture(entry.protocol, bytes);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { minLength: 1, maxLength: 40 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.subarray(points[i], end));
        expect(replayChunks(entry.protocol, chunks)).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it('splits inside a multi-byte character at least once', () => {
    const entry = manifest.find((m) => m.file.includes('thinking-signature'))!;
    const bytes = bytesOf(entry.file);
    const at = bytes.findIndex((b) => b >= 0x80) + 1; // the middle of "÷"
    const result = replayChunks(entry.protocol, [bytes.subarray(0, at), bytes.subarray(at)]);
    expect(result).toEqual(replayCapture(entry.protocol, bytes));
    expect(result.text).toContain('÷');
  });
});
