import { useState } from 'react';
import type { StoreApi } from 'zustand';
import { useT } from '../../i18n';
import { MAX_RUNS_CHOICES, useRunPreferences, type RunPreferencesState } from '../../store/run-preferences';
import { ERROR_TEXT, LABEL } from './field-styles';
import { messages } from './messages';
import { SelectField } from './select-field';
import { ToggleRow } from './toggle-row';

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

const permissionNow = (): Permission => (typeof Notification === 'function' ? Notification.permission : 'unsupported');

/** How many conversations run at once, and the optional notification while the tab is hidden. */
export function RunsSection({ store }: { store: StoreApi<RunPreferencesState> }) {
  const t = useT(messages);
  const maxRuns = useRunPreferences(store, (s) => s.maxRuns);
  const notify = useRunPreferences(store, (s) => s.notify);
  const update = useRunPreferences(store, (s) => s.update);
  const [permission, setPermission] = useState<Permission>(permissionNow);
  // What the browser said is shown once the user asked; a block from earlier is not news until then.
  const [asked, setAsked] = useState(false);

  // The browser is asked only here, when the user turns notifications on: never on page load.
  const setNotify = async (on: boolean) => {
    if (!on) return update({ notify: false });
    setAsked(true);
    if (permissionNow() === 'unsupported') return setPermission('unsupported');
    const answer = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    setPermission(answer);
    update({ notify: answer === 'granted' });
  };

  return (
    <section className="flex flex-col gap-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <h3 className={LABEL}>{t('runsHeading')}</h3>
      <SelectField
        label={t('maxRuns')}
        value={String(maxRuns)}
        options={MAX_RUNS_CHOICES.map((n) => ({ value: String(n), label: String(n) }))}
        onChange={(value) => update({ maxRuns: Number(value) })}
        help={t('maxRunsHelp')}
      />
      <ToggleRow label={t('notify')} description={t('notifyHelp')} checked={notify && permission === 'granted'} onChange={(on) => void setNotify(on)} />
      {asked && permission === 'denied' && (
        <p role="alert" className={ERROR_TEXT}>
          {t('notifyBlocked')}
        </p>
      )}
      {asked && permission === 'unsupported' && <p className={ERROR_TEXT}>{t('notifyUnsupported')}</p>}
    </section>
  );
}
