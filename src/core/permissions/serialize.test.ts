import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRules, serializeRules } from './serialize';
import type { PermissionRule } from './types';

const rule = fc.oneof(
  fc.record({
    tool: fc.string({ minLength: 1, maxLength: 30 }),
    permission: fc.constantFrom('allow' as const, 'ask' as const, 'deny' as const),
    scope: fc.constant('always' as const),
    createdAt: fc.integer({ min: 0, max: 2 ** 45 }),
  }),
  fc.record({
    tool: fc.string({ minLength: 1, maxLength: 30 }),
    permission: fc.constantFrom('allow' as const, 'ask' as const, 'deny' as const),
    scope: fc.constant('conversation' as const),
    conversationId: fc.string({ minLength: 1, maxLength: 30 }),
    createdAt: fc.integer({ min: 0, max: 2 ** 45 }),
  }),
);

describe('rule storage', () => {
  it('round-trips any rule list without duplicate targets (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(rule, { selector: (r) => JSON.stringify([r.tool, r.scope, r.scope === 'conversation' ? r.conversationId : '']) }), (rules) => {
        expect(parseRules(serializeRules(rules))).toEqual(rules);
      }),
    );
  });

  it('never throws on garbage and only ever returns well-formed rules (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ version: 1, rules: [v, v] }))), (raw) => {
        for (const r of parseRules(raw)) {
          expect(['allow', 'ask', 'deny']).toContain(r.permission);
          expect(typeof r.tool).toBe('string');
          expect(r.scope === 'always' || (r.scope === 'conversation' && typeof r.conversationId === 'string')).toBe(true);
        }
      }),
    );
  });

  it('gives no rules for missing or unreadable storage', () => {
    for (const raw of [null, undefined, '', 'not json', '42', '"text"', 'null', '{"rules": 5}', '{"version":1}']) expect(parseRules(raw)).toEqual([]);
  });

  it('keeps the good rules and drops the malformed ones', () => {
    const raw = JSON.stringify({
      version: 1,
      rules: [
        { tool: 'calculate', permission: 'deny', scope: 'always', createdAt: 5 },
        { tool: 'x', permission: 'maybe', scope: 'always', createdAt: 1 },
        { tool: '', permission: 'allow', scope: 'always' },
        { tool: 'y', permission: 'allow', scope: 'conversation' },
        { tool: 'y', permission: 'allow', scope: 'forever' },
        null,
        'write_file',
        { tool: 'write_file', permission: 'allow', scope: 'conversation', conversationId: 'c1', createdAt: 'yesterday' },
        { tool: 'z'.repeat(10_000), permission: 'allow', scope: 'always' },
      ],
    });
    expect(parseRules(raw)).toEqual<PermissionRule[]>([
      { tool: 'calculate', permission: 'deny', scope: 'always', createdAt: 5 },
      { tool: 'write_file', permission: 'allow', scope: 'conversation', conversationId: 'c1', createdAt: 0 },
    ]);
  });

  it('accepts a bare array and lets the later of two rules with one target win', () => {
    const raw = JSON.stringify([
      { tool: 'a', permission: 'deny', scope: 'always', createdAt: 1 },
      { tool: 'a', permission: 'ask', scope: 'always', createdAt: 2 },
    ]);
    expect(parseRules(raw)).toEqual([{ tool: 'a', permission: 'ask', scope: 'always', createdAt: 2 }]);
  });

  it('drops fields it does not know', () => {
    const raw = JSON.stringify([{ tool: 'a', permission: 'deny', scope: 'always', createdAt: 1, note: 'x', conversationId: 'c' }]);
    expect(parseRules(raw)).toEqual([{ tool: 'a', permission: 'deny', scope: 'always', createdAt: 1 }]);
  });
});
