import { isProtocolId } from '../core/protocols/protocol-id';
import { getPreset } from '../core/providers/presets';
import { DEFAULT_CONFIG, isToolMode, type ProviderConfig } from '../core/providers/provider-config';
import { readItem, writeItem, removeItem } from './safe-storage';

export const SETTINGS_STORAGE_KEY = 'callstream.settings';
export const API_KEY_STORAGE_KEY = 'callstream.apiKey';

/** Where settings live: the key goes to `session` unless the user asks to remember it. */
export interface SettingsStorages {
  local: Storage | null;
  session: Storage | null;
}

/** The browser's storages; either may be missing (disabled storage, sandboxed frames, Node). */
export function browserStorages(): SettingsStorages {
  return { local: probe(() => globalThis.localStorage), session: probe(() => globalThis.sessionStorage) };
}

function probe(get: () => Storage | undefined): Storage | null {
  try {
    return get() ?? null;
  } catch {
    return null; // reading the property throws a SecurityError when storage is blocked
  }
}

/** Reads settings from local storage and the key from whichever storage holds it. */
export function loadConfig(storages: SettingsStorages): ProviderConfig {
  const saved = parseSettings(readItem(storages.local, SETTINGS_STORAGE_KEY));
  const config: ProviderConfig = { ...DEFAULT_CONFIG, ...saved };
  // A saved protocol stands only when the preset offers it (Custom offers all, OpenAI two); older
  // settings, saved before protocols existed, get the preset's default.
  const preset = getPreset(config.presetId);
  const offered = [preset.protocol, ...(preset.otherProtocols ?? [])];
  if (!saved.protocol || !offered.includes(config.protocol)) config.protocol = preset.protocol;
  const fromLocal = readItem(storages.local, API_KEY_STORAGE_KEY);
  const fromSession = readItem(storages.session, API_KEY_STORAGE_KEY);
  // Prefer the storage the toggle points at, but don't lose a key that sits in the other one.
  const apiKey = config.rememberKey ? (fromLocal ?? fromSession) : (fromSession ?? fromLocal);
  return { ...config, apiKey: apiKey ?? '' };
}

/** Writes non-secret settings to local storage and the key to exactly one storage (or none). */
export function saveConfig(storages: SettingsStorages, config: ProviderConfig): void {
  const { apiKey, ...rest } = config;
  writeItem(storages.local, SETTINGS_STORAGE_KEY, JSON.stringify(rest));
  const home = config.rememberKey ? storages.local : storages.session;
  const other = config.rememberKey ? storages.session : storages.local;
  removeItem(other, API_KEY_STORAGE_KEY);
  if (apiKey) writeItem(home, API_KEY_STORAGE_KEY, apiKey);
  else removeItem(home, API_KEY_STORAGE_KEY);
}

/** Removes every trace of the settings, key included. */
export function clearConfig(storages: SettingsStorages): void {
  removeItem(storages.local, SETTINGS_STORAGE_KEY);
  removeItem(storages.local, API_KEY_STORAGE_KEY);
  removeItem(storages.session, API_KEY_STORAGE_KEY);
}

function parseSettings(raw: string | null): Partial<ProviderConfig> {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const out: Partial<ProviderConfig> = {};
  // Field by field, so one bad value from an older version can't poison the rest.
  if (typeof v.presetId === 'string' && v.presetId) out.presetId = v.presetId;
  if (typeof v.baseURL === 'string') out.baseURL = v.baseURL;
  if (typeof v.model === 'string') out.model = v.model;
  if (typeof v.streaming === 'boolean') out.streaming = v.streaming;
  if (typeof v.rememberKey === 'boolean') out.rememberKey = v.rememberKey;
  if (isProtocolId(v.protocol)) out.protocol = v.protocol;
  if (isToolMode(v.toolMode)) out.toolMode = v.toolMode;
  if (typeof v.contextTokens === 'number' && Number.isInteger(v.contextTokens) && v.contextTokens >= 512) out.contextTokens = v.contextTokens;
  return out;
}
