import type { ModelEvent } from './types';
import { isRecord, leftover, warning } from './decode-report';

/** What a piece of content is for the user: the answer, the model's reasoning, or its refusal. */
export type ContentKind = 'text' | 'reasoning' | 'refusal';

const TEXT_TYPES = new Set(['text', 'output_text', 'text_delta']);
const REASONING_TYPES = new Set(['thinking', 'reasoning', 'reasoning_text', 'reasoning_content', 'summary_text', 'reasoning.text', 'reasoning.summary']);
// Opaque reasoning the provider keeps for itself: nothing a person could read in it.
const OPAQUE_TYPES = new Set(['redacted_thinking', 'reasoning.encrypted', 'encrypted_reasoning']);
const REFUSAL_TYPES = new Set(['refusal']);
// Where each kind of part keeps its words, in the order providers use them.
const WORD_KEYS = ['text', 'thinking', 'reasoning', 'summary', 'refusal', 'content'] as const;
// Keys of a known part that carry no words: ids, positions, signatures, encrypted blobs, formats.
const PART_NO_OP = new Set(['type', 'index', 'id', 'signature', 'closed', 'logprobs', 'format', 'data', 'encrypted_content', 'annotations']);

/**
 * Reads message content in any of the shapes providers send — a string, one typed part, or a list
 * of typed parts, nested as Mistral nests `thinking: [{type: 'text', text}]` — into text, reasoning
 * and refusal events. A part type we do not know is reported, never dropped.
 */
export function readContent(content: unknown, kind: ContentKind, out: ModelEvent[], where: string): void {
  if (content === null || content === undefined || content === '') return;
  if (typeof content === 'string') return emit(kind, content, out);
  if (Array.isArray(content)) {
    for (const part of content) readContent(part, kind, out, where);
    return;
  }
  if (!isRecord(content)) {
    out.push(warning('unexpected_value', `Ignored ${where} that is neither text nor a list of parts: ${JSON.stringify(content)}`, content, false));
    return;
  }
  const type = typeof content.type === 'string' ? content.type : undefined;
  const partKind: ContentKind | 'opaque' | undefined =
    type === undefined
      ? kind
      : TEXT_TYPES.has(type)
        ? kind === 'text'
          ? 'text'
          : kind
        : REASONING_TYPES.has(type)
          ? 'reasoning'
          : REFUSAL_TYPES.has(type)
            ? 'refusal'
            : OPAQUE_TYPES.has(type)
              ? 'opaque'
              : undefined;
  if (partKind === undefined) {
    out.push(warning('unknown_part', `A ${where} part of type "${type}" is not something Callstream can show.`, content));
    return;
  }
  if (partKind === 'opaque') {
    const rest = leftover(content, PART_NO_OP);
    if (rest) out.push(warning('unknown_field', `Ignored readable fields of an opaque ${type} part: ${Object.keys(rest).join(', ')}.`, rest));
    return;
  }
  let read = false;
  for (const key of WORD_KEYS) {
    if (content[key] === undefined || content[key] === null) continue;
    read = true;
    readContent(content[key], partKind, out, where);
  }
  const rest = leftover(content, new Set([...PART_NO_OP, ...WORD_KEYS]));
  if (rest) out.push(warning('unknown_field', `Ignored unknown fields of a ${where} part: ${Object.keys(rest).join(', ')}.`, rest, false));
  if (!read && type === undefined) out.push(warning('unknown_part', `A ${where} part without a type or text was ignored.`, content));
}

function emit(kind: ContentKind, text: string, out: ModelEvent[]) {
  if (!text) return;
  out.push({ type: kind === 'text' ? 'text-delta' : kind === 'reasoning' ? 'reasoning-delta' : 'refusal-delta', text });
}
