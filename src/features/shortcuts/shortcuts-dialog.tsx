import { Fragment, useId, useRef } from 'react';
import { useT } from '../../i18n';
import { MODAL_PANEL, useDialogDismiss, useModalDialog } from '../../ui/use-modal-dialog';
import { messages } from './messages';
import { SHORTCUT_GROUPS, type Chord } from './shortcut-list';

const KBD =
  'inline-flex min-w-6 items-center justify-center rounded-md border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-sans text-xs font-medium text-zinc-700 shadow-[0_1px_0] shadow-zinc-300 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200 dark:shadow-zinc-700';

/** The list of every keyboard shortcut, grouped by where it works; Esc, Close or the backdrop dismiss it. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const t = useT(messages);
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useModalDialog({ onClose, initialFocus: closeRef });
  const dismiss = useDialogDismiss(dialogRef);
  const titleId = useId();
  const close = () => dialogRef.current?.close();

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      {...dismiss}
      className={`max-w-2xl ${MODAL_PANEL}`}
    >
      <div className="flex flex-col gap-4 p-4 sm:p-6">
        {/* Sticky, so Close stays in reach while a phone scrolls the list. */}
        <header className="sticky top-0 z-10 -mx-4 -mt-4 flex items-center justify-between gap-3 bg-white px-4 pt-4 pb-2 sm:-mx-6 sm:-mt-6 sm:px-6 sm:pt-6 dark:bg-zinc-900">
          <h2 id={titleId} className="text-lg font-semibold">
            {t('title')}
          </h2>
          <button
            ref={closeRef}
            type="button"
            onClick={close}
            className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            {t('close')}
          </button>
        </header>
        <div className="grid gap-x-8 gap-y-5 sm:grid-cols-2">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.id} aria-labelledby={`${titleId}-${group.id}`} className="min-w-0">
              <h3 id={`${titleId}-${group.id}`} className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">
                {t(group.title)}
              </h3>
              {group.context && <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{t(group.context)}</p>}
              <dl className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
                {group.shortcuts.map((shortcut) => (
                  // Wide key lists drop below their description rather than squeezing it into a column.
                  <div key={shortcut.label} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-1.5">
                    <dt className="min-w-40 flex-1 text-sm text-zinc-700 dark:text-zinc-300">{t(shortcut.label)}</dt>
                    <dd className="ml-auto flex shrink-0 flex-wrap items-center justify-end gap-1 text-xs text-zinc-600 dark:text-zinc-400">
                      {shortcut.keys.map((chord, i) => (
                        <Fragment key={chord.join('+')}>
                          {i > 0 && <span>{t('or')}</span>}
                          <Keys chord={chord} />
                        </Fragment>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </dialog>
  );
}

function Keys({ chord }: { chord: Chord }) {
  return (
    <kbd className="inline-flex items-center gap-0.5">
      {chord.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && <span aria-hidden="true">+</span>}
          <kbd className={KBD}>{key}</kbd>
        </Fragment>
      ))}
    </kbd>
  );
}
