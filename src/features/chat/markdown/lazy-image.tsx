import { useState, type MouseEvent } from 'react';
import { useT } from '../../../i18n';
import { messages } from './messages';

export interface LazyImageProps {
  src?: string;
  alt?: string;
  title?: string;
}

/**
 * A markdown image that loads only on request, so a message cannot ping a server (tracking,
 * leaking the user's address) just by being displayed.
 */
export function LazyImage({ src, alt, title }: LazyImageProps) {
  const t = useT(messages);
  const [requested, setRequested] = useState(false);
  const [failed, setFailed] = useState(false);
  const host = src ? hostOf(src) : null;

  if (!src || !host) {
    return (
      <span className={NOTE} title={t('imageRemoved')}>
        {alt ? t('imageWithAlt', { alt }) : t('image')}
      </span>
    );
  }
  if (!requested) {
    const load = (event: MouseEvent) => {
      // The image may sit inside a link; loading it must not follow the link.
      event.preventDefault();
      event.stopPropagation();
      setRequested(true);
    };
    return (
      <button
        type="button"
        onClick={load}
        title={title}
        className="my-1 inline-flex max-w-full flex-col items-start gap-0.5 rounded-xl border border-dashed border-zinc-300 bg-zinc-50 px-3 py-2 text-left align-middle text-sm transition-colors hover:border-indigo-400 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:border-indigo-500 dark:hover:bg-indigo-950/40"
      >
        <span className="font-medium text-zinc-700 dark:text-zinc-200">{t('loadImage', { host })}</span>
        {alt ? <span className="text-xs break-words text-zinc-500 dark:text-zinc-400">{alt}</span> : null}
      </button>
    );
  }
  if (failed) return <span className={NOTE}>{alt ? t('imageFailedWithAlt', { alt }) : t('imageFailed')}</span>;
  return (
    <img
      src={src}
      alt={alt ?? ''}
      title={title}
      referrerPolicy="no-referrer"
      decoding="async"
      onError={() => setFailed(true)}
      className="my-2 inline-block max-h-[32rem] max-w-full rounded-lg border border-zinc-200 dark:border-zinc-800"
    />
  );
}

const NOTE = 'rounded-md bg-zinc-100 px-1.5 py-0.5 text-sm text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400';

function hostOf(src: string): string | null {
  try {
    return new URL(src).host || null;
  } catch {
    return null;
  }
}
