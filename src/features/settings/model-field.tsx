import { useId } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ModelError } from '../../core/protocols/types';
import { RefreshIcon } from './icons';
import { BUTTON, ERROR_TEXT, HELP, INPUT, LABEL } from './field-styles';

export interface ModelFieldProps {
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  models: UseQueryResult<string[], Error>;
  /** False while the base URL is missing or invalid: there is nothing to ask. */
  canLoad: boolean;
}

/** Free-text model name with the server's list as suggestions; typing by hand always works. */
export function ModelField({ value, onChange, placeholder, models, canLoad }: ModelFieldProps) {
  const inputId = useId();
  const listId = useId();
  const statusId = useId();
  const list = models.data ?? [];
  const loading = canLoad && models.isFetching;
  const error = canLoad && !loading && models.isError ? models.error : null;

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className={LABEL}>
        Model
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          type="text"
          list={listId}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={placeholder ?? 'Model name'}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-describedby={statusId}
          className={`${INPUT} font-mono`}
        />
        <button
          type="button"
          className={BUTTON}
          onClick={() => void models.refetch()}
          disabled={!canLoad}
          title="Refresh models"
        >
          <RefreshIcon />
          <span className="sr-only sm:not-sr-only">Refresh models</span>
        </button>
      </div>
      <datalist id={listId}>
        {list.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <div id={statusId} aria-live="polite" className="min-h-4">
        {!canLoad ? (
          <p className={HELP}>Enter a base URL to load the server’s models, or type a model name.</p>
        ) : loading ? (
          <p className={HELP}>Loading models…</p>
        ) : error ? (
          <p className={`${ERROR_TEXT} break-words`}>
            {error.message}
            {!(error instanceof ModelError && error.kind === 'not_found') && (
              <span className="text-zinc-600 dark:text-zinc-400"> You can still type the model name by hand.</span>
            )}
          </p>
        ) : models.isSuccess ? (
          <p className={HELP}>
            {list.length === 0
              ? 'The server lists no models; type the model name by hand.'
              : `${list.length} ${list.length === 1 ? 'model' : 'models'} available: pick one or type a name.`}
          </p>
        ) : null}
      </div>
    </div>
  );
}
