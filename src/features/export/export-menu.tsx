import { useState } from 'react';
import { exportAllFileName, exportFileName } from '../../core/conversation/export-filename';
import { exportConversationsJson } from '../../core/conversation/export-json';
import { exportConversationMarkdown } from '../../core/conversation/export-markdown';
import type { Conversation } from '../../core/conversation/types';
import { useT } from '../../i18n';
import { downloadFile } from './download-file';
import { messages } from './messages';
import { ALERT, SMALL_BUTTON } from './styles';

interface Props {
  /** The open conversation; its buttons are disabled when there is none. */
  conversation: Conversation | null;
  /** Every stored conversation, loaded only when "Export all" is pressed. */
  all(): Promise<Conversation[]>;
}

const JSON_TYPE = 'application/json';

/** Three download buttons: this conversation as JSON or Markdown, and every conversation as JSON. */
export function ExportMenu({ conversation, all }: Props) {
  const t = useT(messages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => void | Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(t('exportFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  const exportAll = () =>
    run(async () => {
      setBusy(true);
      try {
        downloadFile(exportAllFileName(), exportConversationsJson(await all()), JSON_TYPE);
      } finally {
        setBusy(false);
      }
    });

  return (
    <div className="flex flex-col gap-1.5">
      <div role="group" aria-label={t('export')} className="flex flex-wrap items-center gap-1.5">
        <span className="text-xs font-medium text-zinc-500 dark:text-zinc-400" aria-hidden="true">
          {t('export')}
        </span>
        <button
          type="button"
          aria-label={t('exportJson')}
          className={SMALL_BUTTON}
          disabled={!conversation}
          onClick={() => conversation && run(() => downloadFile(exportFileName(conversation.title, 'json'), exportConversationsJson([conversation]), JSON_TYPE))}
        >
          {t('json')}
        </button>
        <button
          type="button"
          aria-label={t('exportMarkdown')}
          className={SMALL_BUTTON}
          disabled={!conversation}
          onClick={() => conversation && run(() => downloadFile(exportFileName(conversation.title, 'md'), exportConversationMarkdown(conversation), 'text/markdown'))}
        >
          {t('markdown')}
        </button>
        <button type="button" aria-label={t('exportAll')} className={SMALL_BUTTON} disabled={busy} aria-busy={busy} onClick={exportAll}>
          {t('all')}
        </button>
      </div>
      {error && (
        <p role="alert" className={ALERT}>
          {error}
        </p>
      )}
    </div>
  );
}
