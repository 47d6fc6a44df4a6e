import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ProtocolId } from '../../core/protocols/protocol-id';
import { keyFingerprint } from '../../core/providers/key-fingerprint';
import { listModels } from '../../core/providers/list-models';
import { isDemo, normalizeBaseURL, type ProviderConfig } from '../../core/providers/provider-config';
import { useDebouncedValue } from './use-debounced-value';

// Typing a URL or key fires no request per keystroke.
const SETTLE_MS = 400;

/** Query key for a server's model list; the key appears only as a fingerprint, never raw. */
export function modelsQueryKey(baseURL: string, apiKey: string, protocol: ProtocolId = 'openai-chat') {
  return ['models', protocol, baseURL, keyFingerprint(apiKey.trim())] as const;
}

/** The usable form of a base URL, or '' while it is empty or invalid. */
export function usableBaseURL(url: string): string {
  try {
    return normalizeBaseURL(url);
  } catch {
    return '';
  }
}

/** The server's model list for the current settings, loaded through react-query. */
export function useModelList(config: ProviderConfig) {
  const demo = isDemo(config);
  const current = usableBaseURL(config.baseURL);
  // URL and key settle together: settling apart could pair a new host with the old key for a render.
  const live = useMemo(() => ({ baseURL: current, apiKey: config.apiKey, protocol: config.protocol }), [current, config.apiKey, config.protocol]);
  const { baseURL, apiKey, protocol } = useDebouncedValue(live, SETTLE_MS);
  return useQuery({
    queryKey: modelsQueryKey(baseURL, apiKey, protocol),
    queryFn: ({ signal }) => listModels(baseURL, apiKey, signal, protocol),
    enabled: !demo && !!baseURL,
    retry: false,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}
