import { useRef, useState, type ChangeEvent } from 'react';
import { importConversations } from '../../core/conversation/import-json';
import type { Conversation } from '../../core/conversation/types';
import { useT } from '../../i18n';
import { importProblemText } from './import-message';
import { messages } from './messages';
import { ALERT, SMALL_BUTTON } from './styles';

interface Props {
  /** Stores the conversations (giving taken ids fresh ones); a rejection is shown as an error. */
  onImport(conversations: Conversation[]): Promise<void>;
}

/** "Import" opens a file picker for a JSON export; a refused file shows why and changes nothing. */
export function ImportButton({ onImport }: Props) {
  const t = useT(messages);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so picking the same file again still fires a change.
    e.target.value = '';
    if (!file) return;
    setMessage(null);
    setBusy(true);
    try {
      const result = importConversations(await file.text());
      if (!result.ok) return setMessage({ kind: 'error', text: importProblemText(result.problem, t) });
      await onImport(result.conversations);
      const n = result.conversations.length;
      setMessage({ kind: 'done', text: t(n === 1 ? 'importedOne' : 'imported', { count: n }) });
    } catch (err) {
      setMessage({ kind: 'error', text: t('importFailed', { reason: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div>
        <button type="button" className={SMALL_BUTTON} disabled={busy} aria-busy={busy} onClick={() => input.current?.click()}>
          {t('import')}
        </button>
        <input ref={input} type="file" accept=".json,application/json" aria-label={t('importConversations')} className="hidden" onChange={onChange} />
      </div>
      {message?.kind === 'error' && (
        <p role="alert" className={ALERT}>
          {message.text}
        </p>
      )}
      {message?.kind === 'done' && (
        <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          {message.text}
        </p>
      )}
    </div>
  );
}
