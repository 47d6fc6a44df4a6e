import type { ProtocolId } from '../protocols/protocol-id';

/** A starting point for the provider settings: where the server lives and what it usually needs. */
export interface ProviderPreset {
  id: string;
  label: string;
  /** The wire format the server speaks (the default when it speaks several). */
  protocol: ProtocolId;
  /** Other wire formats the same server speaks, offered as a choice in Settings. */
  otherProtocols?: readonly ProtocolId[];
  /**
   * Base URL: for OpenAI-compatible servers it ends before `/chat/completions` (usually in /v1); for
   * Anthropic it is the host, before `/v1/messages`. Empty for demo and custom.
   */
  baseURL: string;
  needsKey: boolean;
  defaultModel?: string;
  /** One line shown under the provider picker. */
  note?: string;
  /** Context window assumed for the preset's usual models (editable in settings). */
  contextTokens?: number;
}

/** Hosted models mostly take 128k; local servers are often started with far less. */
export const DEFAULT_CONTEXT_TOKENS = 128_000;
export const LOCAL_CONTEXT_TOKENS = 8_192;

/** The context size to assume for a preset. */
export function presetContextTokens(preset: ProviderPreset): number {
  if (preset.contextTokens) return preset.contextTokens;
  return /\/\/(localhost|127\.0\.0\.1)[:/]/.test(preset.baseURL) ? LOCAL_CONTEXT_TOKENS : DEFAULT_CONTEXT_TOKENS;
}

export const DEMO_PRESET_ID = 'demo';
export const CUSTOM_PRESET_ID = 'custom';

export const PRESETS: readonly ProviderPreset[] = [
  {
    id: DEMO_PRESET_ID,
    label: 'Demo (offline)',
    protocol: 'openai-chat',
    baseURL: '',
    needsKey: false,
    note: 'A scripted model built into the page: no server, no key, nothing leaves your browser.',
  },
  {
    id: 'openai',
    label: 'OpenAI',
    // OpenAI points new work and its reasoning models at the Responses API; chat completions stay an option.
    protocol: 'openai-responses',
    otherProtocols: ['openai-chat'],
    baseURL: 'https://api.openai.com/v1',
    needsKey: true,
    defaultModel: 'gpt-4o-mini',
  },
  {
    id: 'anthropic',
    label: 'Anthropic',
    protocol: 'anthropic-messages',
    baseURL: 'https://api.anthropic.com',
    needsKey: true,
    defaultModel: 'claude-sonnet-4-5',
    contextTokens: 200_000,
    note: 'Talks to the Messages API directly from your browser; the key goes to Anthropic and nowhere else.',
  },
  {
    id: 'openrouter',
    protocol: 'openai-chat',
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    needsKey: true,
    note: 'Model names look like vendor/model, for example openai/gpt-4o-mini.',
  },
  { id: 'deepseek', label: 'DeepSeek', protocol: 'openai-chat', baseURL: 'https://api.deepseek.com/v1', needsKey: true, defaultModel: 'deepseek-chat' },
  { id: 'groq', label: 'Groq', protocol: 'openai-chat', baseURL: 'https://api.groq.com/openai/v1', needsKey: true },
  { id: 'mistral', label: 'Mistral', protocol: 'openai-chat', baseURL: 'https://api.mistral.ai/v1', needsKey: true },
  {
    id: 'ollama',
    protocol: 'openai-chat',
    label: 'Ollama (local)',
    baseURL: 'http://localhost:11434/v1',
    needsKey: false,
    note: 'Start Ollama with OLLAMA_ORIGINS set to this page’s origin (or *) so the browser may call it.',
  },
  {
    id: 'lmstudio',
    protocol: 'openai-chat',
    label: 'LM Studio (local)',
    baseURL: 'http://localhost:1234/v1',
    needsKey: false,
    note: 'Start the local server in LM Studio and turn on CORS in its server settings.',
  },
  {
    id: 'llamacpp',
    protocol: 'openai-chat',
    label: 'llama.cpp server (local)',
    baseURL: 'http://localhost:8080/v1',
    needsKey: false,
    note: 'llama-server answers with the model it was started with.',
  },
  {
    id: 'vllm',
    protocol: 'openai-chat',
    label: 'vLLM (local)',
    baseURL: 'http://localhost:8000/v1',
    needsKey: false,
    note: 'The model name is the one passed to vllm serve.',
  },
  {
    id: CUSTOM_PRESET_ID,
    label: 'Custom',
    protocol: 'openai-chat',
    baseURL: '',
    needsKey: false,
    otherProtocols: ['openai-responses', 'anthropic-messages'],
    note: 'Any server that speaks OpenAI chat completions, the OpenAI Responses API or Anthropic Messages: pick its protocol and enter its base URL.',
  },
];

/** Finds a preset by id; unknown ids fall back to the custom preset so old settings still load. */
export function getPreset(id: string): ProviderPreset {
  return PRESETS.find((p) => p.id === id) ?? PRESETS.find((p) => p.id === CUSTOM_PRESET_ID)!;
}
