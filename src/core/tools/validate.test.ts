import { describe, expect, it, vi } from 'vitest';

const schema = {
  type: 'object',
  properties: { city: { type: 'string' }, unit: { enum: ['c', 'f'] } },
  required: ['city'],
  additionalProperties: false,
};

// A fresh copy of the module each time: the setup file has already loaded the shared one.
async function freshModule() {
  vi.resetModules();
  return import('./validate');
}

describe('validateArgs', () => {
  it('fails closed until the engine has loaded, then checks synchronously', async () => {
    const { validateArgs, loadValidator, validatorReady } = await freshModule();
    expect(validatorReady()).toBe(false);
    const early = validateArgs(schema, { city: 'Paris' });
    expect(early.ok).toBe(false);
    await loadValidator();
    expect(validatorReady()).toBe(true);
    expect(validateArgs(schema, { city: 'Paris' })).toEqual({ ok: true });
  });

  it('describes schema errors in plain words', async () => {
    const { validateArgs, loadValidator } = await freshModule();
    await loadValidator();
    const result = validateArgs(schema, { unit: 'k', town: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('(arguments) is missing required property "city"');
    expect(result.errors).toContain('(arguments) has unknown property "town"');
    expect(result.errors).toContain('/unit must be equal to one of the allowed values: "c", "f"');
  });

  it('words numeric, length, nested and type errors like ajv did', async () => {
    const { validateArgs, loadValidator } = await freshModule();
    await loadValidator();
    const nested = {
      type: 'object',
      properties: {
        n: { type: 'integer', minimum: 1 },
        s: { type: 'string', minLength: 2 },
        list: { type: 'array', items: { type: 'number' }, maxItems: 1 },
        city: { type: 'string' },
      },
    };
    const result = validateArgs(nested, { n: 0, s: 'x', list: ['a', 2], city: 3 });
    expect(result).toEqual({
      ok: false,
      errors: [
        '/n must be >= 1',
        '/s must NOT have fewer than 2 characters',
        '/list must NOT have more than 1 items',
        '/city must be string',
        '/list/0 must be number',
      ],
    });
  });

  it('reports an unknown property once, not again as a false schema', async () => {
    const { validateArgs, loadValidator } = await freshModule();
    await loadValidator();
    expect(validateArgs(schema, { city: 'Paris', town: 'x' })).toEqual({
      ok: false,
      errors: ['(arguments) has unknown property "town"'],
    });
  });

  it('loads once however often it is asked', async () => {
    const { loadValidator } = await freshModule();
    expect(loadValidator()).toBe(loadValidator());
    await loadValidator();
  });
});
