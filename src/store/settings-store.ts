import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { getPreset, presetContextTokens } from '../core/providers/presets';
import { DEFAULT_CONFIG, hostOf, type ProviderConfig } from '../core/providers/provider-config';
import { browserStorages, clearConfig, loadConfig, saveConfig, type SettingsStorages } from './settings-persistence';

export interface SettingsState {
  config: ProviderConfig;
  /** Merges fields into the config and persists it (moving the key when rememberKey flips). */
  update(partial: Partial<ProviderConfig>): void;
  /**
   * Switches provider: protocol, base URL and model come from the preset, the tool mode goes back to
   * auto; the key survives only on the same host.
   */
  applyPreset(id: string): void;
  /** Back to the defaults, forgetting the stored settings and key. */
  reset(): void;
}

export type SettingsStore = UseBoundStore<StoreApi<SettingsState>>;

/** Builds a settings store over the given storages (tests pass their own). */
export function createSettingsStore(storages: SettingsStorages = browserStorages()): SettingsStore {
  return create<SettingsState>()((set, get) => {
    const commit = (config: ProviderConfig) => {
      saveConfig(storages, config);
      set({ config });
    };
    return {
      config: loadConfig(storages),
      update: (partial) => commit({ ...get().config, ...partial }),
      applyPreset: (id) => {
        const current = get().config;
        const preset = getPreset(id);
        const oldHost = hostOf(current.baseURL);
        const sameHost = oldHost !== null && oldHost === hostOf(preset.baseURL);
        commit({
          ...current,
          presetId: preset.id,
          protocol: preset.protocol,
          baseURL: preset.baseURL,
          toolMode: 'auto',
          contextTokens: presetContextTokens(preset),
          model: preset.defaultModel ?? '',
          apiKey: sameHost ? current.apiKey : '',
        });
      },
      reset: () => {
        clearConfig(storages);
        set({ config: { ...DEFAULT_CONFIG } });
      },
    };
  });
}

/** The app's settings store as a React hook: `useSettings((s) => s.config.model)`. */
export const useSettings: SettingsStore = createSettingsStore();

/** The current provider config, for code outside React (the agent loop, client factories). */
export function getSettings(): ProviderConfig {
  return useSettings.getState().config;
}
