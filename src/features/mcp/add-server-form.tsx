import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { NewMcpServer } from '../../core/mcp/mcp-manager';
import { serverUrlProblem } from '../../core/mcp/server-url';
import { serverPrefix, uniquePrefix } from '../../core/mcp/tool-names';
import { useT } from '../../i18n';
import { BUTTON, ERROR_TEXT, HELP, INPUT, LABEL, PRIMARY_BUTTON } from '../settings/field-styles';
import { SecretInput } from '../settings/secret-input';
import { ToggleRow } from '../settings/toggle-row';
import { messages } from './messages';
import { urlProblemText } from './problem-text';

export interface AddServerFormProps {
  /** Prefixes other servers use, so the preview of tool names is the one the server will get. */
  takenPrefixes: readonly string[];
  onAdd(server: NewMcpServer): void;
  onCancel(): void;
}

/** Name, address and optional bearer token of a new server; the address is checked before anything is sent. */
export function AddServerForm({ takenPrefixes, onAdd, onCancel }: AddServerFormProps) {
  const t = useT(messages);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [rememberToken, setRememberToken] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), name: useId(), nameHelp: useId(), url: useId(), urlHelp: useId(), token: useId(), tokenHelp: useId() };

  useEffect(() => nameRef.current?.focus(), []);

  const pageOrigin = typeof location === 'undefined' ? undefined : location.origin;
  const problem = serverUrlProblem(url, pageOrigin);
  // An empty field is only an error once the user tried to submit; a wrong address shows as typed.
  const shownProblem = problem === 'empty' && !submitted ? null : problem;
  const prefix = uniquePrefix(serverPrefix(name.trim() || hostOf(url) || ''), takenPrefixes);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (problem) {
      urlRef.current?.focus();
      return;
    }
    onAdd({ name, url, token, rememberToken });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={ids.title}
      // Esc leaves the form, not the whole settings dialog.
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onCancel();
        }
      }}
      className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-zinc-50 p-3 sm:p-4 dark:border-zinc-800 dark:bg-zinc-950/40"
    >
      <h4 id={ids.title} className="text-sm font-semibold">
        {t('formTitle')}
      </h4>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.name} className={LABEL}>
          {t('nameLabel')}
        </label>
        <input
          id={ids.name}
          ref={nameRef}
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={ids.nameHelp}
          className={INPUT}
        />
        <p id={ids.nameHelp} className={`${HELP} break-words`}>
          {t('nameHelp', { prefix })}
        </p>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.url} className={LABEL}>
          {t('urlLabel')}
        </label>
        <input
          id={ids.url}
          ref={urlRef}
          type="url"
          inputMode="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder={t('urlPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={shownProblem ? true : undefined}
          aria-describedby={ids.urlHelp}
          className={`${INPUT} font-mono`}
        />
        <p id={ids.urlHelp} className={shownProblem ? ERROR_TEXT : HELP}>
          {shownProblem ? urlProblemText(t, shownProblem) : t('urlHelp')}
        </p>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.token} className={LABEL}>
          {t('tokenLabel')}
        </label>
        <SecretInput
          id={ids.token}
          value={token}
          onChange={setToken}
          describedBy={ids.tokenHelp}
          showLabel={t('showToken')}
          hideLabel={t('hideToken')}
        />
        <p id={ids.tokenHelp} className={HELP}>
          {t('tokenHelp')}
        </p>
      </div>
      <ToggleRow label={t('rememberLabel')} description={t('rememberHelp')} checked={rememberToken} onChange={setRememberToken} />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={BUTTON} onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className={PRIMARY_BUTTON}>
          {t('connect')}
        </button>
      </div>
    </form>
  );
}

function hostOf(url: string): string | null {
  try {
    return new URL(url.trim()).host;
  } catch {
    return null;
  }
}
