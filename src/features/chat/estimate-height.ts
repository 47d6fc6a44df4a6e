import type { Message } from '../../core/conversation/types';

// Rough typography of the column (max-w-3xl, 15px text, 28px lines); only rows never rendered use
// these, and a closer guess means less movement of the scrollbar thumb as rows get measured.
const CHARS_PER_LINE = 85;
const LINE_PX = 28;
const CODE_LINE_PX = 24;
const TOOL_CARD_PX = 120;
const USER_BASE_PX = 56;
const ASSISTANT_BASE_PX = 48;
const ROW_GAP_PX = 24;

const cache = new WeakMap<Message, number>();

function textHeight(text: string): number {
  let px = 0;
  let inFence = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      inFence = !inFence;
      px += inFence ? 40 : 16;
    } else if (inFence) px += CODE_LINE_PX;
    else if (line.trim() === '') px += 8;
    else px += Math.ceil(line.length / CHARS_PER_LINE) * LINE_PX;
  }
  return px;
}

/** A guess at a message row's height (pixels, gap included) before it has ever been rendered. */
export function estimateMessageHeight(message: Message): number {
  const cached = cache.get(message);
  if (cached !== undefined) return cached;
  let px: number;
  if (message.role === 'user') px = USER_BASE_PX + textHeight(message.text);
  else {
    px = ASSISTANT_BASE_PX;
    for (const round of message.rounds)
      for (const part of round.parts) px += part.type === 'tool-call' ? TOOL_CARD_PX : part.type === 'reasoning' ? 44 : textHeight(part.text);
  }
  const total = Math.round(px + ROW_GAP_PX);
  cache.set(message, total);
  return total;
}
