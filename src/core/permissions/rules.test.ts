import { describe, expect, it } from 'vitest';
import { makeRule, newestFirst, revokeRule, ruleKey, sameTarget, setAlwaysPermission, upsertRule } from './rules';
import type { PermissionRule } from './types';

const calc = { name: 'calculate', policy: 'auto' as const };
const write = { name: 'write_file', policy: 'ask' as const };

describe('rule helpers', () => {
  it('replaces a rule with the same target and keeps rules of other targets', () => {
    const a = makeRule('calculate', 'deny', 'always', null, 1);
    const b = makeRule('calculate', 'allow', 'conversation', 'c1', 2);
    const c = makeRule('calculate', 'ask', 'conversation', 'c2', 3);
    const replaced = upsertRule([a, b, c], makeRule('calculate', 'deny', 'conversation', 'c1', 4));
    expect(replaced).toHaveLength(3);
    expect(replaced.find((r) => r.scope === 'conversation' && r.conversationId === 'c1')).toMatchObject({ permission: 'deny', createdAt: 4 });
    expect(replaced).toContain(a);
    expect(replaced).toContain(c);
  });

  it('tells targets apart by tool, scope and conversation', () => {
    const always = { tool: 't', scope: 'always' } as const;
    expect(sameTarget(always, { tool: 't', scope: 'always' })).toBe(true);
    expect(sameTarget(always, { tool: 'u', scope: 'always' })).toBe(false);
    expect(sameTarget(always, { tool: 't', scope: 'conversation', conversationId: 'c' })).toBe(false);
    expect(sameTarget({ tool: 't', scope: 'conversation', conversationId: 'c' }, { tool: 't', scope: 'conversation', conversationId: 'd' })).toBe(false);
    expect(ruleKey(always)).not.toBe(ruleKey({ tool: 't', scope: 'conversation', conversationId: 'c' }));
  });

  it('revokes exactly one rule and returns the same list when nothing matched', () => {
    const rules = [makeRule('a', 'deny', 'always', null, 1), makeRule('a', 'allow', 'conversation', 'c1', 2)];
    expect(revokeRule(rules, { tool: 'a', scope: 'always' })).toEqual([rules[1]]);
    expect(revokeRule(rules, { tool: 'b', scope: 'always' })).toBe(rules);
  });

  it('refuses a conversation rule without a conversation', () => {
    expect(() => makeRule('a', 'allow', 'conversation', null, 1)).toThrow(/conversation id/);
  });

  it('removes the always rule when the page picks the tool default, and sets it otherwise', () => {
    let rules: PermissionRule[] = [];
    rules = setAlwaysPermission(rules, calc, 'deny', 5);
    expect(rules).toEqual([{ tool: 'calculate', permission: 'deny', scope: 'always', createdAt: 5 }]);
    rules = setAlwaysPermission(rules, calc, 'allow', 6);
    expect(rules).toEqual([]);
    rules = setAlwaysPermission(rules, write, 'allow', 7);
    expect(rules).toHaveLength(1);
    // Picking the current value again keeps the rule's date (it is not a new decision).
    expect(setAlwaysPermission(rules, write, 'allow', 8)).toBe(rules);
    expect(setAlwaysPermission(rules, write, 'ask', 9)).toEqual([]);
  });

  it('leaves conversation rules alone when the always permission changes', () => {
    const conv = makeRule('calculate', 'ask', 'conversation', 'c1', 1);
    expect(setAlwaysPermission([conv], calc, 'deny', 2)).toEqual([conv, makeRule('calculate', 'deny', 'always', null, 2)]);
    expect(setAlwaysPermission([conv], calc, 'allow', 3)).toEqual([conv]);
  });

  it('lists newest first without changing the input', () => {
    const rules = [makeRule('a', 'deny', 'always', null, 1), makeRule('b', 'deny', 'always', null, 3), makeRule('c', 'deny', 'always', null, 2)];
    expect(newestFirst(rules).map((r) => r.tool)).toEqual(['b', 'c', 'a']);
    expect(rules.map((r) => r.tool)).toEqual(['a', 'b', 'c']);
  });
});
