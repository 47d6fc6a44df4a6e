// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { validateArgs } from '../core/tools/validate';
import { createRunJavaScriptTool, DEFAULT_JS_TIMEOUT_MS } from './run-javascript';

describe('run_javascript', () => {
  it('hands the code, time limit and signal to the sandbox and returns its result', async () => {
    const runner = vi.fn(async () => ({ logs: ['hi'], value: 3 }));
    const tool = createRunJavaScriptTool(runner);
    const signal = new AbortController().signal;
    await expect(tool.run({ code: 'console.log("hi"); 1 + 2' }, { signal })).resolves.toEqual({ logs: ['hi'], value: 3 });
    expect(runner).toHaveBeenCalledWith('console.log("hi"); 1 + 2', { timeoutMs: DEFAULT_JS_TIMEOUT_MS, signal });
    await tool.run({ code: '1', timeoutMs: 20_000 }, { signal });
    expect(runner).toHaveBeenLastCalledWith('1', { timeoutMs: 20_000, signal });
  });

  it('asks first, caps the time limit at 30 s, and outlasts its own limit', () => {
    const tool = createRunJavaScriptTool(vi.fn());
    expect(tool.policy).toBe('ask');
    expect(validateArgs(tool.parameters, { code: '1', timeoutMs: 30_000 })).toEqual({ ok: true });
    expect(validateArgs(tool.parameters, { code: '1', timeoutMs: 30_001 })).toMatchObject({ ok: false });
    expect(validateArgs(tool.parameters, { code: '' })).toMatchObject({ ok: false });
    expect(validateArgs(tool.parameters, { code: '1', language: 'python' })).toMatchObject({ ok: false });
    expect(tool.timeoutMs).toBeGreaterThan(30_000);
  });
});
