import { useId } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ModelError } from '../../core/protocols/types';
import { RefreshIcon } from './icons';
import { BUTTON, ERROR_TEXT, HELP, INPUT, LABEL } from './field-styles';
import { useLocale, useT } from '../../i18n';
import { explainModelError } from '../../ui/model-error/explain';
import { messages } from './messages';

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
  const t = useT(messages);
  const locale = useLocale((s) => s.locale);
  const inputId = useId();
  const listId = useId();
  const statusId = useId();
  const list = models.data ?? [];
  const loading = canLoad && models.isFetching;
  const error = canLoad && !loading && models.isError ? models.error : null;
  const explanation = error instanceof ModelError ? explainModelError(error, locale) : null;

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className={LABEL}>
        {t('model')}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          type="text"
          list={listId}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={placeholder ?? t('modelName')}
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
          title={t('refreshModels')}
        >
          <RefreshIcon />
          <span className="sr-only sm:not-sr-only">{t('refreshModels')}</span>
        </button>
      </div>
      <datalist id={listId}>
        {list.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <div id={statusId} aria-live="polite" className="min-h-4">
        {!canLoad ? (
          <p className={HELP}>{t('modelsNeedURL')}</p>
        ) : loading ? (
          <p className={HELP}>{t('loadingModels')}</p>
        ) : error ? (
          <p className={`${ERROR_TEXT} break-words`}>
            {explanation && `${explanation} `}
            {error.message}
            {!(error instanceof ModelError && error.kind === 'not_found') && (
              <span className="text-zinc-600 dark:text-zinc-400"> {t('typeByHand')}</span>
            )}
          </p>
        ) : models.isSuccess ? (
          <p className={HELP}>
            {list.length === 0 ? t('noModelsListed') : t(list.length === 1 ? 'modelsAvailableOne' : 'modelsAvailable', { count: list.length })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
