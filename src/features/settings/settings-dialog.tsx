import { useModalDialog } from '../../ui/use-modal-dialog';
import { useId, useRef, useState, type RefObject } from 'react';
import { CUSTOM_PRESET_ID, DEMO_PRESET_ID, PRESETS, getPreset, type ProviderPreset } from '../../core/providers/presets';
import type { ProtocolId } from '../../core/protocols/protocol-id';
import { baseURLProblem, hostOf, isDemo, type ToolMode } from '../../core/providers/provider-config';
import { useSettings } from '../../store/settings-store';
import { ApiKeyField } from './api-key-field';
import { ConnectionTest } from './connection-test';
import { BUTTON, ERROR_TEXT, HELP, INPUT, LABEL, PRIMARY_BUTTON } from './field-styles';
import { ModelField } from './model-field';
import { SelectField } from './select-field';
import { ContextSizeField } from './context-size-field';
import { ToggleRow } from './toggle-row';
import { useModelList, usableBaseURL } from './use-model-list';

export interface SettingsDialogProps {
  open: boolean;
  onClose(): void;
  /** Where focus goes when the dialog closes; defaults to whatever had focus when it opened. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

/** The provider settings as a modal dialog. Every change is saved to the store at once. */
export function SettingsDialog({ open, onClose, returnFocusTo }: SettingsDialogProps) {
  if (!open) return null;
  return <OpenSettingsDialog onClose={onClose} returnFocusTo={returnFocusTo} />;
}

function OpenSettingsDialog({ onClose, returnFocusTo }: Omit<SettingsDialogProps, 'open'>) {
  const providerRef = useRef<HTMLSelectElement>(null);
  const dialogRef = useModalDialog({ onClose, initialFocus: providerRef, returnFocusTo });
  const pressedBackdrop = useRef(false);
  const titleId = useId();

  const close = () => dialogRef.current?.close();

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          close();
        }
      }}
      // Only a press that starts and ends on the backdrop closes; a text selection dragged out must not.
      onMouseDown={(event) => {
        pressedBackdrop.current = event.target === dialogRef.current;
      }}
      onClick={(event) => {
        if (pressedBackdrop.current && event.target === dialogRef.current) close();
        pressedBackdrop.current = false;
      }}
      className="m-auto max-h-[calc(100dvh-1.5rem)] w-[calc(100%-1.5rem)] max-w-lg overflow-y-auto rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-5 p-4 sm:p-6">
        <header className="flex flex-col gap-1">
          <h2 id={titleId} className="text-lg font-semibold">
            Settings
          </h2>
          <p className={HELP}>Choose where your messages go. Changes are saved as you make them.</p>
        </header>
        <ProviderSettings providerRef={providerRef} />
        <footer className="flex justify-end border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <button type="button" className={PRIMARY_BUTTON} onClick={close}>
            Done
          </button>
        </footer>
      </div>
    </dialog>
  );
}

function ProviderSettings({ providerRef }: { providerRef: RefObject<HTMLSelectElement | null> }) {
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
  const urlProblem = config.baseURL.trim() ? baseURLProblem(config.baseURL) : null;
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
          Provider
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
            <optgroup key={group.label} label={group.label}>
              {group.presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id={providerNoteId} className={`${HELP} empty:hidden`}>
          {demo ? '' : (preset.note ?? '')}
        </p>
      </div>

      {preset.id === CUSTOM_PRESET_ID && (
        <SelectField<ProtocolId>
          label="Protocol"
          value={config.protocol}
          options={PROTOCOL_OPTIONS}
          onChange={(protocol) => update({ protocol })}
        />
      )}

      {demo ? (
        <p className="rounded-xl border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-100">
          The demo model runs offline inside this page: no server, no API key, and nothing leaves your browser. It
          answers with scripted replies and tool calls so you can try the app. Pick another provider to chat with a real
          model.
        </p>
      ) : (
        <>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={baseURLId} className={LABEL}>
              Base URL
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
              placeholder={anthropic ? 'https://api.anthropic.com' : 'https://example.com/v1'}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={urlProblem ? true : undefined}
              aria-describedby={baseURLHelpId}
              className={`${INPUT} font-mono`}
            />
            <p id={baseURLHelpId} className={urlProblem ? ERROR_TEXT : HELP}>
              {urlProblem ?? (config.baseURL.trim() ? 'Requests go to this address from your browser.' : baseURLProblem(''))}
            </p>
          </div>

          {heldKey && (
            <KeyMoveConfirm host={hostOf(config.baseURL) ?? 'this address'} onKeep={keepHeldKey} onClear={dropHeldKey} />
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
            label="Remember on this device"
            description="Otherwise the key is kept in this tab’s session only and forgotten when the tab closes."
            checked={config.rememberKey}
            onChange={(rememberKey) => update({ rememberKey })}
          />

          <ModelField
            value={config.model}
            onChange={(model) => update({ model })}
            placeholder={preset.defaultModel ?? 'Model name'}
            models={models}
            canLoad={canLoad}
          />

          <ContextSizeField key={config.presetId} value={config.contextTokens} onChange={(contextTokens) => update({ contextTokens })} />

          <ConnectionTest baseURL={config.baseURL} apiKey={config.apiKey} protocol={config.protocol} />

          <SelectField<ToolMode>
            label="Tool calling"
            value={config.toolMode}
            options={TOOL_MODE_OPTIONS}
            onChange={(toolMode) => update({ toolMode })}
            help="Prompted: tools are described in the system prompt and the model answers with <tool_call> blocks — for models without native tool calling."
          />
        </>
      )}

      <ToggleRow
        label="Streaming"
        description="Stream responses (turn off for gateways that need one plain response)"
        checked={config.streaming}
        onChange={(streaming) => update({ streaming })}
      />
    </div>
  );
}

const PROTOCOL_OPTIONS = [
  { value: 'openai-chat', label: 'OpenAI chat completions' },
  { value: 'anthropic-messages', label: 'Anthropic Messages' },
] as const;

const TOOL_MODE_OPTIONS = [
  { value: 'native', label: 'Native' },
  { value: 'prompted', label: 'Prompted' },
  { value: 'auto', label: 'Auto (native; prompted if refused)' },
] as const;

const PRESET_GROUPS: { label: string; presets: ProviderPreset[] }[] = [
  { label: 'Built in', presets: PRESETS.filter((p) => p.id === DEMO_PRESET_ID) },
  { label: 'Cloud', presets: PRESETS.filter((p) => p.baseURL && !isLocal(p.baseURL)) },
  { label: 'On your machine', presets: PRESETS.filter((p) => p.baseURL && isLocal(p.baseURL)) },
  { label: 'Other', presets: PRESETS.filter((p) => p.id === CUSTOM_PRESET_ID) },
];

function isLocal(url: string): boolean {
  const host = hostOf(url) ?? '';
  return host.startsWith('localhost') || host.startsWith('127.0.0.1');
}

// The key is held out of requests until the user answers: a base URL can come from someone else.
function KeyMoveConfirm({ host, onKeep, onClear }: { host: string; onKeep(): void; onClear(): void }) {
  const textId = useId();
  return (
    <div
      role="group"
      aria-labelledby={textId}
      className="flex flex-col gap-2 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p id={textId}>
        Send your existing API key to <span className="font-mono break-all">{host}</span>?
      </p>
      <p className="text-xs">Until you choose, the key is not sent anywhere.</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON} onClick={onKeep}>
          Keep key
        </button>
        <button type="button" className={BUTTON} onClick={onClear}>
          Clear key
        </button>
      </div>
    </div>
  );
}
