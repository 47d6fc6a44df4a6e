import type { Permission, PermissionRule } from '../../core/permissions';
import type { Translator } from '../../i18n';
import type { messages } from './messages';

type T = Translator<keyof (typeof messages)['en'] & string>;

/** The word for a permission in the rule list ("Allow", "Ask", "Never"). */
export function permissionWord(t: T, permission: Permission): string {
  return t(permission === 'allow' ? 'permAllow' : permission === 'ask' ? 'permAsk' : 'permDeny');
}

/** The choice label for a permission in a tool's control ("Always allow", "Ask", "Never"). */
export function choiceLabel(t: T, permission: Permission): string {
  return t(permission === 'allow' ? 'choiceAllow' : permission === 'ask' ? 'choiceAsk' : 'choiceDeny');
}

/** Where a rule applies, in words: all conversations, this one, or another one by its title. */
export function scopeLabel(
  t: T,
  rule: PermissionRule,
  currentConversationId: string | null,
  titleOf: (id: string) => string | undefined,
): string {
  if (rule.scope === 'always') return t('scopeAll');
  if (rule.conversationId === currentConversationId) return t('scopeHere');
  const title = titleOf(rule.conversationId)?.trim();
  return title ? t('scopeNamed', { title }) : t('scopeOther');
}
