import { beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from './settings-store';
import { API_KEY_STORAGE_KEY, SETTINGS_STORAGE_KEY, type SettingsStorages } from './settings-persistence';

const KEY = 'sk-live-abc123';
let storages: SettingsStorages;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  storages = { local: localStorage, session: sessionStorage };
});

function savedSettings(): Record<string, unknown> {
  return JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY) ?? 'null');
}

describe('settings store', () => {
  it('starts from the demo defaults when nothing is stored', () => {
    const store = createSettingsStore(storages);
    expect(store.getState().config).toEqual({
      presetId: 'demo', protocol: 'openai-chat', baseURL: '', apiKey: '', model: '', streaming: true, toolMode: 'auto', rememberKey: false,
      contextTokens: 128_000,
    });
  });

  it('keeps the key in sessionStorage by default and never in the settings blob', () => {
    const store = createSettingsStore(storages);
    store.getState().applyPreset('openai');
    store.getState().update({ apiKey: KEY });
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBe(KEY);
    expect(localStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
    expect(localStorage.getItem(SETTINGS_STORAGE_KEY)).not.toContain(KEY);
    expect(savedSettings()).toEqual({
      presetId: 'openai', protocol: 'openai-responses', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', streaming: true, toolMode: 'auto', rememberKey: false,
      contextTokens: 128_000,
    });
  });

  it('moves the key to localStorage when remembered, and back when not', () => {
    const store = createSettingsStore(storages);
    store.getState().update({ presetId: 'custom', baseURL: 'http://localhost:8000/v1', apiKey: KEY });
    store.getState().update({ rememberKey: true });
    expect(localStorage.getItem(API_KEY_STORAGE_KEY)).toBe(KEY);
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
    store.getState().update({ rememberKey: false });
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBe(KEY);
    expect(localStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
  });

  it('removes the key from storage when it is cleared', () => {
    const store = createSettingsStore(storages);
    store.getState().update({ apiKey: KEY, rememberKey: true });
    store.getState().update({ apiKey: '' });
    expect(localStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
  });

  it('loads settings and a remembered key in a new store', () => {
    createSettingsStore(storages).getState().update({
      presetId: 'ollama', baseURL: 'http://localhost:11434/v1', model: 'qwen3:8b', streaming: false, toolMode: 'prompted', apiKey: KEY, rememberKey: true,
    });
    expect(createSettingsStore(storages).getState().config).toEqual({
      presetId: 'ollama', protocol: 'openai-chat', baseURL: 'http://localhost:11434/v1', model: 'qwen3:8b', streaming: false,
      toolMode: 'prompted', apiKey: KEY, rememberKey: true, contextTokens: 128_000,
    });
  });

  it('loads settings saved before protocols and tool modes existed with the defaults for both', () => {
    localStorage.setItem(
      SETTINGS_STORAGE_KEY,
      JSON.stringify({ presetId: 'custom', baseURL: 'http://localhost:9000/v1', model: 'm', streaming: false, rememberKey: false }),
    );
    expect(createSettingsStore(storages).getState().config).toMatchObject({
      presetId: 'custom', protocol: 'openai-chat', toolMode: 'auto', baseURL: 'http://localhost:9000/v1', streaming: false,
    });
  });

  it('keeps a custom server\'s protocol, but a preset\'s protocol always comes from the preset', () => {
    createSettingsStore(storages).getState().update({ presetId: 'custom', protocol: 'anthropic-messages', baseURL: 'http://gw:1' });
    expect(createSettingsStore(storages).getState().config.protocol).toBe('anthropic-messages');
    localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ presetId: 'anthropic', protocol: 'openai-chat' }));
    expect(createSettingsStore(storages).getState().config.protocol).toBe('anthropic-messages');
    localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ presetId: 'custom', protocol: 'smoke-signals', toolMode: 'psychic' }));
    expect(createSettingsStore(storages).getState().config).toMatchObject({ protocol: 'openai-chat', toolMode: 'auto' });
  });

  it('reads the key from either storage on load', () => {
    localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ presetId: 'openai', rememberKey: false }));
    localStorage.setItem(API_KEY_STORAGE_KEY, 'from-local');
    expect(createSettingsStore(storages).getState().config.apiKey).toBe('from-local');
    sessionStorage.setItem(API_KEY_STORAGE_KEY, 'from-session');
    expect(createSettingsStore(storages).getState().config.apiKey).toBe('from-session');
  });

  it('ignores malformed stored settings field by field', () => {
    localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ presetId: 42, baseURL: 'http://x:1/v1', streaming: 'yes' }));
    expect(createSettingsStore(storages).getState().config).toMatchObject({ presetId: 'demo', baseURL: 'http://x:1/v1', streaming: true });
    localStorage.setItem(SETTINGS_STORAGE_KEY, '{not json');
    expect(createSettingsStore(storages).getState().config.presetId).toBe('demo');
  });

  it('works without any storage', () => {
    const store = createSettingsStore({ local: null, session: null });
    store.getState().update({ apiKey: KEY });
    expect(store.getState().config.apiKey).toBe(KEY);
  });

  it('applies a preset: base URL and default model, or an empty model when the preset has none', () => {
    const store = createSettingsStore(storages);
    store.getState().applyPreset('deepseek');
    expect(store.getState().config).toMatchObject({ presetId: 'deepseek', baseURL: 'https://api.deepseek.com/v1', model: 'deepseek-chat' });
    store.getState().applyPreset('groq');
    expect(store.getState().config).toMatchObject({ presetId: 'groq', baseURL: 'https://api.groq.com/openai/v1', model: '' });
  });

  it('takes the context size from the preset (small for local servers) and keeps an edited one across reloads', () => {
    const store = createSettingsStore(storages);
    store.getState().applyPreset('ollama');
    expect(store.getState().config.contextTokens).toBe(8_192);
    store.getState().applyPreset('anthropic');
    expect(store.getState().config.contextTokens).toBe(200_000);
    store.getState().update({ contextTokens: 32_768 });
    expect(createSettingsStore(storages).getState().config.contextTokens).toBe(32_768);
  });

  it('switching to Anthropic takes its protocol and model, and every switch resets the tool mode to auto', () => {
    const store = createSettingsStore(storages);
    store.getState().update({ toolMode: 'prompted' });
    store.getState().applyPreset('anthropic');
    expect(store.getState().config).toMatchObject({
      presetId: 'anthropic', protocol: 'anthropic-messages', baseURL: 'https://api.anthropic.com', model: 'claude-sonnet-4-5', toolMode: 'auto',
    });
    store.getState().update({ toolMode: 'native' });
    store.getState().applyPreset('custom');
    expect(store.getState().config).toMatchObject({ protocol: 'openai-chat', toolMode: 'auto' });
  });

  it('clears the key when a preset points at another host', () => {
    const store = createSettingsStore(storages);
    store.getState().applyPreset('openai');
    store.getState().update({ apiKey: KEY, rememberKey: true });
    store.getState().applyPreset('openrouter');
    expect(store.getState().config.apiKey).toBe('');
    expect(localStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
  });

  it('clears the key between local servers on different ports, and when leaving for the demo or custom', () => {
    const store = createSettingsStore(storages);
    store.getState().applyPreset('ollama');
    store.getState().update({ apiKey: KEY });
    store.getState().applyPreset('vllm');
    expect(store.getState().config.apiKey).toBe('');
    store.getState().update({ apiKey: KEY });
    store.getState().applyPreset('demo');
    expect(store.getState().config.apiKey).toBe('');
    store.getState().update({ baseURL: 'https://api.openai.com/v1', apiKey: KEY, presetId: 'custom' });
    store.getState().applyPreset('custom');
    expect(store.getState().config).toMatchObject({ baseURL: '', apiKey: '' });
  });

  it('keeps the key when the preset stays on the same host', () => {
    const store = createSettingsStore(storages);
    store.getState().update({ presetId: 'custom', baseURL: 'https://api.openai.com/v1/', apiKey: KEY });
    store.getState().applyPreset('openai');
    expect(store.getState().config).toMatchObject({ presetId: 'openai', apiKey: KEY, model: 'gpt-4o-mini' });
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBe(KEY);
  });

  it('reset forgets everything, key included', () => {
    const store = createSettingsStore(storages);
    store.getState().applyPreset('openai');
    store.getState().update({ apiKey: KEY, rememberKey: true, streaming: false });
    store.getState().reset();
    expect(store.getState().config).toMatchObject({ presetId: 'demo', apiKey: '', streaming: true, rememberKey: false });
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  describe('the key stays home', () => {
    function withKey() {
      const store = createSettingsStore(storages);
      store.getState().applyPreset('openai');
      store.getState().update({ apiKey: KEY });
      return store;
    }

    it('holds the key out of the config when the base URL moves to another host', () => {
      const store = withKey();
      store.getState().update({ baseURL: 'https://evil.example/v1' });
      expect(store.getState().config.apiKey).toBe('');
      expect(sessionStorage.getItem(API_KEY_STORAGE_KEY) ?? '').not.toContain(KEY);
      expect(store.getState().heldKey).toEqual({ key: KEY, host: 'api.openai.com' });
    });

    it('keeps the key only when the user says so', () => {
      const store = withKey();
      store.getState().update({ baseURL: 'https://proxy.example/v1' });
      store.getState().keepHeldKey();
      expect(store.getState().config).toMatchObject({ baseURL: 'https://proxy.example/v1', apiKey: KEY });
      expect(store.getState().heldKey).toBeNull();
    });

    it('forgets the key when the user clears it, even if the URL comes back', () => {
      const store = withKey();
      store.getState().update({ baseURL: 'https://evil.example/v1' });
      store.getState().dropHeldKey();
      store.getState().update({ baseURL: 'https://api.openai.com/v1' });
      expect(store.getState().config.apiKey).toBe('');
    });

    it('restores the key silently when the host comes back (typing through other hosts)', () => {
      const store = withKey();
      store.getState().update({ baseURL: 'https://api.openai.co' });
      store.getState().update({ baseURL: 'https://api.openai.com/v1' });
      expect(store.getState().config.apiKey).toBe(KEY);
      expect(store.getState().heldKey).toBeNull();
    });

    it('keeps the key when only the path changes', () => {
      const store = withKey();
      store.getState().update({ baseURL: 'https://api.openai.com/v2' });
      expect(store.getState().config.apiKey).toBe(KEY);
      expect(store.getState().heldKey).toBeNull();
    });
  });
});
