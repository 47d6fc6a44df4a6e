import { MODAL_PANEL, useDialogDismiss, useModalDialog } from '../../ui/use-modal-dialog';
import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { CUSTOM_PRESET_ID, DEMO_PRESET_ID, PRESETS, getPreset, type ProviderPreset } from '../../core/providers/presets';
import type { ProtocolId } from '../../core/protocols/protocol-id';
import { hostOf, isDemo, type ToolMode } from '../../core/providers/provider-config';
import { useT } from '../../i18n';
import { KeyMoveConfirm } from './key-move-confirm';
import { baseURLProblemText, presetLabel, presetNote } from './config-text';
import { LanguageField } from './language-field';
import { messages } from './messages';
import { useSettings } from '../../store/settings-store';
import { ApiKeyField } from './api-key-field';
import { ConnectionTest } from './connection-test';
import { ERROR_TEXT, HELP, INPUT, LABEL, PRIMARY_BUTTON } from './field-styles';
import { ModelField } from './model-field';
import { SelectField } from './select-field';
import { ContextSizeField } from './context-size-field';
import { ToggleRow } from './toggle-row';
import { useModelList, usableBaseURL } from './use-model-list';
import { PermissionsSettingsRow } from '../permissions/permissions-settings-row';
import type { StoreApi } from 'zustand';
import type { RunPreferencesState } from '../../store/run-preferences';
import { RunsSection } from './runs-section';

export interface SettingsDialogProps {
  open: boolean;
  onClose(): void;
  /** Where focus goes when the dialog closes; defaults to whatever had focus when it opened. */
  returnFocusTo?: RefObject<HTMLElement | null>;
  /** Opens the Tool permissions dialog on top of this one; without it the row is not shown. */
  onOpenPermissions?(): void;
  /** The MCP servers section; the app builds it, since it owns the servers. */
  mcpServers?: ReactNode;
  /** How conversations run side by side (the app owns these preferences); without it the section is not shown. */
  runPreferences?: StoreApi<RunPreferencesState>;
}

/** The provider settings as a modal dialog. Every change is saved to the store at once. */
export function SettingsDialog({ open, ...rest }: SettingsDialogProps) {
  if (!open) return null;
  return <OpenSettingsDialog {...rest} />;
}

/** The dialog itself, mounted only while open (the app loads it on demand). */
export function OpenSettingsDialog({ onClose, returnFocusTo, onOpenPermissions, mcpServers, runPreferences }: Omit<SettingsDialogProps, 'open'>) {
  const t = useT(messages);
  const providerRef = useRef<HTMLSelectElement>(null);
  const dialogRef = useModalDialog({ onClose, initialFocus: providerRef, returnFocusTo });
  const dismiss = useDialogDismiss(dialogRef);
  const titleId = useId();

  const close = () => dialogRef.current?.close();

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      {...dismiss}
      className={`max-w-lg ${MODAL_PANEL}`}
    >
      <div className="flex flex-col gap-5 p-4 sm:p-6">
        <header className="flex flex-col gap-1">
          <h2 id={titleId} className="text-lg font-semibold">
            {t('settings')}
          </h2>
          <p className={HELP}>{t('intro')}</p>
        </header>
        <LanguageField />
        <ProviderSettings providerRef={providerRef} />
        {onOpenPermissions && <PermissionsSettingsRow onOpen={onOpenPermissions} />}
        {mcpServers}
        {runPreferences && <RunsSection store={runPreferences} />}
        <footer className="flex justify-end border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <button type="button" className={PRIMARY_BUTTON} onClick={close}>
            {t('done')}
          </button>
        </footer>
      </div>
    </dialog>
  );
}

