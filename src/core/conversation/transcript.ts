import type { ModelMessage } from '../protocols/types';
import type { AssistantMessage, Message, ToolCallState } from './types';

/**
 * Builds the transcript sent to the model. Every tool call gets exactly one result — a call that was
 * cancelled, rejected, cut off or interrupted gets a synthetic one — so no provider sees an orphan.
 * The model's original call is kept verbatim; edits are explained in the result.
 */
export function buildTranscript(messages: Message[], systemPrompt?: string): ModelMessage[] {
  const out: ModelMessage[] = [];
  if (systemPrompt?.trim()) out.push({ role: 'system', content: systemPrompt });
  for (const m of messages) {
    if (m.role === 'user') out.push({ role: 'user', content: m.text });
    else appendAssistant(out, m);
  }
  return out;
}

function appendAssistant(out: ModelMessage[], turn: AssistantMessage) {
  turn.rounds.forEach((round) => {
    let text = '';
    let reasoning = '';
    const calls: ToolCallState[] = [];
    for (const part of round.parts) {
      if (part.type === 'text') text += part.text;
      else if (part.type === 'reasoning') reasoning += part.text;
      else if (turn.calls[part.callId]) calls.push(turn.calls[part.callId]);
    }
    if (!text && !calls.length) return;
    out.push({
      role: 'assistant',
      content: text,
      ...(reasoning ? { reasoning } : {}),
      ...(round.reasoningBlocks?.length ? { reasoningBlocks: round.reasoningBlocks } : {}),
      ...(calls.length ? { toolCalls: calls.map((c) => ({ id: c.id, name: c.name, argsText: c.argsText })) } : {}),
    });
    for (const c of calls) out.push({ role: 'tool', toolCallId: c.id, name: c.name, content: resultFor(c) });
  });
}

/**
 * What the model is asked when the user continues an answer cut at the output limit. The request
 * ends with the cut answer as the model's own message, then this short user message: OpenAI-style
 * chat APIs have no assistant prefill, and Anthropic's newest models refuse one ("The conversation
 * must end with a user message"), so one shape works with every provider and in prompted mode.
 * The reply is appended to the cut text as it arrives, so it must start with the very next characters.
 */
export const CONTINUE_INSTRUCTION =
  'Your previous message was cut off at the output limit. Continue exactly where it stopped: write only the rest, starting with the very next characters (include a leading space or line break if one belongs there). Do not repeat anything, do not add a preface.';

/** The transcript for continuing a cut answer: everything up to the cut answer, then the instruction. */
export function continuationTranscript(transcript: ModelMessage[]): ModelMessage[] {
  return [...transcript, { role: 'user', content: CONTINUE_INSTRUCTION }];
}

/** True when the turn's last round ended at the model's output limit (`length` / `max_tokens`). */
export function isCutOff(turn: AssistantMessage): boolean {
  return turn.rounds.at(-1)?.finishReason === 'length';
}

/** The result text the model sees for a call, synthetic when the call never produced one. */
export function resultFor(call: ToolCallState): string {
  if (call.resultText !== undefined) return call.resultText;
  // Rejected, invalid, succeeded and failed calls always carry their result; the rest may not.
  switch (call.status) {
    case 'cancelled':
      return 'The user cancelled this call; it did not finish.';
    case 'incomplete':
      return 'This call was cut off before its arguments were complete (the output limit or a dropped connection); it was not run. Call it again if you still need it.';
    default:
      return 'This call was interrupted before it produced a result; it did not finish.';
  }
}

/** What the model is told when the user rejects a call. */
export function rejectionText(reason?: string): string {
  return reason?.trim()
    ? `The user rejected this call. Reason: ${reason.trim()}`
    : 'The user rejected this call and gave no reason. Do not retry it unchanged.';
}

/** Prefixes a result when the user edited the arguments, so the history stays honest. */
export function editedResultText(editedArgs: unknown, result: string): string {
  return `Note: the user edited the arguments before this call ran. Arguments actually used: ${JSON.stringify(editedArgs)}\nResult: ${result}`;
}
