import { describe, expect, it } from 'vitest';
import type { ModelClient, ModelEvent, ModelRequest } from '../types';
import { ModelError } from '../types';
import { isToolsUnsupportedError, withToolFallback } from './tool-fallback';

const TOOLS = [{ name: 'calculate', description: 'Math.', parameters: {} }];

function client(label: string, behave: () => ModelEvent[] | Error) {
  let calls = 0;
  const c: ModelClient = {
    label,
    async *stream() {
      calls++;
      const r = behave();
      if (r instanceof Error) throw r;
      for (const e of r) yield e;
    },
  };
  return { c, count: () => calls };
}

async function collect(c: ModelClient, tools = TOOLS, signal = new AbortController().signal): Promise<ModelEvent[]> {
  const out: ModelEvent[] = [];
  const req: ModelRequest = { messages: [{ role: 'user', content: 'x' }], tools, signal };
  for await (const e of c.stream(req)) out.push(e);
  return out;
}

const refused = (message: string, status = 400) => new ModelError('bad_request', message, { status });
const ok = (label: string): ModelEvent[] => [{ type: 'text-delta', text: label }, { type: 'finish', reason: 'stop' }];

describe('isToolsUnsupportedError', () => {
  it.each([
    'The server refused the request (HTTP 400): registry.ollama.ai/library/gemma:2b does not support tools',
    'The server refused the request (HTTP 400): "auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set',
    'HTTP 400: tools param requires --jinja flag',
    'HTTP 400: Function calling is not enabled for this model',
    'HTTP 400: Extra inputs are not permitted: tool_choice',
  ])('recognizes %j', (message) => {
    expect(isToolsUnsupportedError(refused(message))).toBe(true);
  });

  it('ignores other errors, other statuses and non-ModelErrors', () => {
    expect(isToolsUnsupportedError(refused('HTTP 400: context length exceeded'))).toBe(false);
    expect(isToolsUnsupportedError(refused('does not support tools', 500))).toBe(false);
    expect(isToolsUnsupportedError(new ModelError('network', 'tools'))).toBe(false);
    expect(isToolsUnsupportedError(new Error('does not support tools'))).toBe(false);
    expect(isToolsUnsupportedError(refused('No endpoints found that support tool use', 404))).toBe(true);
  });
});

describe('withToolFallback', () => {
  it('uses native tools while they work', async () => {
    const native = client('native', () => ok('native'));
    const prompted = client('prompted', () => ok('prompted'));
    const memory = new Set<string>();
    expect(await collect(withToolFallback(native.c, prompted.c, { key: 'u m', memory }))).toEqual(ok('native'));
    expect(prompted.count()).toBe(0);
    expect(memory.size).toBe(0);
  });

  it('retries prompted once when tools are refused, then goes straight to prompted for that endpoint', async () => {
    const native = client('native', () => refused('HTTP 400: model does not support tools'));
    const prompted = client('prompted', () => ok('prompted'));
    const memory = new Set<string>();
    const make = () => withToolFallback(native.c, prompted.c, { key: 'http://h/v1 small', memory });
    expect(await collect(make())).toEqual(ok('prompted'));
    expect(memory.has('http://h/v1 small')).toBe(true);
    expect(await collect(make())).toEqual(ok('prompted'));
    expect(native.count()).toBe(1);
    expect(prompted.count()).toBe(2);
    // Another model on the same server still gets native tools first.
    await expect(collect(withToolFallback(native.c, prompted.c, { key: 'http://h/v1 large', memory }))).resolves.toEqual(ok('prompted'));
    expect(native.count()).toBe(2);
  });

  it('passes other errors through and does not remember them', async () => {
    const memory = new Set<string>();
    const native = client('native', () => refused('HTTP 400: context length exceeded'));
    const prompted = client('prompted', () => ok('prompted'));
    await expect(collect(withToolFallback(native.c, prompted.c, { key: 'k', memory }))).rejects.toThrow('context length');
    expect(prompted.count()).toBe(0);
    expect(memory.size).toBe(0);
  });

  it('does not retry once the native stream has produced events', async () => {
    let first = true;
    const native: ModelClient = {
      label: 'native',
      async *stream() {
        yield { type: 'text-delta', text: 'partial' };
        if (first) throw refused('HTTP 400: tools');
        first = false;
      },
    };
    const prompted = client('prompted', () => ok('prompted'));
    await expect(collect(withToolFallback(native, prompted.c, { key: 'k', memory: new Set() }))).rejects.toThrow('tools');
    expect(prompted.count()).toBe(0);
  });

  it('sends a request without tools natively, unless the endpoint is remembered as prompted', async () => {
    const native = client('native', () => ok('native'));
    const prompted = client('prompted', () => ok('prompted'));
    expect(await collect(withToolFallback(native.c, prompted.c, { key: 'k', memory: new Set() }), [])).toEqual(ok('native'));
    expect(await collect(withToolFallback(native.c, prompted.c, { key: 'k', memory: new Set(['k']) }), [])).toEqual(ok('prompted'));
  });
});
