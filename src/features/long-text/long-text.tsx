import { memo, useEffect, useState } from 'react';
import { formatNumber, useLocale, useT } from '../../i18n';
import { messages } from './messages';
import { SoftText } from './soft-text';

/** Text up to this length renders whole; longer text shows this much until "Show all". */
export const PREVIEW_CHARS = 16_000;
/** Characters per block-level chunk of a long text, and added per frame while "Show all" reveals. */
export const LONG_CHUNK_CHARS = 4_000;
const REVEAL_PER_FRAME = 4 * LONG_CHUNK_CHARS;

/** Chunk boundaries of `text` up to `limit`: fixed windows, never splitting a surrogate pair. */
function chunkEnds(text: string, limit: number): number[] {
  const ends: number[] = [];
  let start = 0;
  while (start < limit) {
    let end = Math.min(start + LONG_CHUNK_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff) end -= 1;
    ends.push(end);
    start = end;
  }
  return ends;
}

const Chunk = memo(function Chunk({ text }: { text: string }) {
  return (
    <span className="block">
      <SoftText text={text} />
    </span>
  );
});

/**
 * Untrusted plain text of any length, laid out in linear time: soft breaks in long runs, and past
 * PREVIEW_CHARS a capped preview whose "Show all" reveals the rest a few block-level chunks per
 * frame (each chunk its own block, so a frame lays out only what it adds). Nothing is dropped:
 * Copy and export read the message, not the screen. Put it inside an element with the wrapping
 * rules (`whitespace-pre-wrap break-words`).
 */
export function LongText({ text }: { text: string }) {
  const t = useT(messages);
  const locale = useLocale((s) => s.locale);
  const [revealing, setRevealing] = useState(false);
  const [limit, setLimit] = useState(PREVIEW_CHARS);
  const whole = text.length <= PREVIEW_CHARS;
  const shown = whole ? text.length : Math.min(limit, text.length);

  useEffect(() => {
    if (!revealing || shown >= text.length) return;
    const frame = requestAnimationFrame(() => setLimit((value) => value + REVEAL_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [revealing, shown, text.length]);

  if (whole) return <SoftText text={text} />;
  let start = 0;
  const chunks = chunkEnds(text, shown).map((end) => {
    const piece = text.slice(start, end);
    start = end;
    return piece;
  });
  return (
    <>
      {chunks.map((piece, i) => (
        <Chunk key={i} text={piece} />
      ))}
      {!revealing && (
        <span className="mt-2 flex flex-wrap items-center gap-2 text-xs whitespace-normal opacity-80" data-testid="long-text-cap">
          <span>{t('showingPart', { shown: formatNumber(shown, locale), total: formatNumber(text.length, locale) })}</span>
          <button
            type="button"
            onClick={() => setRevealing(true)}
            className="rounded-md border border-current/30 px-2 py-0.5 font-medium hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-white/10"
          >
            {t('showAll')}
          </button>
        </span>
      )}
    </>
  );
}
