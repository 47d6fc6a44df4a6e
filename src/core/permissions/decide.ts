import type { ToolPolicy } from '../tools/types';
import type { Decision, Permission, PermissionRule } from './types';

/** The permission a tool has when no rule names it: its own policy (`auto` runs, `ask` asks). */
export function defaultPermission(policy: ToolPolicy): Permission {
  return policy === 'auto' ? 'allow' : 'ask';
}

/**
 * Decides whether a call of `tool` runs, asks or is refused in `conversationId`.
 *
 * Precedence, most specific first: a rule for this very conversation, then a rule for all
 * conversations, then the tool's default policy. The narrower rule wins because the user set it
 * knowing the wider one (e.g. "Never" everywhere but allowed in one sandbox conversation).
 */
export function decide(
  tool: { name: string; policy: ToolPolicy },
  rules: readonly PermissionRule[],
  conversationId: string | null,
): Decision {
  let always: PermissionRule | undefined;
  for (const rule of rules) {
    if (rule.tool !== tool.name) continue;
    if (rule.scope === 'conversation') {
      if (conversationId !== null && rule.conversationId === conversationId) return { permission: rule.permission, source: 'conversation', rule };
    } else {
      always = rule;
    }
  }
  if (always) return { permission: always.permission, source: 'always', rule: always };
  return { permission: defaultPermission(tool.policy), source: 'default' };
}
