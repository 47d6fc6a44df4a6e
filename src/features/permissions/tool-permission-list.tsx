import { useId } from 'react';
import { decide, type Permission, type PermissionRule } from '../../core/permissions';
import type { ToolDefinition } from '../../core/tools/types';
import { useT } from '../../i18n';
import { messages } from './messages';
import { choiceLabel, permissionWord } from './permission-labels';

const CHOICES: readonly Permission[] = ['allow', 'ask', 'deny'];

interface Props {
  tools: readonly ToolDefinition[];
  rules: readonly PermissionRule[];
  conversationId: string | null;
  onChange(tool: ToolDefinition, permission: Permission): void;
}

/** Every tool with its default and a three-way control for all conversations. */
export function ToolPermissionList({ tools, rules, conversationId, onChange }: Props) {
  const t = useT(messages);
  if (tools.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noTools')}</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {tools.map((tool) => (
        <ToolRow key={tool.name} tool={tool} rules={rules} conversationId={conversationId} onChange={onChange} />
      ))}
    </ul>
  );
}

function ToolRow({ tool, rules, conversationId, onChange }: Omit<Props, 'tools'> & { tool: ToolDefinition }) {
  const t = useT(messages);
  const groupName = useId();
  const descriptionId = useId();
  const wide = decide(tool, rules.filter((r) => r.scope === 'always'), null).permission;
  const here = decide(tool, rules, conversationId);
  return (
    <li className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-mono text-sm font-semibold break-all text-zinc-900 dark:text-zinc-100">{tool.name}</span>
          <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            {t(tool.policy === 'auto' ? 'defaultAuto' : 'defaultAsk')}
          </span>
        </div>
        <p id={descriptionId} className="mt-1 line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400">
          {tool.description}
        </p>
        {here.source === 'conversation' && (
          <p className="mt-1 text-xs font-medium text-indigo-700 dark:text-indigo-300">
            {t('hereOverride', { permission: permissionWord(t, here.permission) })}
          </p>
        )}
      </div>
      <div
        role="radiogroup"
        aria-label={tool.name}
        aria-describedby={descriptionId}
        className="inline-flex shrink-0 self-start rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700"
      >
        {CHOICES.map((permission) => (
          <label key={permission} className="relative">
            <input
              type="radio"
              name={groupName}
              value={permission}
              checked={wide === permission}
              onChange={() => onChange(tool, permission)}
              className="peer absolute inset-0 z-10 cursor-pointer opacity-0"
            />
            <span
              className={`block cursor-pointer rounded-md px-2.5 py-1 text-xs font-medium whitespace-nowrap text-zinc-700 peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 ${SELECTED[permission]}`}
            >
              {choiceLabel(t, permission)}
            </span>
          </label>
        ))}
      </div>
    </li>
  );
}

// A chosen Never reads as a warning, the others in the accent colour.
const SELECTED: Record<Permission, string> = {
  allow: 'peer-checked:bg-indigo-600 peer-checked:text-white dark:peer-checked:bg-indigo-500 dark:peer-checked:text-white',
  ask: 'peer-checked:bg-indigo-600 peer-checked:text-white dark:peer-checked:bg-indigo-500 dark:peer-checked:text-white',
  deny: 'peer-checked:bg-red-600 peer-checked:text-white dark:peer-checked:bg-red-500 dark:peer-checked:text-white',
};
