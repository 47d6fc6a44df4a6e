import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ProtocolId } from '../../core/protocols/protocol-id';
import { listModels } from '../../core/providers/list-models';
import { ModelError } from '../../core/protocols/types';
import { BUTTON } from './field-styles';
import { useLocale, useT } from '../../i18n';
import { explainModelError } from '../../ui/model-error/explain';
import { messages } from './messages';
import { modelsQueryKey, usableBaseURL } from './use-model-list';

type TestState = { kind: 'idle' } | { kind: 'testing' } | { kind: 'ok'; count: number } | { kind: 'error'; error: ModelError | null };

/** "Test connection": one listModels call with the current settings, its outcome in a status line. */
export function ConnectionTest({ baseURL, apiKey, protocol }: { baseURL: string; apiKey: string; protocol: ProtocolId }) {
  const t = useT(messages);
  const locale = useLocale((s) => s.locale);
  const queryClient = useQueryClient();
  const [state, setState] = useState<TestState>({ kind: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);

  // An outcome describes the settings it ran with; once they change it would mislead.
  useEffect(() => {
    setState({ kind: 'idle' });
    return () => controllerRef.current?.abort();
  }, [baseURL, apiKey, protocol]);

  const run = async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setState({ kind: 'testing' });
    try {
      const models = await listModels(baseURL, apiKey, controller.signal, protocol);
      if (controller.signal.aborted) return;
      // The list is fresh, so the model picker can use it without asking again.
      queryClient.setQueryData(modelsQueryKey(usableBaseURL(baseURL), apiKey, protocol), models);
      setState({ kind: 'ok', count: models.length });
    } catch (e) {
      if (controller.signal.aborted) return;
      setState({ kind: 'error', error: e instanceof ModelError ? e : null });
    }
  };

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <button type="button" className={BUTTON} onClick={run}>
        {t('testConnection')}
      </button>
      <p
        role="status"
        className={`min-w-0 text-sm break-words ${
          state.kind === 'ok'
            ? 'text-emerald-700 dark:text-emerald-300'
            : state.kind === 'error'
              ? 'text-red-700 dark:text-red-300'
              : 'text-zinc-600 dark:text-zinc-400'
        }`}
      >
        {state.kind === 'testing' && t('testing')}
        {state.kind === 'ok' && t(state.count === 1 ? 'connectedOne' : 'connected', { count: state.count })}
        {state.kind === 'error' && (state.error ? errorText(state.error, explainModelError(state.error, locale)) : t('testFailed'))}
      </p>
    </div>
  );
}

// In a translated interface the explanation leads and the server's own English words follow.
function errorText(error: ModelError, explanation: string | null): string {
  return explanation ? `${explanation} ${error.message}` : error.message;
}
