import type { FinishReason } from './types';

/**
 * Maps a provider's own finish word (OpenAI `finish_reason`, Anthropic `stop_reason`) to ours.
 * Calls that were sent are run even when the provider says "stop" / "end_turn".
 */
export function mapFinishReason(raw: string | null, hadCalls: boolean): FinishReason {
  if (raw === null) return null;
  if (hadCalls && ['stop', 'end_turn', 'tool_calls', 'function_call', 'tool_use'].includes(raw)) return 'tool_calls';
  switch (raw) {
    case 'tool_calls':
    case 'function_call':
    case 'tool_use':
      return 'tool_calls';
    case 'length':
    case 'max_tokens':
    case 'model_context_window_exceeded':
    case 'max_output_tokens':
      return 'length';
    case 'content_filter':
    case 'refusal':
      return 'content_filter';
    case 'error':
      return 'error';
    default:
      // stop, end_turn, stop_sequence, pause_turn and words we do not know: the answer ended.
      return 'stop';
  }
}
