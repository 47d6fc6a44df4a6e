/** A starting point for the provider settings: where the server lives and what it usually needs. */
export interface ProviderPreset {
  id: string;
  label: string;
  /** OpenAI-compatible base URL (ends before `/chat/completions`); empty for demo and custom. */
  baseURL: string;
  needsKey: boolean;
  defaultModel?: string;
  /** One line shown under the provider picker. */
  note?: string;
}

export const DEMO_PRESET_ID = 'demo';
export const CUSTOM_PRESET_ID = 'custom';

export const PRESETS: readonly ProviderPreset[] = [
  {
    id: DEMO_PRESET_ID,
    label: 'Demo (offline)',
    baseURL: '',
    needsKey: false,
    note: 'A scripted model built into the page: no server, no key, nothing leaves your browser.',
  },
  { id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', needsKey: true, defaultModel: 'gpt-4o-mini' },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    needsKey: true,
    note: 'Model names look like vendor/model, for example openai/gpt-4o-mini.',
  },
  { id: 'deepseek', label: 'DeepSeek', baseURL: 'https://api.deepseek.com/v1', needsKey: true, defaultModel: 'deepseek-chat' },
  { id: 'groq', label: 'Groq', baseURL: 'https://api.groq.com/openai/v1', needsKey: true },
  { id: 'mistral', label: 'Mistral', baseURL: 'https://api.mistral.ai/v1', needsKey: true },
  {
    id: 'ollama',
    label: 'Ollama (local)',
    baseURL: 'http://localhost:11434/v1',
    needsKey: false,
    note: 'Start Ollama with OLLAMA_ORIGINS set to this page’s origin (or *) so the browser may call it.',
  },
  {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    baseURL: 'http://localhost:1234/v1',
    needsKey: false,
    note: 'Start the local server in LM Studio and turn on CORS in its server settings.',
  },
  {
    id: 'llamacpp',
    label: 'llama.cpp server (local)',
    baseURL: 'http://localhost:8080/v1',
    needsKey: false,
    note: 'llama-server answers with the model it was started with.',
  },
  {
    id: 'vllm',
    label: 'vLLM (local)',
    baseURL: 'http://localhost:8000/v1',
    needsKey: false,
    note: 'The model name is the one passed to vllm serve.',
  },
  {
    id: CUSTOM_PRESET_ID,
    label: 'Custom (OpenAI-compatible)',
    baseURL: '',
    needsKey: false,
    note: 'Any OpenAI-compatible server: enter its base URL, which usually ends in /v1.',
  },
];

/** Finds a preset by id; unknown ids fall back to the custom preset so old settings still load. */
export function getPreset(id: string): ProviderPreset {
  return PRESETS.find((p) => p.id === id) ?? PRESETS.find((p) => p.id === CUSTOM_PRESET_ID)!;
}
