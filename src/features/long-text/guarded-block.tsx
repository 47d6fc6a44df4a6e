import { useT } from '../../i18n';
import { LongText } from './long-text';
import type { PlainReason } from './markdown-guard';
import { messages } from './messages';

/** A markdown block the guard refused to format (markdown-guard.ts): its text, plainly, and why. */
export function GuardedBlock({ text, reason }: { text: string; reason: PlainReason }) {
  const t = useT(messages);
  return (
    <div className="my-3" data-guard={reason}>
      <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">{t(reason === 'too_long' ? 'plainBecauseLong' : 'plainBecauseDeep')}</p>
      <div className="whitespace-pre-wrap break-words">
        <LongText text={text} />
      </div>
    </div>
  );
}
