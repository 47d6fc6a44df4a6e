import { findJsonError, lineAndColumn, type JsonProblem } from './json-error';
import { matchTools, type ToolSummary } from './match-tools';

/** Why a command cannot run; the UI words it (and translates it). */
export type CommandError =
  /** Just "/" (or "/ {…}"): no tool named. */
  | { code: 'missing-name' }
  | { code: 'unknown-tool'; name: string; suggestions: string[] }
  /** `offset` is into the whole command text; line and column are 1-based. */
  | { code: 'invalid-json'; problem: JsonProblem; offset: number; line: number; column: number }
  /** The arguments are not a JSON object (an array, a bare value, plain words …). */
  | { code: 'not-object' };

export type ParsedCommand =
  /** Not a command: send this text to the model (a leading "//" has become "/"). */
  | { kind: 'message'; text: string }
  | { kind: 'call'; name: string; args: Record<string, unknown> }
  | { kind: 'error'; error: CommandError };

/**
 * Reads what the user typed: `/name` optionally followed by a JSON object (any whitespace, newlines
 * included, around it). Anything not starting with "/" is a message; "//" escapes a literal slash.
 */
export function parseCommand(text: string, tools: readonly ToolSummary[]): ParsedCommand {
  const lead = text.length - text.trimStart().length;
  if (text[lead] !== '/') return { kind: 'message', text };
  if (text[lead + 1] === '/') return { kind: 'message', text: text.slice(0, lead) + text.slice(lead + 1) };
  const name = commandName(text) ?? '';
  if (!name) return { kind: 'error', error: { code: 'missing-name' } };
  if (!tools.some((t) => t.name === name)) {
    // Suggestions come from names only: a description that happens to contain the letters is no typo fix.
    const names = tools.map((t) => ({ name: t.name, description: '' }));
    const suggestions = matchTools(names, name.slice(0, 3)).slice(0, 3).map((t) => t.name);
    return { kind: 'error', error: { code: 'unknown-tool', name, suggestions } };
  }
  const argsStart = lead + 1 + name.length;
  const rest = text.slice(argsStart);
  if (!rest.trim()) return { kind: 'call', name, args: {} };
  // "/calculate 6*7" is not a syntax slip inside JSON: the braces are missing altogether.
  if (!rest.trimStart().startsWith('{')) return { kind: 'error', error: { code: 'not-object' } };
  let args: unknown;
  try {
    args = JSON.parse(rest);
  } catch {
    return { kind: 'error', error: jsonError(text, argsStart) };
  }
  return { kind: 'call', name, args: args as Record<string, unknown> };
}

/**
 * The tool name being typed while the text is still just "/name" (no space or arguments yet), for
 * the suggestion menu; null otherwise. "/" alone gives "".
 */
export function typingName(text: string): string | null {
  const match = /^\/([^\s{/][^\s{]*)?$/.exec(text);
  return match ? (match[1] ?? '') : null;
}

/** The name after the leading slash of a command text (up to whitespace or "{"), or null for a non-command. */
export function commandName(text: string): string | null {
  const match = /^\s*\/([^\s{]*)/.exec(text);
  return match && !match[1].startsWith('/') ? match[1] : null;
}

/** A JSON text for the arguments, as a command would carry it: compact, or indented when long. */
export function formatCommand(name: string, args: Record<string, unknown>): string {
  const compact = JSON.stringify(args);
  if (compact === '{}') return `/${name}`;
  return `/${name} ${compact.length > 80 ? JSON.stringify(args, null, 2) : compact}`;
}

function jsonError(text: string, argsStart: number): CommandError {
  const rest = text.slice(argsStart);
  let found: ReturnType<typeof findJsonError>;
  try {
    found = findJsonError(rest);
  } catch {
    found = null; // nesting too deep for the scanner's stack; JSON.parse already said it is invalid
  }
  const offset = argsStart + (found?.offset ?? rest.length - rest.trimStart().length);
  return { code: 'invalid-json', problem: found?.problem ?? 'value', offset, ...lineAndColumn(text, offset) };
}
