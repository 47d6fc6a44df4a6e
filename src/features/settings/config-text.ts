import type { ProviderPreset } from '../../core/providers/presets';
import { baseURLProblem } from '../../core/providers/provider-config';
import type { Translator } from '../../i18n';
import type { messages } from './messages';

type Key = keyof typeof messages.en;
type T = Translator<Key>;

// Product names read the same in every language; only these presets have words to translate.
const PRESET_LABEL: Record<string, Key> = {
  demo: 'presetDemo',
  ollama: 'presetOllama',
  lmstudio: 'presetLmStudio',
  llamacpp: 'presetLlamaCpp',
  vllm: 'presetVllm',
  custom: 'presetCustom',
};

const PRESET_NOTE: Record<string, Key> = {
  demo: 'noteDemo',
  anthropic: 'noteAnthropic',
  openrouter: 'noteOpenRouter',
  ollama: 'noteOllama',
  lmstudio: 'noteLmStudio',
  llamacpp: 'noteLlamaCpp',
  vllm: 'noteVllm',
  gemini: 'noteGemini',
  xai: 'noteXai',
  together: 'noteTogether',
  fireworks: 'noteFireworks',
  cerebras: 'noteCerebras',
  custom: 'noteCustom',
};

/** A preset's name in the interface language (a preset added later shows its own label). */
export function presetLabel(preset: ProviderPreset, t: T): string {
  const key = PRESET_LABEL[preset.id];
  return key ? t(key) : preset.label;
}

/** A preset's note in the interface language, or undefined when it has none. */
export function presetNote(preset: ProviderPreset, t: T): string | undefined {
  if (!preset.note) return undefined;
  const key = PRESET_NOTE[preset.id];
  return key ? t(key) : preset.note;
}

/** What is wrong with a base URL, in the interface language, or null when it is usable. */
export function baseURLProblemText(url: string, t: T): string | null {
  const problem = baseURLProblem(url);
  if (problem === null) return null;
  switch (problem.code) {
    case 'missing':
      return t('urlMissing');
    case 'scheme':
      return t('urlScheme');
    case 'credentials':
      return t('urlCredentials');
    case 'query':
      return t('urlQuery');
    case 'plain_http':
      return t('urlPlainHttp', { host: problem.host });
  }
}
