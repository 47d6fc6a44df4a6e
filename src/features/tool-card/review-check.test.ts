import { describe, expect, it } from 'vitest';
import type { ToolCallState } from '../../core/conversation/types';
import { checkArgsText, initialArgsText, sameJson } from './review-check';

const schema = {
  type: 'object',
  properties: { city: { type: 'string' }, days: { type: 'integer' } },
  required: ['city'],
  additionalProperties: false,
};

function call(overrides: Partial<ToolCallState>): ToolCallState {
  return { id: 'c1', name: 'get_weather', round: 0, argsText: '', status: 'pending_approval', ...overrides } as ToolCallState;
}

describe('checkArgsText', () => {
  it('reports JSON syntax errors', () => {
    const result = checkArgsText('{"city": ', schema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^JSON syntax error/);
  });

  it('rejects values that are not objects', () => {
    for (const text of ['[1]', '"Paris"', 'null', '3']) {
      const result = checkArgsText(text, undefined);
      expect(result.ok, text).toBe(false);
    }
  });

  it('reports schema errors from the validator', () => {
    const result = checkArgsText('{"city": 3}', schema);
    expect(result).toEqual({ ok: false, errors: ['/city must be string'] });
  });

  it('accepts valid arguments and returns the parsed value', () => {
    expect(checkArgsText('{"city":"Oslo","days":2}', schema)).toEqual({ ok: true, value: { city: 'Oslo', days: 2 } });
  });

  it('checks only syntax and shape without a schema', () => {
    expect(checkArgsText('{"anything": [1, 2]}', undefined)).toEqual({ ok: true, value: { anything: [1, 2] } });
  });
});

describe('initialArgsText', () => {
  it('pretty-prints the edited arguments in preference to the original', () => {
    expect(initialArgsText(call({ args: { city: 'Paris' }, editedArgs: { city: 'Lyon' } }))).toBe(
      '{\n  "city": "Lyon"\n}',
    );
  });

  it('falls back to the raw text when the arguments never parsed', () => {
    expect(initialArgsText(call({ argsText: '{"city":"Par', status: 'incomplete' }))).toBe('{"city":"Par');
  });

  it('starts from an empty object when nothing was sent', () => {
    expect(initialArgsText(call({ argsText: '  ' }))).toBe('{}');
  });
});

describe('sameJson', () => {
  it('ignores key order but not values or array order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
