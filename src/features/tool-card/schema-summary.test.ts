import { describe, expect, it } from 'vitest';
import { describeType, summarizeSchema } from './schema-summary';

describe('summarizeSchema', () => {
  it('lists required properties first with readable types', () => {
    const rows = summarizeSchema({
      type: 'object',
      properties: {
        unit: { enum: ['celsius', 'fahrenheit'] },
        city: { type: 'string', description: 'City name' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['city', 'country'],
    });
    expect(rows.map((r) => [r.name, r.type, r.required])).toEqual([
      ['city', 'string', true],
      ['country', 'any', true],
      ['unit', '"celsius" | "fahrenheit"', false],
      ['tags', 'string[]', false],
    ]);
    expect(rows[0].description).toBe('City name');
  });

  it('copes with schemas that have no properties', () => {
    expect(summarizeSchema({ type: 'object' })).toEqual([]);
  });
});

describe('describeType', () => {
  it('describes unions, consts and untyped values', () => {
    expect(describeType({ type: ['string', 'null'] })).toBe('string | null');
    expect(describeType({ anyOf: [{ type: 'number' }, { const: 'auto' }] })).toBe('number | "auto"');
    expect(describeType({})).toBe('any');
  });
});
