import { newestFirst, ruleKey, type PermissionRule } from '../../core/permissions';
import { useT } from '../../i18n';
import { messages } from './messages';
import { permissionWord, scopeLabel } from './permission-labels';

interface Props {
  rules: readonly PermissionRule[];
  /** Names of the tools in the registry now; a rule for another tool is marked as not available. */
  toolNames: ReadonlySet<string>;
  conversationId: string | null;
  titleOf(id: string): string | undefined;
  onRevoke(rule: PermissionRule): void;
}

const CHIP: Record<PermissionRule['permission'], string> = {
  allow: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  ask: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200',
  deny: 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200',
};

/** Every stored rule, newest first, with its scope and a Revoke button. */
export function RuleList({ rules, toolNames, conversationId, titleOf, onRevoke }: Props) {
  const t = useT(messages);
  if (rules.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noRules')}</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="permission-rules">
      {newestFirst(rules).map((rule) => {
        const scope = scopeLabel(t, rule, conversationId, titleOf);
        return (
          <li key={ruleKey(rule)} className="flex items-center gap-3 p-3">
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="font-mono text-sm font-semibold break-all text-zinc-900 dark:text-zinc-100">{rule.tool}</span>
                <span className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${CHIP[rule.permission]}`}>{permissionWord(t, rule.permission)}</span>
                {!toolNames.has(rule.tool) && <span className="text-[11px] text-zinc-500 dark:text-zinc-400">{t('unavailable')}</span>}
              </div>
              <p className="mt-0.5 truncate text-xs text-zinc-600 dark:text-zinc-400">{scope}</p>
            </div>
            <button
              type="button"
              onClick={() => onRevoke(rule)}
              aria-label={t('revokeLabel', { tool: rule.tool, scope })}
              className="shrink-0 rounded-lg border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
            >
              {t('revoke')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
