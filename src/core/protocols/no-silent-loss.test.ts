// @vitest-environment node
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { createOpenAIChatAssembler } from './openai-chat-assembler';
import { createAnthropicStreamDecoder } from './anthropic-messages-stream';
import type { ModelEvent } from './types';

/**
 * "Nothing dropped in silence" as a property: whatever JSON shapes a provider streams, every string
 * it carried is either in what the decoder produced (text, reasoning, refusal, a call, the finish
 * reason) or in a warning. Strings under label keys (ids, types, roles, signatures) are exempt:
 * they name things, they are not words for anyone. The list is written out here, apart from the
 * decoders' own lists, so a decoder that wrongly calls a field a no-op cannot agree with itself.
 */
const LABEL_KEYS = new Set(['id', 'type', 'index', 'role', 'object', 'model', 'created', 'system_fingerprint', 'signature', 'finish_reason', 'stop_reason', 'stop_sequence']);

function payloadStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) payloadStrings(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (!LABEL_KEYS.has(k)) payloadStrings(v, out);
  return out;
}

/** Everything the decoder made of the input, as one searchable text. */
function outputText(events: ModelEvent[]): string {
  const pieces: string[] = [];
  for (const e of events) {
    if (e.type === 'text-delta' || e.type === 'reasoning-delta' || e.type === 'refusal-delta') pieces.push(e.text);
    else if (e.type === 'tool-call-start') pieces.push(e.name, e.id);
    else if (e.type === 'tool-call-end') pieces.push(e.argsText);
    else if (e.type === 'finish') pieces.push(e.rawReason ?? '');
    else if (e.type === 'warning') pieces.push(e.message, JSON.stringify(e.data ?? null));
  }
  // Joined deltas too: a string may arrive as the concatenation of a call's argument pieces.
  return pieces.join('\u0000') + '\u0000' + events.filter((e) => e.type === 'text-delta').map((e) => (e as { text: string }).text).join('');
}

function expectNothingLost(input: unknown, events: ModelEvent[]) {
  const out = outputText(events);
  for (const s of payloadStrings(input)) {
    // JSON.stringify escapes some characters; look for the string as it is and as JSON would write it.
    if (!out.includes(s) && !out.includes(JSON.stringify(s).slice(1, -1))) throw new Error(`"${s}" was dropped in silence`);
  }
}

const word = fc.string({ minLength: 1, maxLength: 8 });
const json = fc.jsonValue({ maxDepth: 2 });
const oddKey = word.filter((k) => !['content', 'reasoning_content', 'reasoning', 'refusal', 'tool_calls', 'function_call', 'role', 'error'].includes(k) && !LABEL_KEYS.has(k));
const partType = fc.oneof(fc.constantFrom('text', 'thinking', 'reasoning', 'refusal', 'output_text', 'image_url', 'redacted_thinking'), word);
const part: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  part: fc.record(
    {
      type: partType,
      text: fc.oneof(word, json),
      thinking: fc.oneof(word, fc.array(tie('part'), { maxLength: 2 })),
      refusal: word,
      extra: json,
    },
    { requiredKeys: ['type'] },
  ),
})).part;
const content = fc.oneof(word, fc.array(fc.oneof(part, word, json), { maxLength: 3 }), part, json);
const toolCall = fc.record(
  {
    index: fc.integer({ min: 0, max: 2 }),
    id: fc.constantFrom('call_a', 'call_b', ''),
    type: fc.constant('function'),
    function: fc.record({ name: fc.oneof(fc.constantFrom('f', 'g'), word), arguments: fc.oneof(word, fc.dictionary(word, word, { maxKeys: 2 })), extra: json }, { requiredKeys: [] }),
    extra: json,
  },
  { requiredKeys: [] },
);
const delta = fc.record(
  {
    role: fc.constant('assistant'),
    content,
    reasoning_content: fc.oneof(word, content),
    refusal: fc.oneof(word, content),
    tool_calls: fc.array(toolCall, { maxLength: 2 }),
    odd: fc.tuple(oddKey, json),
  },
  { requiredKeys: [] },
).map(({ odd, ...d }) => (odd ? { ...d, [odd[0]]: odd[1] } : d));
const chunk = fc.record(
  { id: fc.constant('chatcmpl-1'), choices: fc.tuple(fc.record({ index: fc.constant(0), delta, extra: json }, { requiredKeys: ['delta'] })), odd: fc.tuple(oddKey, json) },
  { requiredKeys: ['choices'] },
).map(({ odd, ...c }) => (odd ? { ...c, [odd[0]]: odd[1] } : c));

describe('no silent loss', () => {
  it('OpenAI-compatible chunks: every string is in the output or a warning', () => {
    fc.assert(
      fc.property(fc.array(chunk, { minLength: 1, maxLength: 5 }), (chunks) => {
        const a = createOpenAIChatAssembler(() => 'generated');
        const events = [...chunks.flatMap((c) => a.push(c as never)), ...a.push({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }), ...a.end()];
        expectNothingLost(chunks, events);
      }),
      { numRuns: 400 },
    );
  });

  const block = fc.oneof(
    fc.record({ type: fc.constant('text'), text: word, odd: json }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('thinking'), thinking: word, signature: word }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('tool_use'), id: fc.constant('toolu_1'), name: fc.oneof(fc.constant('f'), word), input: fc.constant({}) }, { requiredKeys: ['type', 'id'] }),
    fc.record({ type: fc.oneof(fc.constantFrom('server_tool_use', 'image'), word), body: json }, { requiredKeys: ['type'] }),
  );
  const deltaA = fc.oneof(
    fc.record({ type: fc.constant('text_delta'), text: word, odd: json }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('thinking_delta'), thinking: word }),
    fc.record({ type: fc.constant('input_json_delta'), partial_json: word }),
    fc.record({ type: word, body: json }, { requiredKeys: ['type'] }),
  );
  const event = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 2 }), block).map(([index, content_block]) => ({ type: 'content_block_start', index, content_block })),
    fc.tuple(fc.integer({ min: 0, max: 2 }), deltaA).map(([index, delta]) => ({ type: 'content_block_delta', index, delta })),
    fc.integer({ min: 0, max: 2 }).map((index) => ({ type: 'content_block_stop', index })),
    fc.record({ type: word.filter((t) => !['error', 'message_stop', 'message_start', 'message_delta'].includes(t)), payload: json }),
  );

  it('Anthropic events: every string is in the output or a warning', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 8 }), (events) => {
        const d = createAnthropicStreamDecoder();
        const all = [{ type: 'message_start', message: { id: 'msg_1', content: [] } }, ...events, { type: 'message_delta', delta: { stop_reason: 'end_turn' } }, { type: 'message_stop' }];
        const out = all.flatMap((e) => d.push({ data: JSON.stringify(e) }));
        expectNothingLost(events, [...out, ...d.end()]);
      }),
      { numRuns: 400 },
    );
  });
});
