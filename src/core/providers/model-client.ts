import { createProtocolClient } from '../protocols';
import { createDemoModel } from '../protocols/demo-model';
import { withToolFallback, wrapPrompted, type ToolSupportMemory } from '../protocols/prompted';
import { withRetry } from '../protocols/retry-policy';
import type { ModelClient } from '../protocols/types';
import { isDemo, type ProviderConfig } from './provider-config';

/**
 * The model client for a provider config: the offline demo, or the configured protocol with its
 * tool mode (native, prompted, or auto = native with a remembered fallback to prompted), behind our
 * retry policy (rate limits, 5xx and failed connections before the first token).
 */
export function createModelClient(config: ProviderConfig, memory?: ToolSupportMemory): ModelClient {
  if (isDemo(config)) return createDemoModel();
  return withRetry(createEndpointClient(config, memory));
}

function createEndpointClient(config: ProviderConfig, memory?: ToolSupportMemory): ModelClient {
  const native = createProtocolClient({ protocol: config.protocol, baseURL: config.baseURL, apiKey: config.apiKey, model: config.model, streaming: config.streaming });
  switch (config.toolMode) {
    case 'native':
      return native;
    case 'prompted':
      return wrapPrompted(native);
    default:
      return withToolFallback(native, wrapPrompted(native), { key: `${config.protocol} ${config.baseURL} ${config.model}`, memory });
  }
}
