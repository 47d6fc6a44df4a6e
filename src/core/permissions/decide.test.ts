import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decide, defaultPermission } from './decide';
import type { Permission, PermissionRule } from './types';

const auto = { name: 'calculate', policy: 'auto' as const };
const ask = { name: 'write_file', policy: 'ask' as const };
const always = (tool: string, permission: Permission): PermissionRule => ({ tool, permission, scope: 'always', createdAt: 1 });
const inConv = (tool: string, permission: Permission, conversationId = 'c1'): PermissionRule => ({
  tool,
  permission,
  scope: 'conversation',
  conversationId,
  createdAt: 2,
});

describe('decide', () => {
  it('falls back to the tool default when no rule names the tool', () => {
    expect(decide(auto, [], 'c1')).toEqual({ permission: 'allow', source: 'default' });
    expect(decide(ask, [always('other', 'deny')], 'c1')).toEqual({ permission: 'ask', source: 'default' });
    expect(defaultPermission('auto')).toBe('allow');
    expect(defaultPermission('ask')).toBe('ask');
  });

  it('lets an always rule override the default in both directions', () => {
    expect(decide(ask, [always('write_file', 'allow')], 'c1').permission).toBe('allow');
    expect(decide(auto, [always('calculate', 'ask')], 'c1').permission).toBe('ask');
    expect(decide(auto, [always('calculate', 'deny')], null)).toMatchObject({ permission: 'deny', source: 'always' });
  });

  it('lets a conversation rule beat the always rule, whatever their order', () => {
    const rules = [always('write_file', 'deny'), inConv('write_file', 'allow')];
    expect(decide(ask, rules, 'c1')).toMatchObject({ permission: 'allow', source: 'conversation', rule: rules[1] });
    expect(decide(ask, [...rules].reverse(), 'c1').permission).toBe('allow');
  });

  it('ignores conversation rules of other conversations and of a new chat without an id', () => {
    const rules = [inConv('write_file', 'allow', 'c2')];
    expect(decide(ask, rules, 'c1')).toEqual({ permission: 'ask', source: 'default' });
    expect(decide(ask, rules, null)).toEqual({ permission: 'ask', source: 'default' });
  });

  it('follows the precedence for any mix of rules (property)', () => {
    const perm = fc.constantFrom<Permission>('allow', 'ask', 'deny');
    const rule = fc.oneof(
      fc.record({ tool: fc.constantFrom('calculate', 'x'), permission: perm, scope: fc.constant('always' as const), createdAt: fc.nat() }),
      fc.record({
        tool: fc.constantFrom('calculate', 'x'),
        permission: perm,
        scope: fc.constant('conversation' as const),
        conversationId: fc.constantFrom('c1', 'c2'),
        createdAt: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), (rules) => {
        const mine = rules.filter((r) => r.tool === 'calculate');
        const conv = mine.find((r) => r.scope === 'conversation' && r.conversationId === 'c1');
        const wide = mine.filter((r) => r.scope === 'always').at(-1);
        const expected = conv?.permission ?? wide?.permission ?? 'allow';
        expect(decide(auto, rules, 'c1').permission).toBe(expected);
      }),
    );
  });
});
