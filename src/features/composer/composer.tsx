import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { StoreApi } from 'zustand';
import type { ChatController, ChatSnapshot } from '../../core/run/chat-controller';
import type { StartRefusal } from '../../core/run/run-registry';
import { useChat } from '../../store/chat-store';
import { runStatusText } from '../chat/run-status';
import { InstructionsPanel } from './instructions-panel';
import { useNow } from '../../ui/use-now';
import { useT, type Translator } from '../../i18n';
import { statusMessages } from '../chat/messages';
import { messages } from './messages';
import { SlashMenu } from './slash-menu';
import { ToolForm } from './tool-form';
import { useSlashCommands } from './use-slash-commands';

interface ComposerProps {
  store: StoreApi<ChatSnapshot>;
  controller: ChatController;
  /** Asked at every send: other conversations may hold every run slot (the text then stays in the box). */
  admit?(): StartRefusal | null;
  /** Shown while this conversation cannot start a run (as many others run as Settings allow). */
  runLimit?: StartRefusal | null;
}

/** The message box: Enter sends, Shift+Enter adds a line, Esc stops the run (of this conversation only). */
export function Composer({ store, controller, admit, runLimit = null }: ComposerProps) {
  const t = useT(messages);
  const tStatus = useT(statusMessages);
  const [text, setText] = useState('');
  const phase = useChat(store, (s) => s.run.phase);
  const stopAfterRound = useChat(store, (s) => s.run.stopAfterRound);
  // A direct tool run has one call and no next round, so "stop after this round" means nothing there.
  const direct = useChat(store, (s) => s.run.direct === true);
  // While a failed request waits to be sent again, the countdown ticks; while a round streams, the
  // clock tells a server that has gone quiet apart from one that is still writing.
  const now = useNow(useChat(store, (s) => s.retrying !== undefined || s.run.phase === 'generating'), 1000);
  const status = useChat(store, (s) => runStatusText(s, tStatus, now, controller.quietSince()));
  const busy = phase !== 'idle';
  const hasInstructions = useChat(store, (s) => !!s.conversation.systemPrompt?.trim());
  const [editingInstructions, setEditingInstructions] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const slash = useSlashCommands({ text, setText, controller, box, busy });

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      // An Esc already used (closing the reject form, a menu) or meant for an open dialog is not a Stop.
      if (e.key === 'Escape' && !e.defaultPrevented && controller.getSnapshot().run.phase !== 'idle' && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        controller.stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);

  useEffect(() => {
    if (!busy) box.current?.focus({ preventScroll: true });
  }, [busy]);

  const [refused, setRefused] = useState<StartRefusal | null>(null);
  const limit = busy ? null : (runLimit ?? refused);
  const send = () => {
    if (busy || !text.trim()) return;
    const refusal = admit?.() ?? null;
    setRefused(refusal);
    if (refusal) return; // nothing is lost: the message stays in the box
    void slash.submit();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (slash.onKeyDown(e)) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <div className="border-t border-zinc-200 bg-white/90 px-3 pt-2 pb-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90">
      <div className="mx-auto max-w-3xl">
        {editingInstructions && !busy && <InstructionsPanel store={store} controller={controller} onDone={() => setEditingInstructions(false)} />}
        <div className="flex min-h-6 items-center gap-2 pb-1 text-xs text-zinc-500 dark:text-zinc-400" role="status" aria-live="polite">
          {busy && <span className="size-2 animate-pulse rounded-full bg-indigo-500" aria-hidden />}
          <span data-testid="run-status">{status}</span>
          {!busy && <span className="hidden sm:inline">{t('keyHints')}</span>}
          {!busy && (
            <button
              type="button"
              aria-expanded={editingInstructions}
              onClick={() => setEditingInstructions((v) => !v)}
              className="ml-auto shrink-0 rounded-md px-2 py-0.5 font-medium whitespace-nowrap text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
            >
              {hasInstructions ? t('instructionsOn') : t('instructions')}
            </button>
          )}
          {busy && phase !== 'generating' && !stopAfterRound && !direct && (
            <button type="button" onClick={() => controller.stopAfterRound()} className="ml-auto shrink-0 rounded-md px-2 py-0.5 font-medium whitespace-nowrap text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950">
              {t('stopAfterRound')}
            </button>
          )}
          {stopAfterRound && <span className="ml-auto shrink-0 whitespace-nowrap">{t('willStopAfterRound')}</span>}
        </div>
        <div className="relative">
          {slash.menu && <SlashMenu {...slash.menu} />}
          {slash.form ? (
            <ToolForm key={slash.form.entry.tool.name} {...slash.form} />
          ) : (
            <div className="flex items-end gap-2 rounded-2xl border border-zinc-300 bg-white p-2 shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950">
              <textarea
                ref={box}
                {...slash.inputProps}
                aria-label={t('message')}
                rows={1}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={onKeyDown}
                placeholder={placeholderFor(phase, t)}
                className="field-sizing-content max-h-48 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 text-[15px] outline-none placeholder:text-zinc-400"
              />
              {busy ? (
                <button type="button" onClick={() => controller.stop()} title={t('stopTitle')} className="inline-flex h-10 items-center gap-1.5 rounded-xl bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300">
                  <span className="size-2.5 rounded-[2px] bg-current" aria-hidden />
                  {t('stop')}
                </button>
              ) : (
                <button type="button" onClick={send} disabled={!text.trim() || runLimit !== null} title={t('sendTitle')} className="inline-flex h-10 items-center rounded-xl bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-40 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-400 dark:disabled:opacity-100">
                  {t('send')}
                </button>
              )}
            </div>
          )}
        </div>
        {limit && (
          <p role="alert" data-testid="run-limit" className="mt-1.5 px-1 text-sm text-amber-800 dark:text-amber-300">
            {t('runLimit', { limit: limit.limit })}
          </p>
        )}
        {slash.error && (
          <p id={slash.error.id} role="alert" className="mt-1.5 px-1 text-sm break-words text-red-700 dark:text-red-300">
            {slash.error.message}
          </p>
        )}
      </div>
    </div>
  );
}

function placeholderFor(phase: ChatSnapshot['run']['phase'], t: Translator<keyof typeof messages.en>): string {
  if (phase === 'awaiting_confirmation') return t('placeholderApprove');
  if (phase === 'executing_function') return t('placeholderTools');
  if (phase === 'generating') return t('placeholderGenerating');
  return t('placeholderIdle');
}
