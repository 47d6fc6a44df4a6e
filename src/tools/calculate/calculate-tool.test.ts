// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../core/tools/validate';
import { createCalculateTool } from './calculate-tool';

describe('calculate tool', () => {
  const tool = createCalculateTool();
  const signal = new AbortController().signal;

  it('returns the expression with its result', async () => {
    await expect(tool.run({ expression: '2 ^ 10 - 24' }, { signal })).resolves.toEqual({ expression: '2 ^ 10 - 24', result: 1000 });
  });

  it('throws the positioned parse error for the model to read', async () => {
    await expect(tool.run({ expression: '(1 + 2) * )' }, { signal })).rejects.toThrow("Unexpected ')' at 11");
  });

  it('runs without asking and validates its arguments', () => {
    expect(tool.policy).toBe('auto');
    expect(validateArgs(tool.parameters, { expression: '1+1' })).toEqual({ ok: true });
    expect(validateArgs(tool.parameters, {})).toMatchObject({ ok: false });
    expect(validateArgs(tool.parameters, { expression: '1', precision: 2 })).toMatchObject({ ok: false });
  });
});
