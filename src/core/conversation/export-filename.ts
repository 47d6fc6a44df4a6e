/** A safe download name from a conversation title: no path or reserved characters, short, never empty. */
export function exportFileName(title: string, extension: 'json' | 'md'): string {
  const cleaned = title
    .normalize('NFKC')
    // Characters Windows, macOS or a shell would choke on, and control characters.
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/[\s.]+/g, ' ')
    .trim()
    .replace(/ /g, '-');
  // Cut by code point so an emoji is never split in half.
  const stem = Array.from(cleaned).slice(0, 60).join('').replace(/-+$/, '');
  return `${stem || 'conversation'}.${extension}`;
}

/** Download name for an export of every conversation, dated so repeated backups do not collide. */
export function exportAllFileName(now: Date = new Date()): string {
  return `callstream-conversations-${now.toISOString().slice(0, 10)}.json`;
}
