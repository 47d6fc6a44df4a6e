import type { Conversation } from '../../core/conversation/types';
import { summarize } from './summary';
import type { SearchHit } from './types';

/** Every searchable piece of text: user messages, assistant text on every branch, and tool names. */
export function searchableTexts(conv: Conversation): string[] {
  const texts: string[] = [];
  for (const m of conv.messages) {
    if (m.role === 'user') {
      texts.push(m.text);
      continue;
    }
    for (const round of m.rounds) for (const part of round.parts) if (part.type === 'text') texts.push(part.text);
    for (const call of Object.values(m.calls)) texts.push(call.name);
  }
  return texts;
}

const SNIPPET_RADIUS = 40;

/**
 * Whether `conv` matches: every whitespace-separated word of the query occurs (case-insensitively)
 * in the title or the content. Returns the hit, with an excerpt around the first word found in the
 * content, or null. An empty query matches nothing.
 */
export function matchConversation(conv: Conversation, query: string): SearchHit | null {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const texts = searchableTexts(conv);
  const title = conv.title.toLocaleLowerCase();
  const lowered = texts.map((t) => t.toLocaleLowerCase());
  if (!words.every((w) => title.includes(w) || lowered.some((t) => t.includes(w)))) return null;
  return { ...summarize(conv), snippet: snippetFor(texts, lowered, words) };
}

function snippetFor(texts: string[], lowered: string[], words: string[]): string | undefined {
  for (const word of words) {
    const i = lowered.findIndex((t) => t.includes(word));
    if (i === -1) continue;
    const text = texts[i];
    const at = lowered[i].indexOf(word);
    const start = Math.max(0, at - SNIPPET_RADIUS);
    const end = Math.min(text.length, at + word.length + SNIPPET_RADIUS);
    // Markdown emphasis and code marks read as noise in a one-line excerpt.
    const body = text.slice(start, end).replace(/\*\*|__|`+|^#+\s*/gm, '').replace(/\s+/g, ' ').trim();
    return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
  }
  return undefined;
}
