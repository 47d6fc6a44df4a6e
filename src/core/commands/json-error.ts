/** What the JSON text needed where it went wrong. */
export type JsonProblem =
  | 'value'
  | 'key'
  | 'colon'
  | 'comma-or-brace'
  | 'comma-or-bracket'
  | 'string-end'
  | 'string-char'
  | 'escape'
  | 'number'
  | 'trailing'
  | 'eof';

export interface JsonSyntaxError {
  /** Offset into the text where the problem is (text.length when the text ends too early). */
  offset: number;
  problem: JsonProblem;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly problem: JsonProblem,
  ) {
    super(problem);
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Finds the first syntax error of a JSON text, or null when it is valid. JSON.parse reports the
 * position in a different wording (or not at all) in every browser, so the position comes from here.
 */
export function findJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (problem: JsonProblem, at = i): never => {
    throw new Stop(at, at >= text.length && problem !== 'trailing' ? 'eof' : problem);
  };
  const skip = () => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) fail('value', i - 1);
  };
  const digits = () => {
    const start = i;
    while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
    if (i === start) fail('number');
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail('string-end');
      const ch = text[i];
      if (ch === '"') return void i++;
      if (ch < ' ') fail('string-char');
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('escape');
          i += 6;
        } else if (next !== undefined && ESCAPES.has(next)) i += 2;
        else fail('escape');
      } else i++;
    }
  };
  const value = (): void => {
    skip();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    fail('value');
  };
  const object = () => {
    i++;
    skip();
    if (text[i] === '}') return void i++;
    for (;;) {
      skip();
      if (text[i] !== '"') fail('key');
      string();
      skip();
      if (text[i] !== ':') fail('colon');
      i++;
      value();
      skip();
      if (text[i] === '}') return void i++;
      if (text[i] !== ',') fail('comma-or-brace');
      i++;
    }
  };
  const array = () => {
    i++;
    skip();
    if (text[i] === ']') return void i++;
    for (;;) {
      value();
      skip();
      if (text[i] === ']') return void i++;
      if (text[i] !== ',') fail('comma-or-bracket');
      i++;
    }
  };
  try {
    value();
    skip();
    if (i < text.length) fail('trailing');
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, problem: e.problem };
    throw e;
  }
}

/** 1-based line and column of an offset, counting lines the way a text box shows them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
