// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { collectArgs, initialValues, planForm, type FormField } from './schema-form';
import { createBuiltinTools, MemoryFileStore } from '../../tools';

const schema = {
  type: 'object',
  properties: {
    city: { type: 'string', description: 'Which city' },
    days: { type: 'integer', minimum: 1, default: 3 },
    ratio: { type: 'number' },
    metric: { type: 'boolean', default: true },
    verbose: { type: 'boolean' },
    unit: { enum: ['c', 'f'], default: 'c' },
    level: { type: 'integer', enum: [1, 2] },
  },
  required: ['city'],
  additionalProperties: false,
};

const fieldsOf = (s: Record<string, unknown>): FormField[] => {
  const plan = planForm(s);
  if (plan.kind !== 'fields') throw new Error('expected fields');
  return plan.fields;
};

describe('planForm', () => {
  it('makes a field per simple property with required, default, description and enum options', () => {
    expect(fieldsOf(schema)).toEqual([
      { name: 'city', kind: 'string', required: true, description: 'Which city' },
      { name: 'days', kind: 'integer', required: false, default: 3 },
      { name: 'ratio', kind: 'number', required: false },
      { name: 'metric', kind: 'boolean', required: false, default: true },
      { name: 'verbose', kind: 'boolean', required: false },
      { name: 'unit', kind: 'enum', required: false, default: 'c', options: ['c', 'f'] },
      { name: 'level', kind: 'enum', required: false, options: [1, 2] },
    ]);
  });

  it('has no fields for a tool without arguments', () => {
    expect(planForm({ type: 'object', properties: {}, additionalProperties: false })).toEqual({ kind: 'fields', fields: [] });
  });

  it('falls back to JSON, prefilled with the required properties, for what a form cannot express', () => {
    const nested = {
      type: 'object',
      properties: { tags: { type: 'array', items: { type: 'string' } }, name: { type: 'string', default: 'x' }, n: { type: 'integer' }, opt: { type: 'string' } },
      required: ['tags', 'name', 'n'],
    };
    expect(planForm(nested)).toEqual({ kind: 'json', template: '{\n  "tags": [],\n  "name": "x",\n  "n": 0\n}' });
    expect(planForm({ type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'number' }] } } }).kind).toBe('json');
    expect(planForm({ type: 'object', properties: { a: { type: ['string', 'null'] } } }).kind).toBe('json');
    expect(planForm({ type: 'object' })).toEqual({ kind: 'json', template: '{}' });
    expect(planForm(undefined).kind).toBe('json');
  });

  it('gives every built-in tool a form', () => {
    for (const tool of createBuiltinTools({ fileStore: new MemoryFileStore() })) expect(planForm(tool.parameters).kind, tool.name).toBe('fields');
  });
});

describe('initialValues / collectArgs', () => {
  const fields = fieldsOf(schema);

  it('starts from the defaults and sends only what is set', () => {
    const values = initialValues(fields);
    expect(values).toEqual({ city: '', days: '3', ratio: '', metric: true, verbose: false, unit: '"c"', level: '' });
    expect(collectArgs(fields, { ...values, city: 'Paris' })).toEqual({ ok: true, args: { city: 'Paris', days: 3, metric: true, unit: 'c' } });
    expect(collectArgs(fields, { ...values, city: ' ', ratio: ' 0.5 ', verbose: true, metric: false, level: '2' })).toEqual({
      ok: true,
      args: { city: ' ', days: 3, ratio: 0.5, metric: false, verbose: true, unit: 'c', level: 2 },
    });
  });

  it('names the fields that are missing or do not parse', () => {
    const values = { ...initialValues(fields), days: '2.5', ratio: 'abc' };
    expect(collectArgs(fields, values)).toEqual({ ok: false, problems: { city: 'required', days: 'integer', ratio: 'number' } });
    expect(collectArgs(fields, values, true)).toEqual({ ok: true, args: { metric: true, unit: 'c' } });
  });
});
