import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ProtocolId } from '../../core/protocols/protocol-id';
import { listModels } from '../../core/providers/list-models';
import { ModelError } from '../../core/protocols/types';
import { BUTTON } from './field-styles';
import { modelsQueryKey, usableBaseURL } from './use-model-list';

type TestState = { kind: 'idle' } | { kind: 'testing' } | { kind: 'ok'; count: number } | { kind: 'error'; message: string };

/** "Test connection": one listModels call with the current settings, its outcome in a status line. */
export function ConnectionTest({ baseURL, apiKey, protocol }: { baseURL: string; apiKey: string; protocol: ProtocolId }) {
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
      setState({ kind: 'error', message: e instanceof ModelError ? e.message : 'The connection test failed unexpectedly.' });
    }
  };

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <button type="button" className={BUTTON} onClick={run}>
        Test connection
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
        {state.kind === 'testing' && 'Testing…'}
        {state.kind === 'ok' && `Connected — ${state.count} ${state.count === 1 ? 'model' : 'models'} available`}
        {state.kind === 'error' && state.message}
      </p>
    </div>
  );
}
