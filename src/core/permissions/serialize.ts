import { upsertRule } from './rules';
import type { Permission, PermissionRule } from './types';

const VERSION = 1;
const PERMISSIONS: readonly Permission[] = ['allow', 'ask', 'deny'];
// Names and ids are short in practice; a megabyte "name" is garbage, not a rule.
const MAX_TEXT = 500;

/** The stored form of a rule list (versioned, so a later format can read this one). */
export function serializeRules(rules: readonly PermissionRule[]): string {
  return JSON.stringify({ version: VERSION, rules });
}

/**
 * Reads a stored rule list. Storage can hold anything (older versions, hand edits, other apps):
 * unreadable text gives no rules, and each malformed rule is skipped without losing the rest.
 * When two rules share a target the later one wins, as it would have when it was added.
 */
export function parseRules(raw: string | null | undefined): PermissionRule[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.rules) ? value.rules : [];
  let rules: PermissionRule[] = [];
  for (const item of list) {
    const rule = readRule(item);
    if (rule) rules = upsertRule(rules, rule);
  }
  return rules;
}

function readRule(v: unknown): PermissionRule | null {
  if (!isRecord(v) || !isText(v.tool) || !PERMISSIONS.includes(v.permission as Permission)) return null;
  const permission = v.permission as Permission;
  const createdAt = typeof v.createdAt === 'number' && Number.isFinite(v.createdAt) ? v.createdAt : 0;
  if (v.scope === 'always') return { tool: v.tool, permission, scope: 'always', createdAt };
  if (v.scope === 'conversation' && isText(v.conversationId))
    return { tool: v.tool, permission, scope: 'conversation', conversationId: v.conversationId, createdAt };
  return null;
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
