import type { ToolCallState } from '../../core/conversation/types';
import { useT, type Translator } from '../../i18n';
import { foldMessages } from './fold-messages';
import { resultPreview, tellingArgument, type ResultPreview } from './fold-summary';

type FoldT = Translator<keyof typeof foldMessages.en>;

const SINGULAR = { files: 'file', items: 'item', lines: 'line' } as const;

/** The preview's words in the reader's language: `= 42`, `3 files`, the first words of an error. */
export function previewText(preview: ResultPreview, t: FoldT): string {
  switch (preview.type) {
    case 'value':
      return `= ${preview.text}`;
    case 'count':
      if (preview.count === 1 && preview.noun !== 'bytes') return t(SINGULAR[preview.noun]);
      return t(preview.noun, { count: preview.count });
    case 'text':
    case 'error':
      return preview.text;
    case 'unknown':
      return t('notATool');
    case 'cancelled':
      if (preview.current === undefined) return '';
      return preview.total === undefined ? t('cancelledAtOne', { current: preview.current }) : t('cancelledAt', { current: preview.current, total: preview.total });
    case 'none':
      return '';
  }
}

/** The folded part of a settled card's header: its most telling argument and a short result preview. */
export function FoldLine({ call }: { call: ToolCallState }) {
  const t = useT(foldMessages);
  const argument = tellingArgument(call);
  const preview = resultPreview(call);
  const text = previewText(preview, t);
  return (
    <>
      {/* The argument gives way first on a narrow screen, then the preview; neither pushes the status off. */}
      {argument && <span className="min-w-0 shrink-[4] truncate font-mono text-xs text-zinc-600 dark:text-zinc-300">{argument}</span>}
      {text && (
        <span className={`min-w-0 shrink-[2] truncate text-xs ${preview.type === 'error' || preview.type === 'unknown' ? 'text-red-700 dark:text-red-300' : 'text-zinc-700 dark:text-zinc-200'}`} data-testid="tool-preview">
          {text}
        </span>
      )}
    </>
  );
}

/** "The model called `get_weather`, which is not a tool here." */
export function UnknownToolNotice({ name }: { name: string }) {
  const t = useT(foldMessages);
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200" data-testid="unknown-tool">
      <p className="break-words">
        {t('unknownToolLead')} <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900/50">{name}</code>
        {t('unknownToolTail')}
      </p>
      <p className="mt-0.5 text-xs opacity-80">{t('unknownToolHint')}</p>
    </div>
  );
}
