import { describe, expect, it } from 'vitest';
import { CUSTOM_PRESET_ID, PRESETS, getPreset } from './presets';
import { normalizeBaseURL } from './provider-config';

describe('presets', () => {
  it('has unique ids and the documented endpoints', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'demo', 'openai', 'anthropic', 'openrouter', 'deepseek', 'groq', 'mistral', 'ollama', 'lmstudio', 'llamacpp', 'vllm', 'custom',
    ]);
    expect(getPreset('openai')).toMatchObject({ baseURL: 'https://api.openai.com/v1', needsKey: true, defaultModel: 'gpt-4o-mini' });
    expect(getPreset('deepseek').defaultModel).toBe('deepseek-chat');
    expect(getPreset('groq').baseURL).toBe('https://api.groq.com/openai/v1');
    expect(getPreset('ollama')).toMatchObject({ baseURL: 'http://localhost:11434/v1', needsKey: false });
    expect(getPreset('demo')).toMatchObject({ label: 'Demo (offline)', baseURL: '', needsKey: false });
    expect(getPreset('custom').baseURL).toBe('');
    expect(getPreset('anthropic')).toMatchObject({ baseURL: 'https://api.anthropic.com', protocol: 'anthropic-messages', needsKey: true });
    expect(getPreset('anthropic').note).toMatch(/directly from your browser/);
  });

  it('speaks OpenAI chat completions everywhere except Anthropic and OpenAI (Responses by default)', () => {
    expect(PRESETS.filter((p) => p.protocol !== 'openai-chat').map((p) => [p.id, p.protocol])).toEqual([
      ['openai', 'openai-responses'],
      ['anthropic', 'anthropic-messages'],
    ]);
    expect(PRESETS.find((p) => p.id === 'openai')?.otherProtocols).toEqual(['openai-chat']);
  });

  it('keeps every non-empty base URL already normalized', () => {
    for (const p of PRESETS.filter((x) => x.baseURL)) expect(normalizeBaseURL(p.baseURL)).toBe(p.baseURL);
  });

  it('falls back to custom for unknown ids', () => {
    expect(getPreset('gone-provider').id).toBe(CUSTOM_PRESET_ID);
  });
});
