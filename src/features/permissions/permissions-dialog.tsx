import { useId, useMemo, useRef, type RefObject } from 'react';
import type { DynamicToolRegistry, ToolRegistry } from '../../core/tools/registry';
import { useT } from '../../i18n';
import { usePermissions, type PermissionsStore } from '../../store/permissions-store';
import { useToolList } from '../../store/use-tool-list';
import { MODAL_PANEL, useDialogDismiss, useModalDialog } from '../../ui/use-modal-dialog';
import { messages } from './messages';
import { RuleList } from './rule-list';
import { ToolPermissionList } from './tool-permission-list';

export interface PermissionsDialogProps {
  open: boolean;
  onClose(): void;
  tools: ToolRegistry | DynamicToolRegistry;
  /** The conversation on screen, so its rules read "This conversation". */
  conversationId: string | null;
  /** A saved conversation's title, for rules that apply to one conversation. */
  titleOf(id: string): string | undefined;
  /** Where focus goes when the dialog closes; defaults to whatever had focus when it opened. */
  returnFocusTo?: RefObject<HTMLElement | null>;
  /** The rules store; the app's by default. */
  store?: PermissionsStore;
}

/** The Tool permissions page as a modal dialog: a control per tool and every rule with Revoke. */
export function PermissionsDialog({ open, ...rest }: PermissionsDialogProps) {
  if (!open) return null;
  return <OpenPermissionsDialog {...rest} />;
}

function OpenPermissionsDialog({ onClose, tools, conversationId, titleOf, returnFocusTo, store = usePermissions }: Omit<PermissionsDialogProps, 'open'>) {
  const t = useT(messages);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dialogRef = useModalDialog({ onClose, initialFocus: headingRef, returnFocusTo });
  const dismiss = useDialogDismiss(dialogRef);
  const titleId = useId();
  const rulesHeadingId = useId();
  const toolsHeadingId = useId();
  const rules = store((s) => s.rules);
  const setAlways = store((s) => s.setAlways);
  const revoke = store((s) => s.revoke);
  const list = useToolList(tools);
  const toolNames = useMemo(() => new Set(list.map((tool) => tool.name)), [list]);
  const close = () => dialogRef.current?.close();

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      {...dismiss}
      className={`max-w-2xl ${MODAL_PANEL}`}
    >
      <div className="flex flex-col gap-5 p-4 sm:p-6">
        <header className="flex flex-col gap-1">
          <h2 id={titleId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
            {t('title')}
          </h2>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
        </header>
        <section aria-labelledby={toolsHeadingId} className="flex flex-col gap-2">
          <h3 id={toolsHeadingId} className="text-sm font-semibold text-zinc-800 dark:text-zinc-200">
            {t('toolsHeading')}
          </h3>
          <ToolPermissionList tools={list} rules={rules} conversationId={conversationId} onChange={setAlways} />
        </section>
        {/* Below the tools: a choice there adds a row here, and must not move the control under the pointer. */}
        <section aria-labelledby={rulesHeadingId} className="flex flex-col gap-2">
          <div>
            <h3 id={rulesHeadingId} className="text-sm font-semibold text-zinc-800 dark:text-zinc-200">
              {t('rulesHeading')}
            </h3>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('rulesHelp')}</p>
          </div>
          <RuleList rules={rules} toolNames={toolNames} conversationId={conversationId} titleOf={titleOf} onRevoke={revoke} />
        </section>
        <footer className="flex justify-end border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <button
            type="button"
            onClick={close}
            className="inline-flex items-center justify-center rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none dark:bg-indigo-500 dark:hover:bg-indigo-400 dark:focus-visible:ring-offset-zinc-900"
          >
            {t('done')}
          </button>
        </footer>
      </div>
    </dialog>
  );
}
