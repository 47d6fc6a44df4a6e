import { useRef } from 'react';
import { createPartialJson, type PartialJson } from '../../core/stream/partial-json';

export interface PartialArgs {
  /** Best-effort value of what has arrived so far; undefined until something parseable arrived. */
  value: unknown;
  /** The text is not (yet) valid JSON beyond repair. */
  error: string | undefined;
}

/**
 * Parses streamed arguments incrementally. argsText only grows while streaming, so only the new
 * suffix is pushed; the parser is rebuilt when the text was replaced. Re-running with the same text
 * pushes nothing, which keeps this safe under React's double render.
 */
export function usePartialArgs(argsText: string, enabled: boolean): PartialArgs {
  const state = useRef<{ parser: PartialJson; text: string } | null>(null);
  if (!enabled) {
    state.current = null;
    return { value: undefined, error: undefined };
  }
  let current = state.current;
  if (!current || !argsText.startsWith(current.text)) {
    current = { parser: createPartialJson(), text: '' };
    state.current = current;
  }
  if (argsText.length > current.text.length) {
    current.parser.push(argsText.slice(current.text.length));
    current.text = argsText;
  }
  const error = current.parser.error();
  return { value: current.parser.value(), error: error ?? undefined };
}
