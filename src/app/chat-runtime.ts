import { ChatController } from '../core/run/chat-controller';
import type { ModelClient } from '../core/protocols/types';
import { createModelClient } from '../core/providers/model-client';
import type { ProviderConfig } from '../core/providers/provider-config';
import { createDynamicToolRegistry } from '../core/tools/registry';
import { createBuiltinTools } from '../tools';
import { bindChatStore } from '../store/chat-store';
import { getSettings } from '../store/settings-store';
import { getPermissionRules, usePermissions } from '../store/permissions-store';
import { createRunRecorder } from '../core/inspector';

/** The model for the current settings; read at the start of every round, so a settings change applies to the next one. */
export function modelFor(config: ProviderConfig): ModelClient {
  return createModelClient(config);
}

/** Built-ins plus the tools of connected MCP servers (src/app/mcp-runtime.ts); `subscribe` to follow changes. */
export const tools = createDynamicToolRegistry(createBuiltinTools());

/** What every run did, for the inspector; the API key is scrubbed from everything it keeps. */
export const inspector = createRunRecorder({ secrets: () => [getSettings().apiKey] });

export const controller = new ChatController({
  model: () => modelFor(getSettings()),
  tools,
  contextTokens: () => getSettings().contextTokens,
  permissions: getPermissionRules,
  observer: inspector.observer,
});

// A rule changed (here, on the Permissions page or in another tab): calls waiting for approval are
// decided again, so "Always allow" also lets the other waiting calls of that tool run.
usePermissions.subscribe((state, previous) => {
  if (state.rules !== previous.rules) controller.applyPermissions();
});

export const chatStore = bindChatStore(controller);
