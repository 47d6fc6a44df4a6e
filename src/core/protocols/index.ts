import type { ModelClient } from './types';
import type { ProtocolId } from './protocol-id';
import { createOpenAIChatClient } from './openai-chat';
import { createAnthropicClient } from './anthropic-messages';
import { createOpenAIResponsesClient } from './openai-responses';

export type { ProtocolId } from './protocol-id';
export { PROTOCOL_IDS, isProtocolId } from './protocol-id';
export { createOpenAIChatClient, type OpenAIChatOptions } from './openai-chat';
export { createAnthropicClient, type AnthropicOptions } from './anthropic-messages';
export { createOpenAIResponsesClient, type OpenAIResponsesOptions } from './openai-responses';
export { replayCapture, replayChunks, ReplayInputError, type ReplayResult, type ReplayToolCall } from './replay';
export { StreamError, type StreamErrorDetail } from './stream-error';

/** Everything needed to build a client for one endpoint, whatever protocol it speaks. */
export interface ProtocolClientConfig {
  protocol: ProtocolId;
  /** OpenAI: up to and including `/v1`. Anthropic: without `/v1` (https://api.anthropic.com). */
  baseURL: string;
  apiKey: string;
  model: string;
  streaming: boolean;
  /** Anthropic only: the required `max_tokens` (default 4096). */
  maxTokens?: number;
  /** OpenAI only: echo reasoning as `reasoning_content` (default 'auto', see OpenAIChatOptions). */
  sendReasoning?: boolean | 'auto';
  idleTimeoutMs?: number;
}

/** The client for a provider's protocol: the one place the app chooses between wire formats. */
export function createProtocolClient(config: ProtocolClientConfig): ModelClient {
  const { protocol, baseURL, apiKey, model, streaming, idleTimeoutMs } = config;
  switch (protocol) {
    case 'anthropic-messages':
      return createAnthropicClient({ baseURL, apiKey, model, streaming, idleTimeoutMs, maxTokens: config.maxTokens });
    case 'openai-chat':
      return createOpenAIChatClient({ baseURL, apiKey, model, streaming, idleTimeoutMs, sendReasoning: config.sendReasoning });
    case 'openai-responses':
      return createOpenAIResponsesClient({ baseURL, apiKey, model, streaming, idleTimeoutMs });
  }
}
