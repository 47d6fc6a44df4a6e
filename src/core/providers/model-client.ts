import { createDemoModel } from '../protocols/demo-model';
import type { ProtocolClientConfig } from '../protocols';
import type { ToolSupportMemory } from '../protocols/prompted';
import { withRetry } from '../protocols/retry-policy';
import type { ModelClient } from '../protocols/types';
import { isDemo, type ProviderConfig } from './provider-config';

/** A provider config, with the protocol options a caller may tune (token limit, reasoning echo, idle timeout). */
export type ModelClientConfig = ProviderConfig & Partial<Pick<ProtocolClientConfig, 'maxTokens' | 'sendReasoning' | 'idleTimeoutMs'>>;

/**
 * The model client for a provider config: the offline demo, or the configured protocol with its
 * tool mode (endpoint-client.ts), behind our retry policy (rate limits, 5xx and failed connections
 * before the first token).
 */
export function createModelClient(config: ModelClientConfig, memory?: ToolSupportMemory): ModelClient {
  if (isDemo(config)) return createDemoModel();
  return withRetry(lazyClient(config.model, () => import('./endpoint-client').then((m) => m.createEndpointClient(config, memory))));
}

/**
 * A client built with its first request: the protocols' decoders and the prompted-mode parser are
 * not needed to show the page (the demo needs none), so they stay out of the initial bundle.
 */
function lazyClient(label: string, load: () => Promise<ModelClient>): ModelClient {
  let client: Promise<ModelClient> | null = null;
  return {
    label,
    async *stream(request) {
      client ??= load();
      yield* (await client).stream(request);
    },
  };
}
