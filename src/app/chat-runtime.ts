import { ChatController } from '../core/run/chat-controller';
import type { ModelClient } from '../core/protocols/types';
import { createModelClient } from '../core/providers/model-client';
import type { ProviderConfig } from '../core/providers/provider-config';
import { createDynamicToolRegistry } from '../core/tools/registry';
import { createBuiltinTools } from '../tools';
import { getSettings } from '../store/settings-store';
import { getPermissionRules } from '../store/permissions-store';
import { createRunRecorder } from '../core/inspector';
import { createRunPreferences } from '../store/run-preferences';

/** The model for the current settings; read at the start of every round, so a settings change applies to the next one. */
export function modelFor(config: ProviderConfig): ModelClient {
  return createModelClient(config);
}

/** Built-ins plus the tools of connected MCP servers (src/app/mcp-runtime.ts); `subscribe` to follow changes. */
export const tools = createDynamicToolRegistry(createBuiltinTools());

/** What every run did, for the inspector; the API key is scrubbed from everything it keeps. */
export const inspector = createRunRecorder({ secrets: () => [getSettings().apiKey] });

/** How many conversations run at once, and whether a hidden tab notifies (Settings). */
export const runPreferences = createRunPreferences(typeof localStorage === 'undefined' ? null : safeLocalStorage());

function safeLocalStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null; // blocked storage: the defaults apply for this page
  }
}

/** A controller for one conversation; the session's run registry makes one per open conversation. */
export function createController(): ChatController {
  return new ChatController({
    model: () => modelFor(getSettings()),
    tools,
    contextTokens: () => getSettings().contextTokens,
    permissions: getPermissionRules,
    observer: inspector.observer,
  });
}
