import { createDemoModel } from '../protocols/demo-model';
import type { ProtocolClientConfig } from '../protocols';
import { withToolFallback, wrapPrompted, type ToolSupportMemory } from '../protocols/prompted';
import { withRetry } from '../protocols/retry-policy';
import type { ModelClient } from '../protocols/types';
import { isDemo, type ProviderConfig } from './provider-config';

/** A provider config, with the protocol options a caller may tune (token limit, reasoning echo, idle timeout). */
export type ModelClientConfig = ProviderConfig & Partial<Pick<ProtocolClientConfig, 'maxTokens' | 'sendReasoning' | 'idleTimeoutMs'>>;

/**
 * The model client for a provider config: the offline demo, or the configured protocol with its
 * tool mode (native, prompted, or auto = native with a remembered fallback to prompted), behind our
 * retry policy (rate limits, 5xx and failed connections before the first token).
 */
export function createModelClient(config: ModelClientConfig, memory?: ToolSupportMemory): ModelClient {
  if (isDemo(config)) return createDemoModel();
  return withRetry(createEndpointClient(config, memory));
}

function createEndpointClient(config: ModelClientConfig, memory?: ToolSupportMemory): ModelClient {
  // The protocols' one factory: every option it knows reaches the client, whichever protocol.
  const { protocol, baseURL, apiKey, model, streaming, maxTokens, sendReasoning, idleTimeoutMs } = config;
  const native = lazyProtocolClient({ protocol, baseURL, apiKey, model, streaming, maxTokens, sendReasoning, idleTimeoutMs });
  switch (config.toolMode) {
    case 'native':
      return native;
    case 'prompted':
      return wrapPrompted(native);
    default:
      return withToolFallback(native, wrapPrompted(native), { key: `${config.protocol} ${config.baseURL} ${config.model}`, memory });
  }
}

/**
 * The protocol client, its decoders loaded with the first request: they are not needed to show the
 * page (the demo needs none), so they stay out of the initial bundle.
 */
function lazyProtocolClient(config: ProtocolClientConfig): ModelClient {
  let client: Promise<ModelClient> | null = null;
  return {
    label: config.model,
    async *stream(request) {
      client ??= import('../protocols').then((m) => m.createProtocolClient(config));
      yield* (await client).stream(request);
    },
  };
}
