import { createProtocolClient } from '../protocols';
import { withToolFallback, wrapPrompted, type ToolSupportMemory } from '../protocols/prompted';
import type { ModelClient } from '../protocols/types';
import type { ModelClientConfig } from './model-client';

/**
 * A real endpoint's client: the configured protocol with its tool mode (native, prompted, or
 * auto = native with a remembered fallback to prompted). Loaded with the first request (see
 * model-client.ts), so the decoders and the prompted-mode parser stay out of the page's first script.
 */
export function createEndpointClient(config: ModelClientConfig, memory?: ToolSupportMemory): ModelClient {
  // The protocols' one factory: every option it knows reaches the client, whichever protocol.
  const { protocol, baseURL, apiKey, model, streaming, maxTokens, sendReasoning, idleTimeoutMs } = config;
  const native = createProtocolClient({ protocol, baseURL, apiKey, model, streaming, maxTokens, sendReasoning, idleTimeoutMs });
  switch (config.toolMode) {
    case 'native':
      return native;
    case 'prompted':
      return wrapPrompted(native);
    default:
      return withToolFallback(native, wrapPrompted(native), { key: `${config.protocol} ${config.baseURL} ${config.model}`, memory });
  }
}
