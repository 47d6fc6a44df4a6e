import type { ToolPolicy } from '../tools/types';
import { defaultPermission } from './decide';
import type { Permission, PermissionRule, RuleTarget } from './types';

/** True when both name the same tool, scope and conversation (they would replace each other). */
export function sameTarget(a: RuleTarget, b: RuleTarget): boolean {
  if (a.tool !== b.tool || a.scope !== b.scope) return false;
  return a.scope === 'always' || (b.scope === 'conversation' && a.conversationId === b.conversationId);
}

/** A stable string per target, for React keys and element ids. */
export function ruleKey(rule: RuleTarget): string {
  return JSON.stringify(rule.scope === 'always' ? [rule.tool] : [rule.tool, rule.conversationId]);
}

/** A rule for a tool in one scope; `conversationId` is required for the conversation scope. */
export function makeRule(
  tool: string,
  permission: Permission,
  scope: 'always' | 'conversation',
  conversationId: string | null,
  now: number,
): PermissionRule {
  if (scope === 'always') return { tool, permission, scope, createdAt: now };
  if (!conversationId) throw new Error('A conversation rule needs a conversation id');
  return { tool, permission, scope, conversationId, createdAt: now };
}

/** Adds a rule, replacing any rule with the same target; the others keep their order. */
export function upsertRule(rules: readonly PermissionRule[], rule: PermissionRule): PermissionRule[] {
  return [...rules.filter((r) => !sameTarget(r, rule)), rule];
}

/** Removes the rule with this target (a no-op when there is none). */
export function revokeRule(rules: readonly PermissionRule[], target: RuleTarget): PermissionRule[] {
  const next = rules.filter((r) => !sameTarget(r, target));
  return next.length === rules.length ? (rules as PermissionRule[]) : next;
}

/**
 * Sets a tool's permission for all conversations, as the Permissions page does: choosing the
 * tool's own default removes the rule instead, so a later change of the default still applies.
 */
export function setAlwaysPermission(
  rules: readonly PermissionRule[],
  tool: { name: string; policy: ToolPolicy },
  permission: Permission,
  now: number,
): PermissionRule[] {
  if (permission === defaultPermission(tool.policy)) return revokeRule(rules, { tool: tool.name, scope: 'always' });
  const current = rules.find((r) => r.scope === 'always' && r.tool === tool.name);
  if (current?.permission === permission) return rules as PermissionRule[];
  return upsertRule(rules, makeRule(tool.name, permission, 'always', null, now));
}

/** Newest first, the order the Permissions page lists them in. */
export function newestFirst(rules: readonly PermissionRule[]): PermissionRule[] {
  return [...rules].sort((a, b) => b.createdAt - a.createdAt);
}
