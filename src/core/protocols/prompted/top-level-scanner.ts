/** Keys a model may use for the arguments object; "arguments" is what the prompt asks for. */
export const ARGUMENT_KEYS = ['arguments', 'parameters', 'input', 'args'] as const;

type Phase = 'before' | 'key' | 'colon' | 'value' | 'after' | 'done';

/**
 * Scans the body of a `<tool_call>` block one character at a time and tracks just enough of the
 * top-level JSON object to stream it: the "name" as soon as its string closes, and the raw span of
 * the arguments value while it grows. It never throws; the final verdict is JSON.parse's.
 */
export class TopLevelScanner {
  /** Everything fed so far. */
  text = '';
  /** True inside a JSON string, where `</tool_call>` is content, not the closing tag. */
  inString = false;
  /** The value of the top-level "name" key once its string has closed. */
  name: string | undefined;
  private depth = 0;
  private escaped = false;
  private stringStart = -1;
  private phase: Phase = 'before';
  private key: string | null = null;
  private valueStart = -1;
  private argsStart = -1;
  private argsEnd = -1;
  private argsKey: string | null = null;

  step(c: string): void {
    const i = this.text.length;
    this.text += c;
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === '\\') this.escaped = true;
      else if (c === '"') {
        this.inString = false;
        this.stringEnded(i);
      }
      return;
    }
    switch (c) {
      case '"':
        this.valueBegins(i);
        this.inString = true;
        this.stringStart = i;
        return;
      case '{':
      case '[':
        this.valueBegins(i);
        this.depth++;
        if (this.depth === 1) this.phase = c === '{' && this.phase === 'before' ? 'key' : 'done';
        return;
      case '}':
      case ']':
        if (this.depth === 1 && this.phase === 'value' && this.valueStart >= 0) this.valueEnded(i);
        this.depth = Math.max(0, this.depth - 1);
        if (this.depth === 1 && this.phase === 'value') this.valueEnded(i + 1);
        if (this.depth === 0 && this.phase !== 'before') this.phase = 'done';
        return;
      case ':':
        if (this.depth === 1 && this.phase === 'colon') {
          this.phase = 'value';
          this.valueStart = -1;
        }
        return;
      case ',':
        if (this.depth === 1 && (this.phase === 'value' || this.phase === 'after')) {
          if (this.phase === 'value' && this.valueStart >= 0) this.valueEnded(i);
          this.phase = 'key';
        }
        return;
      default:
        if (!/\s/.test(c)) this.valueBegins(i);
    }
  }

  /** The raw arguments text seen so far (trailing whitespace held back), or null before it starts. */
  argsSoFar(): { start: number; end: number; complete: boolean } | null {
    if (this.argsStart >= 0 && this.argsEnd >= 0) return { start: this.argsStart, end: this.argsEnd, complete: true };
    if (this.phase !== 'value' || this.valueStart < 0 || !isArgsKey(this.key) || this.argsKey !== null) return null;
    return { start: this.valueStart, end: this.valueStart + this.text.slice(this.valueStart).trimEnd().length, complete: false };
  }

  private valueBegins(i: number) {
    if (this.depth === 1 && this.phase === 'value' && this.valueStart < 0) this.valueStart = i;
  }

  private stringEnded(i: number) {
    if (this.depth !== 1) return;
    if (this.phase === 'key') {
      this.key = parseString(this.text.slice(this.stringStart, i + 1));
      this.phase = 'colon';
    } else if (this.phase === 'value') {
      this.valueEnded(i + 1);
    }
  }

  private valueEnded(end: number) {
    const start = this.valueStart;
    const trimmedEnd = start + this.text.slice(start, end).trimEnd().length;
    if (this.key === 'name' && this.name === undefined) {
      const value = parseString(this.text.slice(start, trimmedEnd));
      if (value !== null) this.name = value;
    }
    if (isArgsKey(this.key) && this.argsKey === null) {
      this.argsKey = this.key;
      this.argsStart = start;
      this.argsEnd = trimmedEnd;
    }
    this.phase = 'after';
  }
}

function isArgsKey(key: string | null): boolean {
  return key !== null && (ARGUMENT_KEYS as readonly string[]).includes(key);
}

function parseString(literal: string): string | null {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
