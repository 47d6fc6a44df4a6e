import { useT } from '../../i18n';
import { messages } from './messages';

// Prompts the demo model answers with tools; in 简体中文 the demo model understands their translations.
const SUGGESTIONS = ['suggestHello', 'suggestList', 'suggestNote', 'suggestLong', 'suggestParallel', 'suggestJs'] as const;

/** The first screen: what this is, and prompts that show tools off on the demo model. */
export function EmptyState({ modelLabel, demo, onPick }: { modelLabel: string; demo: boolean; onPick(text: string): void }) {
  const t = useT(messages);
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 pt-[12vh] text-center">
      <div className="mb-4 grid size-12 place-items-center rounded-2xl bg-indigo-600 text-white shadow-lg shadow-indigo-600/20" aria-hidden>
        <svg viewBox="0 0 32 32" className="size-7"><path d="M8 11h16M8 16h11M8 21h7" stroke="currentColor" strokeWidth="3" strokeLinecap="round" /></svg>
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">{t('emptyTitle')}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{demo ? t('emptyDemo') : t('emptyModel', { model: modelLabel })}</p>
      {demo && (
        <ul className="mt-6 flex flex-wrap justify-center gap-2" aria-label={t('suggestions')}>
          {SUGGESTIONS.map((key) => (
            <li key={key}>
              <button type="button" onClick={() => onPick(t(key))} className="rounded-full border border-zinc-300 bg-white px-3 py-1.5 text-sm text-zinc-700 hover:border-indigo-400 hover:text-indigo-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-indigo-500 dark:hover:text-indigo-300">
                {t(key)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
