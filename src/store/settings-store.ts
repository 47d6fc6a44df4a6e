import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { getPreset, presetContextTokens } from '../core/providers/presets';
import { DEFAULT_CONFIG, hostOf, type ProviderConfig } from '../core/providers/provider-config';
import { browserStorages, clearConfig, loadConfig, saveConfig, type SettingsStorages } from './settings-persistence';

/** A key set aside because the base URL moved to another host; memory only, never persisted. */
export interface HeldKey {
  key: string;
  /** The host the key was entered for. */
  host: string | null;
}

export interface SettingsState {
  config: ProviderConfig;
  /**
   * Set while the base URL points at a host other than the key's: the key is not in the config
   * (so nothing sends it) until the user keeps it; returning to its host restores it.
   */
  heldKey: HeldKey | null;
  /** Sends the held key to the new host from now on. */
  keepHeldKey(): void;
  /** Forgets the held key. */
  dropHeldKey(): void;
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
      heldKey: null,
      update: (partial) => {
        const { config: current, heldKey } = get();
        const next = { ...current, ...partial };
        let held = partial.apiKey !== undefined ? null : heldKey;
        if (partial.baseURL !== undefined && partial.apiKey === undefined) {
          const oldHost = hostOf(current.baseURL);
          const newHost = hostOf(next.baseURL);
          // The key follows the base URL only with the user's say-so (someone else may have
          // suggested that URL); until then it is held here, out of every request.
          if (current.apiKey !== '' && newHost !== oldHost) {
            held = { key: current.apiKey, host: oldHost };
            next.apiKey = '';
          } else if (held && newHost === held.host) {
            next.apiKey = held.key;
            held = null;
          }
        }
        set({ heldKey: held });
        commit(next);
      },
      keepHeldKey: () => {
        const { heldKey, config } = get();
        if (!heldKey) return;
        set({ heldKey: null });
        commit({ ...config, apiKey: heldKey.key });
      },
      dropHeldKey: () => set({ heldKey: null }),
      applyPreset: (id) => {
        const current = get().config;
        const preset = getPreset(id);
        const oldHost = hostOf(current.baseURL);
        const sameHost = oldHost !== null && oldHost === hostOf(preset.baseURL);
        set({ heldKey: null });
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
        set({ config: { ...DEFAULT_CONFIG }, heldKey: null });
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
