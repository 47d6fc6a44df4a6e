import { ChatController } from '../core/run/chat-controller';
import type { ModelClient } from '../core/protocols/types';
import { createModelClient } from '../core/providers/model-client';
import type { ProviderConfig } from '../core/providers/provider-config';
import { createToolRegistry } from '../core/tools/registry';
import { createBuiltinTools } from '../tools';
import { bindChatStore } from '../store/chat-store';
import { getSettings } from '../store/settings-store';

/** The model for the current settings; read at the start of every round, so a settings change applies to the next one. */
export function modelFor(config: ProviderConfig): ModelClient {
  return createModelClient(config);
}

export const tools = createToolRegistry(createBuiltinTools());

export const controller = new ChatController({
  model: () => modelFor(getSettings()),
  tools,
  contextTokens: () => getSettings().contextTokens,
});

export const chatStore = bindChatStore(controller);