function ProviderSettings({ providerRef }: { providerRef: RefObject<HTMLSelectElement | null> }) {
  const t = useT(messages);
  const config = useSettings((s) => s.config);
  const update = useSettings((s) => s.update);
  const heldKey = useSettings((s) => s.heldKey);
  const keepHeldKey = useSettings((s) => s.keepHeldKey);
  const dropHeldKey = useSettings((s) => s.dropHeldKey);
  const applyPreset = useSettings((s) => s.applyPreset);
  const models = useModelList(config);
  const [keyCleared, setKeyCleared] = useState(false);
  const providerId = useId();
  const providerNoteId = useId();
  const baseURLId = useId();
  const baseURLHelpId = useId();

  const preset = getPreset(config.presetId);
  const demo = isDemo(config);
  const anthropic = config.protocol === 'anthropic-messages';
  const urlProblem = config.baseURL.trim() ? baseURLProblemText(config.baseURL, t) : null;
  const canLoad = usableBaseURL(config.baseURL) !== '';

  const choosePreset = (id: string) => {
    const hadKey = config.apiKey !== '';
    applyPreset(id);
    setKeyCleared(hadKey && useSettings.getState().config.apiKey === '');
  };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={providerId} className={LABEL}>
          {t('provider')}
        </label>
        <select
          id={providerId}
          ref={providerRef}
          value={preset.id}
          onChange={(event) => choosePreset(event.target.value)}
          aria-describedby={providerNoteId}
          className={INPUT}
        >
          {PRESET_GROUPS.map((group) => (
            <optgroup key={group.label} label={t(group.label)}>
              {group.presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {presetLabel(p, t)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id={providerNoteId} className={`${HELP} empty:hidden`}>
          {demo ? '' : (presetNote(preset, t) ?? '')}
        </p>
      </div>

      {preset.otherProtocols?.length && !demo && (
        <SelectField<ProtocolId>
          label={t('protocol')}
          value={config.protocol}
          options={PROTOCOL_OPTIONS.filter((o) => o.value === preset.protocol || preset.otherProtocols?.includes(o.value)).map((o) => ({ value: o.value, label: t(o.label) }))}
          onChange={(protocol) => update({ protocol })}
        />
      )}

      {demo ? (
        <p className="rounded-xl border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-100">
          {t('demoExplained')}
        </p>
      ) : (
        <>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={baseURLId} className={LABEL}>
              {t('baseURL')}
            </label>
            <input
              id={baseURLId}
              type="url"
              inputMode="url"
              value={config.baseURL}
              onChange={(event) => update({ baseURL: event.target.value })}
              onBlur={() => {
                const tidy = usableBaseURL(config.baseURL);
                if (tidy && tidy !== config.baseURL) update({ baseURL: tidy });
              }}
              placeholder={anthropic ? ANTHROPIC_URL_EXAMPLE : URL_EXAMPLE}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={urlProblem ? true : undefined}
              aria-describedby={baseURLHelpId}
              className={`${INPUT} font-mono`}
            />
            <p id={baseURLHelpId} className={urlProblem ? ERROR_TEXT : HELP}>
              {urlProblem ?? (config.baseURL.trim() ? t('baseURLHelp') : baseURLProblemText('', t))}
            </p>
          </div>

          {heldKey && (
            <KeyMoveConfirm host={hostOf(config.baseURL) ?? t('thisAddress')} onKeep={keepHeldKey} onClear={dropHeldKey} />
          )}

          <ApiKeyField
            value={config.apiKey}
            onChange={(apiKey) => {
              setKeyCleared(false);
              update({ apiKey });
            }}
            needsKey={preset.needsKey}
            clearedByHostChange={keyCleared}
          />

          <ToggleRow
            label={t('rememberKey')}
            description={t('rememberKeyHelp')}
            checked={config.rememberKey}
            onChange={(rememberKey) => update({ rememberKey })}
          />

          <ModelField
            value={config.model}
            onChange={(model) => update({ model })}
            placeholder={preset.defaultModel ?? t('modelName')}
            models={models}
            canLoad={canLoad}
          />

          <ContextSizeField key={config.presetId} value={config.contextTokens} onChange={(contextTokens) => update({ contextTokens })} />

          <ConnectionTest baseURL={config.baseURL} apiKey={config.apiKey} protocol={config.protocol} />

          <SelectField<ToolMode>
            label={t('toolCalling')}
            value={config.toolMode}
            options={TOOL_MODE_OPTIONS.map((o) => ({ value: o.value, label: t(o.label) }))}
            onChange={(toolMode) => update({ toolMode })}
            help={t('toolCallingHelp')}
          />
        </>
      )}

      <ToggleRow
        label={t('streaming')}
        description={t('streamingHelp')}
        checked={config.streaming}
        onChange={(streaming) => update({ streaming })}
      />
    </div>
  );
}

// Example addresses, the same in every language.
const URL_EXAMPLE = 'https://example.com/v1';
const ANTHROPIC_URL_EXAMPLE = 'https://api.anthropic.com';

const PROTOCOL_OPTIONS = [
  { value: 'openai-chat', label: 'protocolOpenAI' },
  { value: 'openai-responses', label: 'protocolResponses' },
  { value: 'anthropic-messages', label: 'protocolAnthropic' },
] as const;

const TOOL_MODE_OPTIONS = [
  { value: 'native', label: 'toolModeNative' },
  { value: 'prompted', label: 'toolModePrompted' },
  { value: 'auto', label: 'toolModeAuto' },
] as const;

const PRESET_GROUPS: { label: 'groupBuiltIn' | 'groupCloud' | 'groupLocal' | 'groupOther'; presets: ProviderPreset[] }[] = [
  { label: 'groupBuiltIn', presets: PRESETS.filter((p) => p.id === DEMO_PRESET_ID) },
  { label: 'groupCloud', presets: PRESETS.filter((p) => p.baseURL && !isLocal(p.baseURL)) },
  { label: 'groupLocal', presets: PRESETS.filter((p) => p.baseURL && isLocal(p.baseURL)) },
  { label: 'groupOther', presets: PRESETS.filter((p) => p.id === CUSTOM_PRESET_ID) },
];

function isLocal(url: string): boolean {
  const host = hostOf(url) ?? '';
  return host.startsWith('localhost') || host.startsWith('127.0.0.1');
}
